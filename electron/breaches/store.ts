import type Database from 'better-sqlite3-multiple-ciphers';
import type { Notice } from '../../shared/api/breach-notices';
import type { Playbook } from '../../shared/api/breach-playbooks';
import type { BreachPolicy, Incident } from '../../shared/api/breaches';
import { type DocumentStore, documentEntity } from '../cache/document-store';

/** The breach register in the cache, by the instant of awareness. */
export const incidentCache = (db: Database.Database) =>
  documentEntity<Incident>(db, {
    table: 'incidents',
    columns: (doc) => ({ aware_at: doc.awareAt, status: doc.status }),
    listIndex: 'incidents_by_awareness',
  });
export type IncidentCache = DocumentStore<Incident>;

/** The notification policy the platform holds (one document). */
export const breachPolicyCache = (db: Database.Database) =>
  documentEntity<BreachPolicy>(db, { table: 'breach_policies', columns: () => ({}) });
export type BreachPolicyCache = DocumentStore<BreachPolicy>;

/** The playbook of each incident family. */
export const playbookCache = (db: Database.Database) =>
  documentEntity<Playbook>(db, { table: 'playbooks', columns: (doc) => ({ family: doc.family }), listIndex: 'playbooks_by_family' });
export type PlaybookCache = DocumentStore<Playbook>;

/** Notices to the people affected, by incident; their counts arrive through the feed. */
export const noticeCache = (db: Database.Database) =>
  documentEntity<Notice>(db, {
    table: 'notices',
    columns: (doc) => ({ incident_id: doc.incidentId, created_at: doc.createdAt }),
    listIndex: 'notices_by_incident',
  });
export type NoticeCache = DocumentStore<Notice>;
