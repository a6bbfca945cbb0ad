import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOpen } from '../../../shared/domain/dsar';
import { ledgerOf } from '../../../shared/domain/dsar-clock';
import type { DsarDetail } from '../../../shared/ipc/contract';
import { useDateFormat } from '../../app/format';
import { useLabels } from '../../app/labels';

/** The deadline, the days left, and why the date is what it is (Reg. 1182/71), step by step. */
export function DeadlineCard({ detail }: { detail: DsarDetail }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const { deadline, clock, dsar } = detail;
  const f = useDateFormat();
  const open = isOpen(dsar.status);
  const left = deadline.daysLeft;
  const ledger = ledgerOf(dsar);
  const color = left < 0 ? 'red' : left <= 7 ? 'orange' : 'teal';
  return (
    <Paper withBorder p="sm" radius="md" data-testid="deadline">
      <Stack gap={6}>
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h5">
            {t('detail.deadline')}
          </Title>
          <Group gap={6}>
            {deadline.extended && (
              <Badge variant="light" color="grape">
                {t('detail.extended')}
              </Badge>
            )}
            {deadline.paused && (
              <Badge variant="light" color="gray">
                {t('detail.paused')}
              </Badge>
            )}
          </Group>
        </Group>
        <Group gap="sm" align="baseline">
          <Text fw={700} size="lg" data-testid="due-date">
            {f.longDay(deadline.due)}
          </Text>
          {open && (
            <Badge
              color={color}
              variant="light"
              size="lg"
              // The tint with its darkest shade as text: AA contrast in every colour (white on teal or orange is not).
              style={{ '--badge-color': `var(--mantine-color-${color === 'orange' ? 'dark-7' : `${color}-9`})` } as React.CSSProperties}
              data-testid="detail-days-left"
            >
              {left < 0 ? t('queue.overdue', { count: -left }) : left === 0 ? t('queue.dueToday') : t('queue.daysLeft', { count: left })}
            </Badge>
          )}
        </Group>
        {open && !deadline.extended && deadline.today > deadline.baseDue && (
          <Text size="sm" c="dimmed">
            {t('detail.extensionClosed', { date: f.day(deadline.baseDue) })}
          </Text>
        )}
        {deadline.pausedMs > 0 && (
          <Text size="sm">
            {t('detail.pausedFor', { days: (deadline.pausedMs / 86_400_000).toFixed(1), policy: names.pausePolicy[clock.pausePolicy] })}
          </Text>
        )}
        <details>
          <summary>
            <Text span size="sm" fw={500}>
              {t('detail.ledger')}
            </Text>
          </summary>
          <List size="sm" spacing={2} mt={4} data-testid="clock-ledger">
            <List.Item>{t('detail.ledgerReceipt', { at: f.instant(ledger.receivedAt) })}</List.Item>
            {ledger.waits.map(([kind, from, to]) => (
              <List.Item key={`${kind}-${from}`}>
                {t(`detail.ledgerWait.${kind}`, { from: f.instant(from), to: to ? f.instant(to) : t('detail.ledgerOpen') })}
              </List.Item>
            ))}
            {ledger.extendedAt && <List.Item>{t('detail.ledgerExtended', { at: f.instant(ledger.extendedAt) })}</List.Item>}
          </List>
        </details>
        <details>
          <summary>
            <Text span size="sm" fw={500}>
              {t('detail.whyThisDate')}
            </Text>
          </summary>
          <List size="sm" spacing={2} mt={4} data-testid="deadline-steps">
            {deadline.steps.map((step) => (
              <List.Item key={`${step.rule}-${step.date}`}>
                {step.rule === 'receipt' &&
                  t('detail.step.receipt', { instant: f.instant(step.instant), date: f.day(step.date), zone: step.timeZone })}
                {step.rule === 'same_date' && t('detail.step.sameDate', { count: step.months, date: f.longDay(step.date) })}
                {step.rule === 'month_end' &&
                  t('detail.step.monthEnd', { count: step.months, wanted: step.wanted, date: f.longDay(step.date) })}
                {step.rule === 'not_working_day' &&
                  (step.reason === 'holiday'
                    ? t('detail.step.holiday', { date: f.longDay(step.date), name: step.holiday, region: clock.region })
                    : t(`detail.step.${step.reason}`, { date: f.longDay(step.date) }))}
                {step.rule === 'due' && t('detail.step.due', { date: f.longDay(step.date) })}
              </List.Item>
            ))}
          </List>
        </details>
        {deadline.paused && (
          <Alert color="gray" py={6}>
            {t('detail.pausedHint')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
