import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Incident } from '../../shared/api/breaches';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

export type IncidentChannel =
  | 'incident.update'
  | 'incident.setAftermath'
  | 'incident.assess'
  | 'incident.decide'
  | 'incident.setStatus'
  | 'incident.tickTask'
  | 'incident.submitReport'
  | 'incident.setReference'
  | 'incident.recordExemption';

/** Sends one step of an incident and keeps its refusal beside the form: per field, and as a sentence. */
export function useIncidentStep(incident: Incident) {
  const bridge = useBridge();
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ channel, args }: { channel: IncidentChannel; args: Record<string, unknown> }) =>
      (bridge[channel] as (input: unknown) => Promise<Incident>)({ id: incident.id, ...args }),
    onSuccess: () => {
      setErrors({});
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: ['incident'] });
    },
    onError: (error) => {
      setErrors(error instanceof BridgeCallError ? problems.byField(error.issues) : {});
      setFailure(problems.failure(error));
    },
  });
  return { mutation, errors, failure };
}
