import { Notice, NoticeSend } from '../api/breach-notices';
import { Playbook, PlaybookSave } from '../api/breach-playbooks';
import { IncidentRecordExemption, IncidentSetReference, IncidentSubmitReport } from '../api/breach-reports';
import {
  BreachPolicy,
  BreachPolicySave,
  Incident,
  IncidentAssess,
  IncidentCreate,
  IncidentDecide,
  IncidentPatch,
  IncidentSetAftermath,
  IncidentSetStatus,
  IncidentTickTask,
} from '../api/breaches';
import {
  assessIncident,
  createIncident,
  decideNotification,
  recordExemption,
  saveBreachPolicy,
  setIncidentStatus,
  setReference,
  tickTask,
  updateIncident,
} from '../domain/breach-changes';
import { type NoticePlatform, sendNotice } from '../domain/breach-notices';
import { savePlaybook } from '../domain/breach-playbooks';
import { submitReport } from '../domain/breach-reports';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

const update = updateMutator<Incident>();

/**
 * A personal data breach in the register (Art. 33(5)): security leads log and assess it and work its
 * playbook; privacy officers decide on notification, report to the authority and record exemptions.
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
      summary: "Log an incident (the client chooses the id); it starts on its family's playbook",
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
    setAftermath: update({
      summary: 'Write the likely consequences and the measures (Art. 33(3)(c), (d)) as the report needs them',
      args: IncidentSetAftermath,
      http: { method: 'post', path: '/{id}/aftermath' },
      scope: 'breach:decide',
      apply: updateIncident,
    }),
    tickTask: update({
      summary: "Tick a playbook task off, naming where its evidence is, or open it again (by the task's role or security)",
      args: IncidentTickTask,
      http: { method: 'post', path: '/{id}/task' },
      // Each task belongs to a role: whoever holds it ticks it (the rule checks), security leads any.
      scope: 'breach:read',
      apply: tickTask,
    }),
    submitReport: update({
      summary: 'Submit the next report to the supervisory authority (Art. 33(3), (4)); frozen with its SHA-256',
      args: IncidentSubmitReport,
      http: { method: 'post', path: '/{id}/report' },
      scope: 'breach:decide',
      apply: submitReport,
      auditName: (args) => `submitReport.${args.phase}`,
      // What went to the authority cannot be called back.
      irreversible: () => true,
    }),
    setReference: update({
      summary: "Record the authority's reference number for the notification",
      args: IncidentSetReference,
      http: { method: 'post', path: '/{id}/reference' },
      scope: 'breach:decide',
      apply: setReference,
    }),
    recordExemption: update({
      summary: 'Record an Art. 34(3) exemption from telling the people individually',
      args: IncidentRecordExemption,
      http: { method: 'post', path: '/{id}/exemption' },
      scope: 'breach:decide',
      apply: recordExemption,
    }),
  },
});

/** The playbook of an incident family (`pb_<family>`): tasks with an owner role, a due hour and evidence. */
export const playbookEntity = defineEntity<Playbook>()({
  name: 'playbook',
  label: 'breach playbook',
  schema: Playbook,
  path: '/v1/playbooks',
  list: { key: 'playbooks', summary: 'The playbook of each incident family (EDPB Guidelines 01/2021)' },
  scopes: { read: 'breach:read', write: 'breach:write' },
  mutators: {
    save: updateMutator<Playbook>()({
      summary: 'Save the tasks as a new revision (incidents keep the revision they started with)',
      args: PlaybookSave,
      http: { method: 'patch', path: '/{id}' },
      apply: savePlaybook,
    }),
  },
});

/** A notice to the people affected (Art. 34), sent by the platform as a job with delivery counts. */
export const noticeEntity = defineEntity<Notice, NoticePlatform>()({
  name: 'notice',
  label: 'notice to the people affected',
  schema: Notice,
  path: '/v1/notices',
  scopes: { read: 'breach:read', write: 'breach:decide' },
  mutators: {
    send: createMutator<Notice, NoticePlatform>()({
      summary: 'Tell the people affected by an incident: the platform resolves the audience and sends it as a job',
      args: NoticeSend,
      http: { method: 'post', path: '' },
      apply: sendNotice,
      // The list of user ids stays out of the audit log; its size says enough.
      auditDetail: (args) => ({ incidentId: args.incidentId, audience: args.audience.kind }),
    }),
  },
});

/** The notification policy (`bp_default`): from which band an assessment recommends notifying whom. */
export const breachPolicyEntity = defineEntity<BreachPolicy>()({
  name: 'breachPolicy',
  label: 'notification policy',
  schema: BreachPolicy,
  path: '/v1/breach-policies',
  list: { key: 'breachPolicies', summary: 'The notification policy the assessments follow' },
  scopes: { read: 'breach:read', write: 'breach:decide' },
  mutators: {
    save: updateMutator<BreachPolicy>()({
      summary: 'Set from which severity band the authority and the people are to be notified',
      args: BreachPolicySave,
      http: { method: 'patch', path: '/{id}' },
      apply: saveBreachPolicy,
    }),
  },
});
