import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DsarPatch } from '../../shared/api/dsar';
import type { DsarActionInput } from '../../shared/api/dsar-workflow';
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

export function useUpdateRequest(id: string) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (patch: DsarPatch) => bridge['dsar.update']({ id, patch }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['dsar', 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['dsar', 'queue'] });
    },
    onError: (error) => notifications.show({ color: 'red', title: t('detail.saveFailed'), message: error.message }),
  });
}

/** The controller's deadline settings (Land, time zone, pause policy). */
export function useClock() {
  const bridge = useBridge();
  return useQuery({ queryKey: ['clock'], queryFn: () => bridge['clock.get'](), staleTime: Number.POSITIVE_INFINITY });
}
