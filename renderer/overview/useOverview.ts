import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../bridge/context';

/** The overview from the cache; again on every change there (see the feature's `invalidates`) and each minute (the clocks run). */
export function useOverview() {
  const bridge = useBridge();
  return useQuery({ queryKey: ['overview'], queryFn: () => bridge['overview.get'](), refetchInterval: 60_000 });
}
