import type { Migration } from '../migrate';

/**
 * The one store that is not disposable: writes the user made that the platform has not acknowledged, and
 * conflicts awaiting a decision. A separate file, so a damaged cache can be rebuilt without losing them.
 */
export const pendingMigrations: Migration[] = [
  {
    version: 1,
    name: 'outbox and conflicts',
    up(db) {
      db.exec(`
        CREATE TABLE outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          op TEXT NOT NULL,
          body TEXT NOT NULL,
          base_version INTEGER NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT
        );
        CREATE INDEX outbox_by_entity ON outbox (entity, entity_id, seq);
        CREATE TABLE conflicts (
          id TEXT PRIMARY KEY,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          op TEXT NOT NULL,
          kind TEXT NOT NULL,
          intended TEXT NOT NULL,
          detail TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
];
