import { Alert, Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockSettings } from '../../shared/api/dsar-workflow';
import { germanLands, supervisoryAuthorities } from '../../shared/domain/supervisory-authorities';
import { useClock } from '../app/format';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

const landNames: Record<string, string> = {
  'DE-BW': 'Baden-Württemberg',
  'DE-BY': 'Bayern',
  'DE-BE': 'Berlin',
  'DE-BB': 'Brandenburg',
  'DE-HB': 'Bremen',
  'DE-HH': 'Hamburg',
  'DE-HE': 'Hessen',
  'DE-MV': 'Mecklenburg-Vorpommern',
  'DE-NI': 'Niedersachsen',
  'DE-NW': 'Nordrhein-Westfalen',
  'DE-RP': 'Rheinland-Pfalz',
  'DE-SL': 'Saarland',
  'DE-SN': 'Sachsen',
  'DE-ST': 'Sachsen-Anhalt',
  'DE-SH': 'Schleswig-Holstein',
  'DE-TH': 'Thüringen',
};
const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.startsWith('Europe/'));

/** How this controller counts deadlines; a change recomputes every cached due date at once. */
export function DeadlineSettings() {
  const { t } = useTranslation('settings');
  const problems = useProblemText();
  const names = useLabels();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const clock = useClock();
  const [draft, setDraft] = useState<ClockSettings | null>(null);
  useEffect(() => {
    if (clock.data && !draft) setDraft(clock.data);
  }, [clock.data, draft]);
  const save = useMutation({
    mutationFn: (settings: ClockSettings) => bridge['clock.update'](settings),
    onSuccess: ({ settings, recomputed }) => {
      queryClient.setQueryData(['clock'], settings);
      void queryClient.invalidateQueries({ queryKey: ['dsar'] });
      notifications.show({ color: 'teal', message: t('clock.saved', { count: recomputed }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  if (!draft) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('clock.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('clock.explain')}
        </Text>
        <Group grow align="flex-start">
          <Select
            label={t('clock.region')}
            data={germanLands.map((code) => ({ value: code, label: `${landNames[code]} (${code})` }))}
            value={draft.region}
            onChange={(value) => value && setDraft({ ...draft, region: value })}
            allowDeselect={false}
            searchable
          />
          <Select
            label={t('clock.timeZone')}
            data={zones}
            value={draft.timeZone}
            onChange={(value) => value && setDraft({ ...draft, timeZone: value })}
            allowDeselect={false}
            searchable
          />
        </Group>
        <Text size="sm" data-testid="authority">
          {t('clock.authority', { name: supervisoryAuthorities[draft.region]?.name ?? '—' })}
        </Text>
        <Radio.Group
          label={t('clock.pausePolicy')}
          value={draft.pausePolicy}
          onChange={(value) => setDraft({ ...draft, pausePolicy: value as ClockSettings['pausePolicy'] })}
        >
          <Stack gap={6} mt={6}>
            {(['none', 'identity', 'identity_and_clarification'] as const).map((policy) => (
              <Radio key={policy} value={policy} label={names.pausePolicy[policy]} description={t(`clock.policyHint.${policy}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {draft.pausePolicy !== 'none' && (
          <Alert color="yellow" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
            {t('clock.pauseWarning')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate(draft)} loading={save.isPending} data-testid="save-clock">
            {t('clock.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
