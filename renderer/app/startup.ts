import type { QueryClient } from '@tanstack/react-query';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';
import { preloadCharts } from '../overview/OverviewPage';
import { overviewQuery } from '../overview/useOverview';
import { shellQueries } from './queries';

/**
 * What the first screen needs, asked for together as soon as the bridge is up: the connection, and with a
 * workspace open its details, clock, sync state, staff and the overview (the start screen). Rendering does
 * not wait for it; the components find the answers under the same keys (or join the call still under way)
 * instead of asking one after the other as each first renders.
 */
export async function prefetchStart(bridge: PrivacyConsoleBridge, queryClient: QueryClient): Promise<void> {
  preloadCharts();
  const state = await queryClient.fetchQuery(shellQueries.connection(bridge)).catch(() => null);
  if (!state?.current) return;
  void queryClient.prefetchQuery(shellQueries.workspace(bridge));
  void queryClient.prefetchQuery(shellQueries.clock(bridge));
  void queryClient.prefetchQuery(shellQueries.syncStatus(bridge));
  void queryClient.prefetchQuery(shellQueries.staff(bridge));
  void queryClient.prefetchQuery(overviewQuery(bridge));
}
