import type Database from 'better-sqlite3-multiple-ciphers';

export type SyncKey = 'cursor' | 'workspace' | 'last_synced_at' | 'me';

/** Small key/value state of the sync engine, kept in the cache next to the rows it describes. */
export class SyncState {
  private readonly getStatement;
  private readonly setStatement;

  constructor(db: Database.Database) {
    this.getStatement = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.setStatement = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: SyncKey): string | null {
    return this.getStatement.get(key)?.value ?? null;
  }

  set(key: SyncKey, value: string): void {
    this.setStatement.run(key, value);
  }
}
