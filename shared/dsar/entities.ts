import { Dsar, DsarAssign, DsarCreate, DsarSetPriority, DsarSetTags } from '../api/dsar';
import { DsarAction } from '../api/dsar-workflow';
import { Job } from '../api/jobs';
import { LetterTemplates, LetterTemplatesSave } from '../api/letter-templates';
import { assign, createDsar, setPriority, setTags } from '../domain/dsar-changes';
import { applyAction, type DsarPlatform, irreversibleSteps } from '../domain/dsar-workflow';
import { saveTemplates } from '../domain/letter-templates';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

const create = createMutator<Dsar, DsarPlatform>();
const update = updateMutator<Dsar, DsarPlatform>();

/** A data-subject request (Arts. 15-21 GDPR) with its timeline. */
export const dsarEntity = defineEntity<Dsar, DsarPlatform>()({
  name: 'dsar',
  label: 'data-subject request',
  schema: Dsar,
  path: '/v1/dsars',
  scopes: { read: 'dsar:read', write: 'dsar:write' },
  mutators: {
    create: create({
      summary: 'Record a request that arrived by e-mail or letter (the client chooses the id)',
      args: DsarCreate,
      http: { method: 'post', path: '' },
      // The log names the request, not the person behind it.
      auditDetail: (input) => ({ type: input.type, channel: input.channel }),
      apply: (_, input, ctx) => createDsar(input, ctx),
    }),
    assign: update({
      summary: 'Assign the request to an officer who may work on requests, or to nobody',
      args: DsarAssign,
      http: { method: 'post', path: '/{id}/assign' },
      apply: assign,
      // Taking a request from the colleague who has it (giving away one's own is not).
      irreversible: (current, { assigneeId }, actor) =>
        current.assigneeId !== null && current.assigneeId !== actor && assigneeId !== current.assigneeId,
    }),
    setPriority: update({
      summary: 'Change the priority of the request',
      args: DsarSetPriority,
      http: { method: 'post', path: '/{id}/priority' },
      apply: setPriority,
    }),
    setTags: update({
      summary: 'Replace the tags of the request',
      args: DsarSetTags,
      http: { method: 'post', path: '/{id}/tags' },
      apply: setTags,
    }),
    act: update({
      summary: 'Move a request forward: identity, clarification, extension, denial, jobs, delivery, Art. 19 notices, messages',
      args: DsarAction,
      http: { method: 'post', path: '/{id}/actions' },
      auditName: (action) => action.type,
      irreversible: (_, action) => irreversibleSteps(action),
      apply(current, action, ctx) {
        const outcome = applyAction(current, action, ctx);
        if (outcome.job) ctx.platform?.startJob(outcome.job);
        return outcome.dsar;
      },
    }),
  },
});

/** A fulfilment job the platform runs for a request; read-only, its progress arrives through the feed. */
export const jobEntity = defineEntity<Job>()({
  name: 'job',
  label: 'fulfilment job',
  schema: Job,
  path: '/v1/jobs',
  scopes: { read: 'dsar:read', write: null },
  mutators: {},
});

/** The team's message templates and signature, one per language (`tpl_de`, `tpl_en`), versioned. */
export const templateEntity = defineEntity<LetterTemplates>()({
  name: 'template',
  label: 'letter templates',
  schema: LetterTemplates,
  path: '/v1/letter-templates',
  list: { key: 'templates', summary: 'The message templates and signature of each language' },
  scopes: { read: 'dsar:read', write: 'dsar:write' },
  mutators: {
    save: updateMutator<LetterTemplates>()({
      summary: 'Save the templates of a language as a new version (placeholders checked; the previous version is kept)',
      args: LetterTemplatesSave,
      http: { method: 'patch', path: '/{id}' },
      apply: saveTemplates,
    }),
  },
});
