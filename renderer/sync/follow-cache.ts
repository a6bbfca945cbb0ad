import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EntityName } from '../../shared/entities/registry';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';
import { features } from '../features';

/** Which queries show which cached entity, as the features declare it (the staff's names are the shell's). */
const queriesOf = new Map<string, QueryKey[]>([['staff', [['staff']]]]);
const onAnyChange: ((entity: EntityName) => readonly QueryKey[])[] = [];
for (const feature of features) {
  for (const [entity, keys] of Object.entries(feature.invalidates) as [EntityName, readonly QueryKey[]][]) {
    queriesOf.set(entity, [...(queriesOf.get(entity) ?? []), ...keys]);
  }
  if ('invalidatesOnAnyChange' in feature && feature.invalidatesOnAnyChange) onAnyChange.push(feature.invalidatesOnAnyChange);
}
const queriesShowing = (entity: EntityName) => [...(queriesOf.get(entity) ?? []), ...onAnyChange.flatMap((keys) => keys(entity))];

/**
 * Main says what changed in the cache; the queries of the features that show it refetch from the cache. The
 * page follows from the moment its bridge is up (before it asks anything: an answer is never older than the
 * events it missed); returns the unsubscribe.
 */
export function followCache(bridge: PrivacyConsoleBridge, queryClient: QueryClient): () => void {
  const offChanged = bridge.on('cache.changed', ({ entities }) => {
    for (const entity of entities)
      for (const queryKey of queriesShowing(entity as EntityName)) void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries({ queryKey: ['conflicts'] });
    void queryClient.invalidateQueries({ queryKey: ['pending'] });
  });
  const offStatus = bridge.on('sync.status', (status) => {
    queryClient.setQueryData(['sync-status'], status);
    if (status.state === 'online') void queryClient.invalidateQueries({ queryKey: ['workspace'] });
  });
  return () => {
    offChanged();
    offStatus();
  };
}
