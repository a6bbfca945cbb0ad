import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterChip } from '../app/FilterChip';
import { useDateFormat } from '../app/format';
import type { QueueFilter } from './QueueFilters';

/**
 * The filter a figure of the overview opened the queue with (a week's inflow, a month's answers, a bucket of
 * days left), named as the figure was, with a button to drop it.
 */
export function FigureFilter({ filter, onChange }: { filter: QueueFilter; onChange(next: QueueFilter): void }) {
  const { t } = useTranslation('dsar');
  const f = useDateFormat();
  const labels: { key: string; label: string; drop: Partial<QueueFilter> }[] = [];
  if (filter.received) {
    labels.push({
      key: 'received',
      label: t('queue.figure.received', { from: f.day(filter.received.from), to: f.day(filter.received.to) }),
      drop: { received: null },
    });
  }
  if (filter.answered) {
    const { month, onTime } = filter.answered;
    const key = onTime === null ? 'answered' : onTime ? 'answeredOnTime' : 'answeredLate';
    labels.push({ key: 'answered', label: t(`queue.figure.${key}`, { month: f.month(month) }), drop: { answered: null } });
  }
  if (filter.dueBetween) {
    const { from, to } = filter.dueBetween;
    const label =
      from && to
        ? t('queue.figure.dueBetween', { from: f.day(from), to: f.day(to) })
        : from
          ? t('queue.figure.dueFrom', { from: f.day(from) })
          : t('queue.figure.dueUntil', { to: f.day(to ?? '') });
    labels.push({ key: 'dueBetween', label, drop: { dueBetween: null } });
  }
  if (!labels.length) return null;
  return (
    <Group gap="xs" data-testid="figure-filter">
      {labels.map(({ key, label, drop }) => (
        <FilterChip
          key={key}
          label={label}
          removeLabel={t('queue.figure.remove', { label })}
          onRemove={() => onChange({ ...filter, ...drop })}
        />
      ))}
    </Group>
  );
}
