import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DsarStatus } from '../../shared/api/dsar';
import { daysBetween, localDate } from '../../shared/domain/calendar';
import { isOpen } from '../../shared/domain/dsar';

const CONTROLLER_TIME_ZONE = 'Europe/Berlin';

export function DueBadge({ dueDate, status }: { dueDate: string; status: DsarStatus }) {
  const { t, i18n } = useTranslation();
  const formatted = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${dueDate}T00:00:00Z`));
  if (!isOpen(status)) return <span>{formatted}</span>;
  const left = daysBetween(localDate(new Date(), CONTROLLER_TIME_ZONE), dueDate);
  const [color, label] =
    left < 0
      ? ['red', t('queue.overdue', { count: -left })]
      : left === 0
        ? ['orange', t('queue.dueToday')]
        : left <= 7
          ? ['yellow', t('queue.daysLeft', { count: left })]
          : ['gray', t('queue.daysLeft', { count: left })];
  return (
    <Tooltip label={t('queue.provisional')} multiline maw={320}>
      <span>
        {formatted}{' '}
        <Badge size="sm" color={color} variant="light" data-testid="days-left">
          {label}
        </Badge>
      </span>
    </Tooltip>
  );
}
