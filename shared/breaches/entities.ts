import { Incident, IncidentAssess, IncidentCreate, IncidentDecide, IncidentPatch, IncidentSetStatus } from '../api/breaches';
import { assessIncident, createIncident, decideNotification, setIncidentStatus, updateIncident } from '../domain/breach-changes';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

const update = updateMutator<Incident>();

/**
 * A personal data breach in the register (Art. 33(5)): security leads log and assess it; privacy officers
 * decide on notification.
 */
export const incidentEntity = defineEntity<Incident>()({
  name: 'incident',
  label: 'breach incident',
  schema: Incident,
  path: '/v1/incidents',
  list: { key: 'incidents', summary: 'The breach register: every incident, notified or not (Art. 33(5))' },
  scopes: { read: 'breach:read', write: 'breach:write' },
  mutators: {
    create: createMutator<Incident>()({
      summary: 'Log an incident (the client chooses the id)',
      args: IncidentCreate,
      http: { method: 'post', path: '' },
      apply: (_, input, ctx) => createIncident(input, ctx),
    }),
    update: update({
      summary: 'Change the facts of an incident; a fact the assessment rests on re-runs it',
      args: IncidentPatch,
      http: { method: 'patch', path: '/{id}' },
      apply: updateIncident,
    }),
    assess: update({
      summary: "Assess the severity by ENISA's method over the incident's facts",
      args: IncidentAssess,
      http: { method: 'post', path: '/{id}/assess' },
      apply: assessIncident,
    }),
    decide: update({
      summary: 'Decide on notifying the authority (Art. 33) and the people (Art. 34)',
      args: IncidentDecide,
      http: { method: 'post', path: '/{id}/decide' },
      scope: 'breach:decide',
      apply: decideNotification,
    }),
    setStatus: update({
      summary: 'Move the incident: open, contained, closed',
      args: IncidentSetStatus,
      http: { method: 'post', path: '/{id}/status' },
      apply: setIncidentStatus,
    }),
  },
});
