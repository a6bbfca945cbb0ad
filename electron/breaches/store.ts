import type Database from 'better-sqlite3-multiple-ciphers';
import type { Incident } from '../../shared/api/breaches';
import { type DocumentStore, documentEntity } from '../cache/document-store';

/** The breach register in the cache, by the instant of awareness. */
export const incidentCache = (db: Database.Database) =>
  documentEntity<Incident>(db, {
    table: 'incidents',
    columns: (doc) => ({ aware_at: doc.awareAt, status: doc.status }),
    listIndex: 'incidents_by_awareness',
  });
export type IncidentCache = DocumentStore<Incident>;
