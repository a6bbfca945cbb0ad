import { Alert, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../shared/domain/reminders';
import { useDateFormat } from '../app/format';
import { useBridge } from '../bridge/context';

/** What in the registry needs the officer (`kind`: only reminders of that kind, as a figure of the overview asked). */
export function useRegistryReminders() {
  const bridge = useBridge();
  // Keyed under 'processor' so a registry change (cache.changed) recomputes it.
  return useQuery({ queryKey: ['processor', 'reminders'], queryFn: () => bridge['registry.reminders']() });
}

export function NeedsAttention({ kind }: { kind?: string | null }) {
  const { t } = useTranslation('processors');
  const format = useDateFormat();
  const reminders = useRegistryReminders();
  const shown = (reminders.data ?? []).filter((reminder) => !kind || reminder.kind === kind);
  if (!shown.length) return null;
  const line = (r: Reminder) =>
    t(`processors.reminder.${r.kind}`, {
      name: r.processorName,
      subject: r.subject ?? '',
      date: format.day(r.date),
      count: Math.abs(r.days),
    });
  return (
    <Alert
      color="orange"
      title={t('processors.needsAttention', { count: shown.length })}
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
      data-testid="needs-attention"
    >
      <List size="sm" spacing={2}>
        {shown.map((reminder) => (
          <List.Item key={reminder.key} data-kind={reminder.kind}>
            <Text size="sm" c="dark.7">
              {line(reminder)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
