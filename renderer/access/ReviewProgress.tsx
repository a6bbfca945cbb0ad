import { Alert, Button, Group, Progress, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessReview } from '../../shared/api/access';
import { reviewOverdue } from '../../shared/domain/access';
import { localDate } from '../../shared/domain/calendar';
import { useDateFormat } from '../app/format';
import { useStaffNames } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

/**
 * How far each reviewer got, from the cache's counts; a click shows that reviewer's grants. The owner reminds
 * those with grants open — once the review is overdue, the platform escalates to their managers.
 */
export function ReviewProgress({ review, onPick }: { review: AccessReview & { pending?: boolean }; onPick(reviewerId: string): void }) {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('access:write');
  const [sent, setSent] = useState<number | null>(null);
  const progress = useQuery({
    queryKey: ['access', 'progress', review.id, review.version],
    queryFn: () => bridge['access.progress']({ reviewId: review.id }),
  });
  const remind = useStep(() => bridge['access.review.remind']({ id: review.id, note: '' }), ['access']);
  const overdue = reviewOverdue(review, localDate(new Date(), 'Europe/Berlin'));
  const open = (progress.data ?? []).some((row) => row.decided < row.items);
  return (
    <Stack gap={6} data-testid="review-progress">
      <Group justify="space-between">
        <Title order={4} size="h6">
          {t('progress.title')}
        </Title>
        {mayWrite && review.state === 'open' && open && (
          <Button
            size="compact-xs"
            variant={overdue ? 'filled' : 'light'}
            color={overdue ? 'red' : undefined}
            loading={remind.mutation.isPending}
            onClick={() =>
              // The platform names the recipients when it has the reminder: those with grants open, as counted here.
              remind.mutation.mutate(undefined, {
                onSuccess: () => setSent((progress.data ?? []).filter((row) => row.decided < row.items).length),
              })
            }
            data-testid="remind-reviewers"
          >
            {overdue ? t('progress.remindEscalate') : t('progress.remind')}
          </Button>
        )}
      </Group>
      {sent !== null && !remind.failure && (
        <Text size="xs" c="green" role="status">
          {/* Queued until the platform has it (the review is pending until then), then sent. */}
          {review.pending ? t('progress.queued', { count: sent }) : t('progress.sent', { count: sent })}
        </Text>
      )}
      {remind.failure && (
        <Alert color="red" py={4}>
          {remind.failure}
        </Alert>
      )}
      <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {(progress.data ?? []).map((row) => (
            <Table.Tr key={row.reviewerId} data-testid="reviewer-progress" data-reviewer={row.reviewerId}>
              <Table.Td w={220}>
                <UnstyledButton onClick={() => onPick(row.reviewerId)} fz="xs" td="underline">
                  {staffName(row.reviewerId)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td w={200}>
                <Progress
                  value={row.items ? (row.decided / row.items) * 100 : 0}
                  size="sm"
                  color={row.decided === row.items ? 'green' : overdue ? 'red' : 'blue'}
                  aria-label={`${staffName(row.reviewerId)}: ${t('progress.row', { decided: row.decided, items: row.items })}`}
                />
              </Table.Td>
              <Table.Td>{t('progress.row', { decided: row.decided, items: row.items })}</Table.Td>
              <Table.Td c="dimmed">
                {row.remindedAt ? t('progress.reminded', { at: f.instant(row.remindedAt) }) : ''}
                {row.escalatedTo ? ` · ${t('progress.escalated', { to: staffName(row.escalatedTo) })}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
