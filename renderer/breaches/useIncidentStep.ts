import type { Incident } from '../../shared/api/breaches';
import { useStep } from '../app/useStep';
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
  return useStep(
    ({ channel, args }: { channel: IncidentChannel; args: Record<string, unknown> }) =>
      (bridge[channel] as (input: unknown) => Promise<Incident>)({ id: incident.id, ...args }),
    ['incident'],
  );
}
