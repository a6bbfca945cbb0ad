import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';
import type { QueueFilter } from './QueueFilters';

const PAGE = 200;

/** The queue as pages from the local cache; each page continues from the last row of the one before. */
export function useQueue(filter: QueueFilter) {
  const bridge = useBridge();
  return useInfiniteQuery({
    queryKey: ['dsar', 'queue', filter],
    queryFn: ({ pageParam }) => bridge['dsar.list']({ ...filter, after: pageParam, limit: PAGE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
}

export function useAssign() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { t } = useTranslation('dsar');
  const problems = useProblemText();
  return useMutation({
    mutationFn: (input: { id: string; assigneeId: string | null }) => bridge['dsar.assign'](input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['dsar'] }),
    onError: (error) => notifications.show({ color: 'red', title: t('queue.assignFailed'), message: problems.failure(error) }),
  });
}
