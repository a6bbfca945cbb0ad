import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthFrom } from '../../shared/domain/calendar';
import { download } from '../app/download';
import { useDateFormat, useToday } from '../app/format';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

/** The monthly privacy report (PDF, in the screen's language) for a month of the last twelve; the last full month first. */
export function MonthlyReport() {
  const { t, i18n } = useTranslation('overview');
  const bridge = useBridge();
  const f = useDateFormat();
  const problems = useProblemText();
  const today = useToday();
  const months = Array.from({ length: 12 }, (_, i) => monthFrom(today, -i));
  const [month, setMonth] = useState(months[1]);
  const report = useMutation({
    mutationFn: () => bridge['report.monthly']({ month, language: i18n.language === 'en' ? 'en' : 'de' }),
    onSuccess: (file) => {
      download(file);
      notifications.show({ color: 'teal', message: t('report.made', { file: file.fileName, sha: file.sha256.slice(0, 12) }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('report.month')}
        data={months.map((m) => ({ value: m, label: f.month(m) }))}
        value={month}
        onChange={(value) => value && setMonth(value)}
        allowDeselect={false}
        w={170}
        size="xs"
        data-testid="report-month"
      />
      <Button size="xs" variant="default" loading={report.isPending} onClick={() => report.mutate()} data-testid="monthly-report">
        {t('report.make')}
      </Button>
    </Group>
  );
}
