import type Database from 'better-sqlite3-multiple-ciphers';
import { ActivityCreate, ActivityPatch, ProcessingActivity } from '../../shared/api/activities';
import { Processor, ProcessorCreate, ProcessorPatch } from '../../shared/api/processors';
import { documentEntity } from '../cache/document-store';

/** The processor registry in the cache. */
export const processorStore = (db: Database.Database) =>
  documentEntity<Processor>(db, {
    entity: 'processor',
    table: 'processors',
    schema: Processor,
    columns: (doc) => ({ legal_name: doc.legalName, status: doc.status }),
    create: ProcessorCreate,
    patch: ProcessorPatch,
    list: async (client) => (await client.listProcessors()).processors,
    send: (client, write) =>
      write.op === 'create'
        ? client.createProcessor(ProcessorCreate.parse(write.body), write.idempotencyKey)
        : client.patchProcessor(write.entityId, ProcessorPatch.parse(write.body), {
            version: write.baseVersion,
            idempotencyKey: write.idempotencyKey,
          }),
  });

/** The records of processing activities (Art. 30(1)) in the cache. */
export const activityStore = (db: Database.Database) =>
  documentEntity<ProcessingActivity>(db, {
    entity: 'activity',
    table: 'activities',
    schema: ProcessingActivity,
    columns: (doc) => ({ name: doc.name }),
    create: ActivityCreate,
    patch: ActivityPatch,
    list: async (client) => (await client.listActivities()).activities,
    send: (client, write) =>
      write.op === 'create'
        ? client.createActivity(ActivityCreate.parse(write.body), write.idempotencyKey)
        : client.patchActivity(write.entityId, ActivityPatch.parse(write.body), {
            version: write.baseVersion,
            idempotencyKey: write.idempotencyKey,
          }),
  });
