import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';
import type { ConnectionState } from '../../shared/ipc/contract';
import { CONNECTION_KEY, shellQueries } from '../app/queries';
import { useBridge } from '../bridge/context';

const KEY = CONNECTION_KEY;

/** Where the console stands with its platforms (the workspace host's state), kept current by its event. */
export function useConnection() {
  const bridge = useBridge();
  return useQuery(shellQueries.connection(bridge));
}

/**
 * Follows the host: another workspace (or none) means every query showed another cache, so all are reset;
 * signing in again brings the workspace's details anew. The page follows from the moment its bridge is up,
 * before its first question; returns the unsubscribe.
 */
export function followConnection(bridge: PrivacyConsoleBridge, queryClient: QueryClient): () => void {
  return bridge.on('connection.changed', (state) => {
    const before = queryClient.getQueryData<ConnectionState>(KEY);
    queryClient.setQueryData(KEY, state);
    if (before?.current?.id !== state.current?.id) {
      void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== KEY[0] });
    } else if (before?.current?.signedIn !== state.current?.signedIn) {
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    }
  });
}

/** Runs a connection channel and shows its answer at once (the event follows). */
export function useConnectionCall() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return async (call: (b: typeof bridge) => Promise<ConnectionState>) => {
    const state = await call(bridge);
    queryClient.setQueryData(KEY, state);
    return state;
  };
}
