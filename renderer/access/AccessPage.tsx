import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee, Grant } from '../../shared/api/access';
import { type Finding, findingKinds } from '../../shared/domain/access';
import { FilterChip } from '../app/FilterChip';
import { useDateFormat } from '../app/format';
import { useFilterParam, useTakeParams } from '../app/link-params';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { CheckSettings } from './CheckSettings';
import { GrantState } from './GrantState';
import { useScopeLabel } from './labels';
import { Reviews } from './Reviews';

/** Who on staff can see which personal data: what the checks found, and the reviews. */
export function AccessPage() {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const overview = useQuery({ queryKey: ['access', 'overview'], queryFn: () => bridge['access.overview']() });
  const findings = overview.data?.findings ?? [];
  const urgent = findings.filter((finding) => finding.kind === 'leaver' || finding.kind === 'revocation_failed').length;
  // A link (the overview) may open a tab, a review, or the findings of one kind.
  const [tab, setTab] = useState<string | null>('attention');
  useTakeParams({ tab: setTab });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('explain')}
      </Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="attention"
            data-testid="tab-attention"
            rightSection={
              urgent ? (
                <Badge color="red" size="xs">
                  {urgent}
                </Badge>
              ) : null
            }
          >
            {t('tabs.attention')}
          </Tabs.Tab>
          <Tabs.Tab value="reviews" data-testid="tab-reviews">
            {t('tabs.reviews')}
          </Tabs.Tab>
          <Tabs.Tab value="settings" data-testid="tab-check-settings">
            {t('settings.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="attention" pt="sm">
          {overview.data && (
            <Findings
              findings={findings}
              employees={overview.data.employees}
              grants={overview.data.grants}
              dormantDays={overview.data.dormantDays}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="reviews" pt="sm">
          <Reviews />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm">
          <CheckSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The continuous checks' findings, the most urgent first; each one's grants revoked from here. */
function Findings({
  findings,
  employees,
  grants,
  dormantDays,
}: {
  findings: Finding[];
  employees: Employee[];
  grants: Grant[];
  dormantDays: number;
}) {
  const { t } = useTranslation('access');
  const [expanded, setExpanded] = useState<ReadonlySet<Finding['kind']>>(new Set());
  const [onlyKind, clearKind] = useFilterParam('finding');
  const [onlyOverdue, clearOverdue] = useFilterParam('overdue');
  const byId = new Map(employees.map((e) => [e.id, e]));
  const grantById = new Map(grants.map((g) => [g.id, g]));
  // Nothing in the cache yet (the first sync is under way): that is not "nothing to do".
  if (!employees.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('finding.empty')}
      </Text>
    );
  }
  if (!findings.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('finding.none')}
      </Text>
    );
  }
  const shown = findings.filter((finding) => (!onlyKind || finding.kind === onlyKind) && (!onlyOverdue || finding.overdue));
  return (
    <Stack gap="md" data-testid="findings">
      {onlyKind && (
        <FilterChip
          label={t(onlyOverdue ? 'finding.onlyOverdue' : 'finding.only', {
            kind: t(`finding.kinds.${onlyKind as Finding['kind']}`, { defaultValue: onlyKind }),
            count: shown.length,
          })}
          removeLabel={t('finding.onlyRemove')}
          onRemove={() => {
            clearKind();
            clearOverdue();
          }}
          testId="findings-only"
        />
      )}
      {findingKinds.map((kind) => {
        const list = shown.filter((finding) => finding.kind === kind);
        if (!list.length) return null;
        return (
          <Stack gap={6} key={kind}>
            <Title order={3} size="h5">
              {t(`finding.kinds.${kind}`)} ({list.length})
            </Title>
            {list.slice(0, expanded.has(kind) ? list.length : kind === 'leaver' ? 50 : 12).map((finding) => (
              <FindingRow
                key={`${finding.kind}-${finding.employeeId}-${finding.grantIds[0]}`}
                finding={finding}
                employee={byId.get(finding.employeeId) ?? null}
                grants={finding.grantIds.map((id) => grantById.get(id)).filter((g): g is Grant => !!g)}
                dormantDays={dormantDays}
              />
            ))}
            {list.length > (kind === 'leaver' ? 50 : 12) && !expanded.has(kind) && (
              <Button size="xs" variant="subtle" w="fit-content" onClick={() => setExpanded(new Set([...expanded, kind]))}>
                {t('finding.more', { count: list.length })}
              </Button>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function FindingRow({
  finding,
  employee,
  grants,
  dormantDays,
}: {
  finding: Finding;
  employee: Employee | null;
  grants: Grant[];
  dormantDays: number;
}) {
  const { t } = useTranslation('access');
  const scopeLabel = useScopeLabel();
  const f = useDateFormat();
  const bridge = useBridge();
  const mayWrite = useMayWrite('access:write');
  const [failure, setFailure] = useState<string | null>(null);
  // The reason the platform records with the revocation, in the words of the finding.
  const reason =
    finding.kind === 'leaver'
      ? t('finding.revokeReason', { day: employee?.leaveDate ? f.day(employee.leaveDate) : '' })
      : finding.kind === 'revocation_failed'
        ? ''
        : t(`finding.reasons.${finding.kind}`, { days: dormantDays });
  const revoke = useStep(
    async (only: string | null) => {
      const live = grants.filter((grant) => grant.state === 'live' && (only === null || grant.id === only));
      for (const grant of live) await bridge['access.grant.revoke']({ id: grant.id, reason, source: `check:${finding.kind}` });
    },
    ['access'],
  );
  const text =
    finding.kind === 'leaver'
      ? t(finding.overdue ? 'finding.leaverOverdue' : 'finding.leaver', {
          day: employee?.leaveDate ? f.day(employee.leaveDate) : '',
          count: grants.length,
          due: finding.dueDate ? f.day(finding.dueDate) : '',
        })
      : finding.kind === 'sod'
        ? t('finding.sod', { scopes: grants.map((g) => scopeLabel(g.scope)).join(' + ') })
        : t(`finding.${finding.kind}`, { count: grants.length, days: dormantDays });
  const live = grants.filter((grant) => grant.state === 'live');
  // A finding about one of several grants (SoD, no MFA, …) may be closed by revoking just one of them.
  const single = finding.kind !== 'leaver' && finding.kind !== 'dormant' && live.length > 1;
  return (
    <Paper withBorder p="xs" data-testid="finding" data-kind={finding.kind} data-employee={finding.employeeId}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {employee?.name ?? finding.employeeId} · {employee ? t(`department.${employee.department}`) : ''}
          </Text>
          <Text size="sm" c={finding.overdue ? 'red' : undefined}>
            {text}
          </Text>
          <Group gap={6}>
            {grants.map((grant) => (
              <Group key={grant.id} gap={4} wrap="nowrap">
                <Badge variant="outline" size="sm" color="gray" tt="none">
                  {scopeLabel(grant.scope)}
                  {grant.resource ? ` (${grant.resource})` : ''} · <GrantState grant={grant} inline />
                </Badge>
                {mayWrite && single && grant.state === 'live' && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => revoke.mutation.mutate(grant.id)}
                    aria-label={`${t('finding.revokeOne')}: ${scopeLabel(grant.scope)}`}
                    data-testid="revoke-one"
                  >
                    {t('finding.revokeOne')}
                  </Button>
                )}
                {grant.state === 'failed' && <GrantState grant={grant} retryOnly />}
              </Group>
            ))}
          </Group>
        </Stack>
        {mayWrite && finding.kind !== 'revocation_failed' && live.length > 0 && (
          <Button
            size="xs"
            color="red"
            style={{ flexShrink: 0 }}
            variant={finding.kind === 'leaver' ? 'filled' : 'light'}
            onClick={() => revoke.mutation.mutate(null)}
            loading={revoke.mutation.isPending}
            data-testid="revoke-now"
          >
            {single ? t('finding.revokeEvery', { count: live.length }) : t('finding.revokeAll')}
          </Button>
        )}
      </Group>
      {(revoke.failure || failure) && (
        <Alert color="red" py={4} mt={4} onClose={() => setFailure(null)}>
          {revoke.failure ?? failure}
        </Alert>
      )}
    </Paper>
  );
}
