import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DsarStatus } from '../../shared/api/dsar';
import { daysBetween } from '../../shared/domain/calendar';
import { isOpen } from '../../shared/domain/dsar';
import { useDateFormat, useToday } from '../app/format';

/** On the light tints, orange and yellow text cannot reach 4.5:1; those badges read in dark text instead. */
const textColor: Record<string, string> = {
  red: 'var(--mantine-color-red-9)',
  orange: 'var(--mantine-color-dark-7)',
  yellow: 'var(--mantine-color-dark-7)',
  gray: 'var(--mantine-color-gray-9)',
};

export function DueBadge({
  dueDate,
  status,
  paused,
  compact = false,
}: {
  dueDate: string;
  status: DsarStatus;
  paused: boolean;
  /** In a narrow column: the days left only, the date in the tooltip. */
  compact?: boolean;
}) {
  const { t } = useTranslation('dsar');
  const formatted = useDateFormat().day(dueDate);
  const today = useToday();
  if (!isOpen(status)) return <span>{formatted}</span>;
  const left = daysBetween(today, dueDate);
  const [color, label] =
    left < 0
      ? ['red', t('queue.overdue', { count: -left })]
      : left === 0
        ? ['orange', t('queue.dueToday')]
        : left <= 7
          ? ['yellow', t('queue.daysLeft', { count: left })]
          : ['gray', t('queue.daysLeft', { count: left })];
  return (
    <Tooltip label={`${compact ? `${formatted} – ` : ''}${paused ? t('queue.pausedHint') : t('queue.dueHint')}`} multiline maw={320}>
      <span>
        {!compact && `${formatted} `}
        {/* Tinted background with the darkest shade as text: AA contrast for every colour. */}
        <Badge
          size="sm"
          color={color}
          variant="light"
          style={{ '--badge-color': textColor[color] } as React.CSSProperties}
          data-testid="days-left"
        >
          {label}
        </Badge>
        {paused && (
          <Badge size="sm" color="gray" variant="outline" ml={4}>
            {t('detail.paused')}
          </Badge>
        )}
      </span>
    </Tooltip>
  );
}
