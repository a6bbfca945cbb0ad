import type Database from 'better-sqlite3-multiple-ciphers';
import { CacheOpenError } from './errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Brings a database to the newest migration: one transaction per migration, `PRAGMA user_version` records
 * the step. Versions must be 1, 2, 3, …; a database written by a newer console is refused, not downgraded.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], label: string): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${label} migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new CacheOpenError(
      'newer_schema',
      `The ${label} was written by a newer Privacy Console (schema ${current}, this one knows ${latest}). Update the app.`,
    );
  }
  // Fault injection (the fault suite only): each migration holds its transaction open this long, so a kill
  // lands inside it rather than between two.
  const pause = Number(process.env.PRIVACY_CONSOLE_FAULT_MIGRATION_PAUSE_MS ?? 0);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
