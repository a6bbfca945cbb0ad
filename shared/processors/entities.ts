import { ActivityCreate, ActivityPatch, ProcessingActivity } from '../api/activities';
import { Processor, ProcessorCreate, ProcessorPatch } from '../api/processors';
import { createActivity, createProcessor, updateActivity, updateProcessor } from '../domain/registry-changes';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

/** A processor or third party with its DPA, transfers and sub-processors (Arts. 28, 44-49 GDPR). */
export const processorEntity = defineEntity<Processor>()({
  name: 'processor',
  label: 'processor',
  schema: Processor,
  path: '/v1/processors',
  list: { key: 'processors', summary: 'The processor and third-party registry' },
  scopes: { read: 'processor:read', write: 'processor:write' },
  mutators: {
    create: createMutator<Processor>()({
      summary: 'Register a processor (the client chooses the id)',
      args: ProcessorCreate,
      http: { method: 'post', path: '' },
      apply: (_, input, ctx) => createProcessor(input, ctx),
    }),
    update: updateMutator<Processor>()({
      summary: 'Change a processor; the merged result must satisfy the same rules',
      args: ProcessorPatch,
      http: { method: 'patch', path: '/{id}' },
      apply: updateProcessor,
    }),
  },
});

/** An entry of the records of processing activities (Art. 30(1) GDPR). */
export const activityEntity = defineEntity<ProcessingActivity>()({
  name: 'activity',
  label: 'processing activity',
  schema: ProcessingActivity,
  path: '/v1/processing-activities',
  list: { key: 'activities', summary: 'The records of processing activities (Art. 30(1))' },
  scopes: { read: 'processor:read', write: 'processor:write' },
  mutators: {
    create: createMutator<ProcessingActivity>()({
      summary: 'Record a processing activity (the client chooses the id)',
      args: ActivityCreate,
      http: { method: 'post', path: '' },
      apply: (_, input, ctx) => createActivity(input, ctx),
    }),
    update: updateMutator<ProcessingActivity>()({
      summary: 'Change a processing activity; recipients must be in the registry',
      args: ActivityPatch,
      http: { method: 'patch', path: '/{id}' },
      apply: updateActivity,
    }),
  },
});
