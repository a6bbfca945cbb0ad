import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccessReview, type AccessScope, accessScopes, type DecisionKind } from '../../shared/api/access';
import { narrowerScopes } from '../../shared/domain/access';
import type { ItemQuery, ReviewRow } from '../../shared/ipc/contract';
import { download } from '../app/download';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { PlatformHistory } from '../audit/PlatformHistory';
import { useBridge } from '../bridge/context';
import { GrantState } from './GrantState';
import { useScopeLabel } from './labels';
import { ReviewProgress } from './ReviewProgress';

const PAGE = 50;
const scopes = Object.keys(accessScopes) as AccessScope[];

/** One review: its items filtered and paged, each decided in place; a decision for a whole selection; evidence. */
export function ReviewDetail({ review, onBack }: { review: AccessReview & { pending?: boolean }; onBack(): void }) {
  const { t, i18n } = useTranslation('access');
  const scopeLabel = useScopeLabel();
  const bridge = useBridge();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('access:write');
  // 'me', 'all', or one reviewer picked from the progress table.
  const [reviewer, setReviewer] = useState<string>('all');
  const [decided, setDecided] = useState<'open' | 'decided' | 'all'>('open');
  const [scope, setScope] = useState<AccessScope | null>(null);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query: ItemQuery = { reviewId: review.id, reviewer, decided, scope, q, offset, limit: PAGE };
  const items = useQuery({
    queryKey: ['access', 'items', query],
    queryFn: () => bridge['access.items'](query),
    placeholderData: keepPreviousData,
  });
  const close = useStep(() => bridge['access.review.close']({ id: review.id, note: '' }), ['access']);
  const evidence = useStep(
    async (format: 'csv' | 'pdf') =>
      download(await bridge['access.evidence']({ reviewId: review.id, format, language: i18n.language === 'en' ? 'en' : 'de' })),
    ['exports'],
  );
  const total = items.data?.total ?? 0;
  const filter = (change: () => void) => {
    change();
    setOffset(0);
  };
  return (
    <Stack gap="sm" data-testid="review-detail">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3} size="h4">
            {review.title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('reviews.progress', { decided: review.counts.decided, items: review.counts.items, due: f.day(review.dueDate) })} ·{' '}
            {staffName(review.ownerId)}
          </Text>
          {review.instructions && <Text size="sm">{review.instructions}</Text>}
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => evidence.mutation.mutate('csv')} data-testid="evidence-csv">
            {t('review.evidenceCsv')}
          </Button>
          <Button size="xs" variant="default" onClick={() => evidence.mutation.mutate('pdf')} data-testid="evidence-pdf">
            {t('review.evidencePdf')}
          </Button>
          {mayWrite && review.state === 'open' && (
            <Button
              size="xs"
              onClick={() => close.mutation.mutate(undefined)}
              loading={close.mutation.isPending}
              data-testid="close-review"
            >
              {t('review.close')}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onBack} aria-label={t('review.back')} title={t('review.back')}>
            ✕
          </Button>
        </Group>
      </Group>
      {(close.failure || evidence.failure) && (
        <Alert color="red" py={6}>
          {close.failure ?? evidence.failure}
        </Alert>
      )}
      <ReviewProgress review={review} onPick={(id) => filter(() => setReviewer(id))} />
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          size="xs"
          value={reviewer === 'me' || reviewer === 'all' ? reviewer : 'one'}
          onChange={(value) => filter(() => setReviewer(value))}
          data={[
            { value: 'all', label: t('review.all') },
            { value: 'me', label: t('review.mine') },
            ...(reviewer === 'me' || reviewer === 'all' ? [] : [{ value: 'one', label: staffName(reviewer) }]),
          ]}
          aria-label={t('review.reviewer')}
        />
        <SegmentedControl
          size="xs"
          value={decided}
          onChange={(value) => filter(() => setDecided(value as 'open' | 'decided' | 'all'))}
          data={[
            { value: 'open', label: t('review.open') },
            { value: 'decided', label: t('review.decided') },
            { value: 'all', label: t('review.anyState') },
          ]}
          aria-label={t('review.decision')}
          data-testid="filter-decided"
        />
        <Select
          size="xs"
          placeholder={t('review.anyScope')}
          aria-label={t('review.filterScope')}
          data={scopes.map((value) => ({ value, label: scopeLabel(value) }))}
          value={scope}
          onChange={(value) => filter(() => setScope(value as AccessScope | null))}
          clearable
          w={260}
        />
        <TextInput
          size="xs"
          placeholder={t('review.search')}
          aria-label={t('review.search')}
          value={q}
          onChange={(e) => filter(() => setQ(e.currentTarget.value))}
          w={180}
          data-testid="item-search"
        />
      </Group>
      {review.state === 'open' && decided === 'open' && total > 0 && <BulkDecision query={query} count={items.data?.open ?? 0} />}
      <Table fz="sm" striped data-testid="review-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.holder')}</Table.Th>
            <Table.Th>{t('review.grant')}</Table.Th>
            <Table.Th>{t('review.reviewer')}</Table.Th>
            <Table.Th>{t('review.decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.data?.rows.map((row) => (
            <ItemRow key={row.id} row={row} open={review.state === 'open'} />
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('review.page', { from: total ? offset + 1 : 0, to: Math.min(total, offset + PAGE), total })}
        </Text>
        <Group gap={4}>
          <Button size="xs" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('review.previous')}
          </Button>
          <Button size="xs" variant="default" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('review.next')}
          </Button>
        </Group>
      </Group>
      <PlatformHistory entity="accessReview" id={review.id} />
    </Stack>
  );
}

