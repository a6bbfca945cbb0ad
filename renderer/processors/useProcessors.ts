import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../bridge/context';

export function useProcessors() {
  const bridge = useBridge();
  return useQuery({ queryKey: ['processor', 'list'], queryFn: () => bridge['processor.list']() });
}
