import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

/**
 * The console's own storage limitation (Art. 5(1)(e)): closed requests leave this computer's cache a set
 * time after closing; the platform keeps its record, and the console fetches one again when it is asked for.
 */
export function RetentionSettings() {
  const { t } = useTranslation('settings');
  const problems = useProblemText();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['retention'], queryFn: () => bridge['retention.get']() });
  const [months, setMonths] = useState<number | null>(null);
  useEffect(() => {
    if (saved.data && months === null) setMonths(saved.data.closedMonths);
  }, [saved.data, months]);
  const save = useMutation({
    mutationFn: (closedMonths: number) => bridge['retention.update']({ closedMonths }),
    onSuccess: ({ settings, removed }) => {
      queryClient.setQueryData(['retention'], settings);
      void queryClient.invalidateQueries({ queryKey: ['dsar'] });
      notifications.show({ color: 'teal', message: t('retention.saved', { count: removed }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  if (months === null) return null;
  const valid = Number.isInteger(months) && months >= 1 && months <= 120;
  return (
    <Paper withBorder p="md" radius="md" data-testid="retention-settings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('retention.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('retention.explain')}
        </Text>
        <Group align="flex-end">
          <NumberInput
            label={t('retention.months')}
            min={1}
            max={120}
            value={months}
            onChange={(value) => setMonths(typeof value === 'number' ? value : Number.NaN)}
            error={valid ? undefined : t('retention.invalid')}
            w={260}
          />
          <Button onClick={() => valid && save.mutate(months)} loading={save.isPending} disabled={!valid} data-testid="save-retention">
            {t('retention.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
