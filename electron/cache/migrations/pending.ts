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
  {
    version: 2,
    name: 'console settings and export log',
    up(db) {
      db.exec(`
        -- Settings the user typed (controller and DPO details): not mirrored from anywhere, so not in the cache.
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        -- Every export of the records leaves a trace, as accountability (Art. 5(2)) asks.
        CREATE TABLE export_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          kind TEXT NOT NULL,
          format TEXT NOT NULL,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          actor TEXT NOT NULL
        );
      `);
    },
  },
];
