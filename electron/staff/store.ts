import type Database from 'better-sqlite3-multiple-ciphers';
import type { Staff } from '../../shared/api/common';
import { documentEntity } from '../cache/document-store';

/** The platform's staff, mirrored read-only: who can be assigned work, and who did what. */
export const staffCache = (db: Database.Database) =>
  documentEntity<Staff>(db, { table: 'staff', columns: (s) => ({ name: s.name }), readOnly: true });
