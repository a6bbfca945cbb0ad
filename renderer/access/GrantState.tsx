import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../shared/api/access';
import { useDateFormat } from '../app/format';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

/**
 * Where a grant stands, as the platform last said: live, revocation requested, revoked (with the platform's
 * instant), or failed (with its reason, and a retry). Nothing reads "revoked" before the platform says so.
 */
export function GrantState({ grant, inline = false, retryOnly = false }: { grant: Grant; inline?: boolean; retryOnly?: boolean }) {
  const { t } = useTranslation('access');
  const f = useDateFormat();
  const bridge = useBridge();
  const mayWrite = useMayWrite('access:write');
  const retry = useStep(() => bridge['access.grant.retry']({ id: grant.id, note: '' }), ['access']);
  const label =
    grant.state === 'revoked'
      ? t('grant.revoked', { at: grant.revocation?.appliedAt ? f.instant(grant.revocation.appliedAt) : '' })
      : grant.state === 'failed' && grant.revocation?.nextAttemptAt
        ? t('grant.retrying', { reason: grant.revocation.failure ?? '', at: f.instant(grant.revocation.nextAttemptAt) })
        : grant.state === 'failed'
          ? t('grant.failed', { reason: grant.revocation?.failure ?? '' })
          : t(`grant.${grant.state}`);
  const retryButton = grant.state === 'failed' && mayWrite && (
    <Button
      size="compact-xs"
      variant="light"
      ml={6}
      onClick={() => retry.mutation.mutate(undefined)}
      loading={retry.mutation.isPending}
      data-testid="retry-revocation"
    >
      {t('grant.retry')}
    </Button>
  );
  // Beside the state shown elsewhere (a finding's badge): only the way to ask again.
  if (retryOnly) return retryButton || null;
  const color = grant.state === 'revoked' ? 'green' : grant.state === 'failed' ? 'red' : grant.state === 'revoking' ? 'orange' : undefined;
  if (inline)
    return (
      <span data-testid="grant-state" data-state={grant.state}>
        {label}
      </span>
    );
  return (
    <Text size="xs" c={color} data-testid="grant-state" data-state={grant.state}>
      {label}
      {retryButton}
    </Text>
  );
}
