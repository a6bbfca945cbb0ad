import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DsarActionInput } from '../../shared/api/dsar-workflow';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

/** One request with its deadline, duplicates, jobs and Art. 19 tasks, from the local cache. */
export function useRequestDetail(id: string | null) {
  const bridge = useBridge();
  return useQuery({
    queryKey: ['dsar', 'detail', id],
    queryFn: () => (id ? bridge['dsar.get']({ id }) : null),
    enabled: id !== null,
    placeholderData: (previous) => (previous?.dsar.id === id ? previous : undefined),
  });
}

/** Runs a workflow action; rule errors come back as a rejected promise for the dialog to show. */
export function useAct(id: string) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: DsarActionInput) => bridge['dsar.act']({ id, action }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['dsar', 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['dsar', 'queue'] });
    },
  });
}

/** The request's assignee, priority and tags: each change is its own write. */
export type RequestChange = { assigneeId: string | null } | { priority: 'low' | 'normal' | 'high' } | { tags: string[] };

export function useUpdateRequest(id: string) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { t } = useTranslation('dsar');
  const problems = useProblemText();
  return useMutation({
    mutationFn: async (change: RequestChange) => {
      if ('assigneeId' in change) await bridge['dsar.assign']({ id, assigneeId: change.assigneeId });
      else if ('priority' in change) await bridge['dsar.setPriority']({ id, priority: change.priority });
      else await bridge['dsar.setTags']({ id, tags: change.tags });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['dsar'] }),
    onError: (error) => notifications.show({ color: 'red', title: t('detail.saveFailed'), message: problems.failure(error) }),
  });
}