function ItemRow({ row, open }: { row: ReviewRow; open: boolean }) {
  const { t } = useTranslation('access');
  const names = useLabels();
  const scopeLabel = useScopeLabel();
  const staffName = useStaffNames();
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const spec = accessScopes[row.scope];
  return (
    <>
      <Table.Tr data-testid="review-item" data-id={row.id} data-grant={row.grantId}>
        <Table.Td>
          <Text size="sm">{row.employeeName}</Text>
          <Text size="xs" c="dimmed">
            {t(`department.${row.department as 'support'}`)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {scopeLabel(row.scope)}
            {row.grant?.resource ? ` (${row.grant.resource})` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {spec.categories.map((category) => names.dataCategory[category]).join(', ')}
          </Text>
          <Group gap={4}>
            {spec.privileged && (
              <Badge size="xs" color="red">
                {t('review.privileged')}
              </Badge>
            )}
            {spec.sensitive && (
              <Badge size="xs" color="orange">
                {t('review.sensitive')}
              </Badge>
            )}
            {row.grant && <GrantState grant={row.grant} />}
          </Group>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{staffName(row.reviewerId)}</Text>
          {row.reassigned && (
            <Text size="xs" c="orange">
              {t(`review.reassigned.${row.reassigned}`)}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {row.decision ? (
            <Text size="sm" data-testid="item-decision">
              {t('review.decidedBy', { kind: t(`review.kind.${row.decision.kind}`), by: staffName(row.decision.by) })}
              {row.decision.justification && ` — ${row.decision.justification}`}
            </Text>
          ) : (
            open && (
              <Group gap={4}>
                {(['keep', 'revoke', 'reduce', 'expire'] as const).map((value) => (
                  <Button
                    key={value}
                    size="compact-xs"
                    variant={kind === value ? 'filled' : 'default'}
                    onClick={() => setKind(value)}
                    data-testid={`decide-${value}`}
                  >
                    {t(`review.kind.${value}`)}
                  </Button>
                ))}
              </Group>
            )
          )}
        </Table.Td>
      </Table.Tr>
      {kind && !row.decision && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <DecisionForm kind={kind} row={row} onDone={() => setKind(null)} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function DecisionForm({ kind, row, onDone }: { kind: DecisionKind; row: ReviewRow; onDone(): void }) {
  const { t } = useTranslation('access');
  const scopeLabel = useScopeLabel();
  const bridge = useBridge();
  const [justification, setJustification] = useState('');
  const [toScope, setToScope] = useState<string | null>(null);
  const [expiresAt, setExpiresAt] = useState('');
  const step = useStep(
    () =>
      bridge['access.item.decide']({
        id: row.id,
        kind,
        justification,
        toScope: kind === 'reduce' ? (toScope as AccessScope | null) : null,
        expiresAt: kind === 'expire' ? expiresAt || null : null,
      }),
    ['access'],
  );
  return (
    <Paper p="xs" withBorder data-testid="decision-form">
      <Group align="flex-end" gap="sm">
        {kind === 'reduce' && (
          <Select
            size="xs"
            label={t('review.toScope')}
            data={narrowerScopes(row.grant?.scope ?? row.scope).map((value) => ({ value, label: scopeLabel(value) }))}
            value={toScope}
            onChange={setToScope}
            error={step.errors.toScope}
            w={260}
          />
        )}
        {kind === 'expire' && (
          <TextInput
            size="xs"
            type="date"
            label={t('review.expiresAt')}
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.currentTarget.value)}
            error={step.errors.expiresAt}
          />
        )}
        <TextInput
          size="xs"
          label={t('review.justification')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={step.errors.justification}
          style={{ flex: 1 }}
          data-testid="decision-justification"
        />
        <Button
          size="xs"
          onClick={() => step.mutation.mutate(undefined, { onSuccess: onDone })}
          loading={step.mutation.isPending}
          data-testid="decision-apply"
        >
          {t('review.apply')}
        </Button>
      </Group>
      {step.failure && !step.errors.justification && (
        <Alert color="red" py={4} mt={4}>
          {step.failure}
        </Alert>
      )}
    </Paper>
  );
}

function BulkDecision({ query, count }: { query: ItemQuery; count: number }) {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const [kind, setKind] = useState<'keep' | 'revoke'>('keep');
  const [justification, setJustification] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const { offset: _o, limit: _l, ...selection } = query;
  const step = useStep(
    () => bridge['access.items.decideAll']({ query: selection, decision: { kind, justification, toScope: null, expiresAt: null } }),
    ['access'],
  );
  return (
    <Paper withBorder p="xs" data-testid="bulk-decision">
      <Text size="xs" fw={600}>
        {t('review.bulkTitle', { count })}
      </Text>
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(value) => setKind(value as 'keep' | 'revoke')}
          data={(['keep', 'revoke'] as const).map((value) => ({ value, label: t(`review.kind.${value}`) }))}
        />
        <TextInput
          size="xs"
          placeholder={t('review.justification')}
          aria-label={t('review.justification')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="light"
          loading={step.mutation.isPending}
          onClick={() =>
            step.mutation.mutate(undefined, {
              onSuccess: (answer) => setResult(t('review.bulkDone', { decided: answer.decided, refused: answer.refused.length })),
            })
          }
          data-testid="bulk-apply"
        >
          {t('review.bulkApply')}
        </Button>
      </Group>
      {(result || step.failure) && (
        <Text size="xs" c={step.failure ? 'red' : 'dimmed'} mt={4}>
          {step.failure ?? result}
        </Text>
      )}
    </Paper>
  );
}
