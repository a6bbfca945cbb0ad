import type Database from 'better-sqlite3-multiple-ciphers';
import type { PolicyVersion } from '../../shared/api/policies';
import { type DocumentStore, documentEntity } from '../cache/document-store';

/** Every version of every policy document, by document, language and number. */
export const policyVersionCache = (db: Database.Database) =>
  documentEntity<PolicyVersion>(db, {
    table: 'policy_versions',
    columns: (doc) => ({ document: doc.document, language: doc.language, number: doc.number }),
    listIndex: 'policy_versions_by_document',
  });
export type PolicyVersionCache = DocumentStore<PolicyVersion>;
