import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useBridge } from '../bridge/context';

/** Main says what changed; the matching queries refetch from the local cache. */
export function useBridgeEvents() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offChanged = bridge.on('cache.changed', ({ entities }) => {
      for (const entity of entities) void queryClient.invalidateQueries({ queryKey: [entity] });
      // A request's detail shows its jobs and the registry's recipients.
      if (entities.some((e) => e === 'job' || e === 'processor' || e === 'activity'))
        void queryClient.invalidateQueries({ queryKey: ['dsar'] });
      void queryClient.invalidateQueries({ queryKey: ['conflicts'] });
    });
    const offStatus = bridge.on('sync.status', (status) => {
      queryClient.setQueryData(['sync-status'], status);
      if (status.state === 'online') void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    });
    return () => {
      offChanged();
      offStatus();
    };
  }, [bridge, queryClient]);
}
