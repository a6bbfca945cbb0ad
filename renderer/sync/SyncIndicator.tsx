import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../app/format';
import { shellQueries } from '../app/queries';
import { useBridge } from '../bridge/context';
import { ConflictsDrawer } from './ConflictsDrawer';

const colors = { starting: 'gray', syncing: 'blue', online: 'teal', offline: 'red', signed_out: 'orange', incompatible: 'red' } as const;
const hints = { offline: 'sync.offlineHint', signed_out: 'sync.signedOutHint', incompatible: 'sync.incompatibleHint' } as const;

export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const bridge = useBridge();
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const status = useQuery(shellQueries.syncStatus(bridge));
  if (!status.data) return null;
  const { state, lastSyncedAt, pendingWrites, conflicts, lastError, applied, nextRetryAt, remaining, rate } = status.data;
  const syncing = state === 'syncing' || state === 'starting';
  const hint = state === 'offline' || state === 'signed_out' || state === 'incompatible' ? t(hints[state]) : null;
  const time = lastSyncedAt ? format.instant(lastSyncedAt) : t('sync.never');
  const tooltip = [
    t('sync.lastSynced', { time }),
    syncing && applied ? t('sync.applied', { count: applied }) : null,
    syncing && applied && remaining != null && rate
      ? t('sync.remaining', { remaining, rate, seconds: Math.ceil(remaining / Math.max(1, rate)) })
      : null,
    lastError,
    hint,
    hint && nextRetryAt ? t('sync.nextRetry', { time: format.instant(nextRetryAt) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-indicator" data-state={state}>
      <Tooltip label={tooltip} multiline maw={360}>
        <Badge color={colors[state]} variant="dot" size="lg" role="status" aria-live="polite">
          {t(`sync.${state}`)}
        </Badge>
      </Tooltip>
      {syncing && applied > 0 && remaining != null && remaining > 0 && (
        <Text size="xs" c="dimmed" data-testid="sync-progress">
          {t('sync.progress', {
            applied: applied.toLocaleString(i18n.language),
            total: (applied + remaining).toLocaleString(i18n.language),
          })}
        </Text>
      )}
      {pendingWrites > 0 && (
        <Badge color="orange" variant="light" data-testid="pending-writes">
          {t('sync.pending', { count: pendingWrites })}
        </Badge>
      )}
      {conflicts > 0 && (
        <Badge
          component="button"
          color="red"
          variant="filled"
          data-testid="conflicts"
          onClick={() => setConflictsOpen(true)}
          style={{ cursor: 'pointer' }}
        >
          {t('sync.conflicts', { count: conflicts })}
        </Badge>
      )}
      <Tooltip label={t('sync.syncNow')}>
        <ActionIcon variant="subtle" aria-label={t('sync.syncNow')} onClick={() => void bridge['sync.now']()} loading={state === 'syncing'}>
          <Text component="span" aria-hidden>
            ⟳
          </Text>
        </ActionIcon>
      </Tooltip>
      <ConflictsDrawer opened={conflictsOpen} onClose={() => setConflictsOpen(false)} />
    </Group>
  );
}
