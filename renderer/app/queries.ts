import { queryOptions } from '@tanstack/react-query';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';

/** The connection's query key: its event and the connection screen's calls write under it too. */
export const CONNECTION_KEY = ['connection'];

/**
 * The shell's own queries, one definition each: the hooks read them, and the start asks for them all at once
 * (`prefetchStart`) instead of each component asking when it first renders.
 */
export const shellQueries = {
  /** Where the console stands with its platforms (the workspace host's state). */
  connection: (bridge: PrivacyConsoleBridge) => queryOptions({ queryKey: CONNECTION_KEY, queryFn: () => bridge['connection.state']() }),
  /** The open workspace: who is signed in, with which scopes. */
  workspace: (bridge: PrivacyConsoleBridge) => queryOptions({ queryKey: ['workspace'], queryFn: () => bridge['workspace.info']() }),
  /** The controller's deadline settings (Land, time zone, pause policy). */
  clock: (bridge: PrivacyConsoleBridge) =>
    queryOptions({ queryKey: ['clock'], queryFn: () => bridge['clock.get'](), staleTime: Number.POSITIVE_INFINITY }),
  staff: (bridge: PrivacyConsoleBridge) => queryOptions({ queryKey: ['staff'], queryFn: () => bridge['staff.list']() }),
  /** Kept current by the `sync.status` event. */
  syncStatus: (bridge: PrivacyConsoleBridge) => queryOptions({ queryKey: ['sync-status'], queryFn: () => bridge['sync.status']() }),
};
