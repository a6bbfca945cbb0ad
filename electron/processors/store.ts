import type Database from 'better-sqlite3-multiple-ciphers';
import type { ProcessingActivity } from '../../shared/api/activities';
import type { Processor } from '../../shared/api/processors';
import { documentEntity } from '../cache/document-store';

/** The processor registry in the cache. */
export const processorCache = (db: Database.Database) =>
  documentEntity<Processor>(db, {
    table: 'processors',
    columns: (doc) => ({ legal_name: doc.legalName, status: doc.status }),
    listIndex: 'processors_by_name',
  });

/** The records of processing activities (Art. 30(1)) in the cache. */
export const activityCache = (db: Database.Database) =>
  documentEntity<ProcessingActivity>(db, { table: 'activities', columns: (doc) => ({ name: doc.name }), listIndex: 'activities_by_name' });
