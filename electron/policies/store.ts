import type Database from 'better-sqlite3-multiple-ciphers';
import type { PolicyVersion } from '../../shared/api/policies';
import type { PolicyCampaign } from '../../shared/api/policy-campaigns';
import { type DocumentStore, documentEntity } from '../cache/document-store';

/** Every version of every policy document, by document, language and number. */
export const policyVersionCache = (db: Database.Database) =>
  documentEntity<PolicyVersion>(db, {
    table: 'policy_versions',
    columns: (doc) => ({ document: doc.document, language: doc.language, number: doc.number }),
    listIndex: 'policy_versions_by_document',
  });
export type PolicyVersionCache = DocumentStore<PolicyVersion>;

/** Campaigns telling users of material changes, one per version: their counts, never the platform's rows per person. */
export const policyCampaignCache = (db: Database.Database) =>
  documentEntity<PolicyCampaign>(db, {
    table: 'policy_campaigns',
    columns: (doc) => ({ version_id: doc.versionId }),
    listIndex: 'policy_campaigns_by_version',
  });
export type PolicyCampaignCache = DocumentStore<PolicyCampaign>;
