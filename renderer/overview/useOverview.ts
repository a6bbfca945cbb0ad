import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';
import { useBridge } from '../bridge/context';

export const overviewQuery = (bridge: PrivacyConsoleBridge) =>
  queryOptions({ queryKey: ['overview'], queryFn: () => bridge['overview.get'](), refetchInterval: 60_000 });

/** The overview from the cache; again on every change there (see the feature's `invalidates`) and each minute (the clocks run). */
export function useOverview() {
  const bridge = useBridge();
  return useQuery(overviewQuery(bridge));
}
