import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../bridge/context';

/** The registry's processors and processing activities, for the links an incident makes to them (Art. 33(3)(a)). */
export function useRegistryNames() {
  const bridge = useBridge();
  const processors = useQuery({ queryKey: ['processor', 'list'], queryFn: () => bridge['processor.list']() }).data ?? [];
  const activities = useQuery({ queryKey: ['activity', 'list'], queryFn: () => bridge['activity.list']() }).data ?? [];
  return {
    processors: processors.map((p) => ({ value: p.id, label: p.legalName })),
    activities: activities.map((a) => ({ value: a.id, label: a.name })),
    processorName: (id: string) => processors.find((p) => p.id === id)?.legalName ?? id,
    activityName: (id: string) => activities.find((a) => a.id === id)?.name ?? id,
  };
}
