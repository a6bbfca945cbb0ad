import type Database from 'better-sqlite3-multiple-ciphers';
import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { dueOnly } from '../../shared/domain/dsar-clock';
import { deferIndexes, restoreIndexes } from '../cache/bulk-load';
import { dsarOpenRebuild, dsarTallyRebuild } from '../cache/migrations/dsar-tally';
import type { CachedEntity } from '../sync/cached-entity';
import { type DsarRow, parseLedger, toRow } from './rows';

/**
 * Requests in the cache: the queue columns in `dsars` (with the compact clock ledger the due date is computed
 * from), the documents with their timelines apart in `dsar_docs`.
 */
export function dsarCache(db: Database.Database, deps: { clock(): ClockSettings }) {
  const columns =
    'id, version, type, status, subject_name, subject_email, received_at, due_date, assignee_id, priority, updated_at, is_open, ledger, clock_paused, subject_key, subject_fold, received_on, answered_on';
  const assignments = columns
    .split(', ')
    .filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const values = columns
    .split(', ')
    .map((c) => `@${c}`)
    .join(', ');
  const upsert = db.prepare(`INSERT INTO dsars (${columns}, pending) VALUES (${values}, 0)
    ON CONFLICT (id) DO UPDATE SET ${assignments}, pending = 0
    -- An older state (a feed page fetched before our own write was acknowledged) never overwrites a newer one.
    WHERE excluded.version >= dsars.version`);
  // A pending change keeps the platform's version (the base of the write) and marks the row pending.
  const overlayRow = db.prepare(`INSERT INTO dsars (${columns}, pending) VALUES (${values}, 1)
    ON CONFLICT (id) DO UPDATE SET ${assignments.replace('version = excluded.version, ', '')}, pending = 1`);
  const writeDoc = db.prepare('INSERT INTO dsar_docs (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc');
  const removeRow = db.prepare('DELETE FROM dsars WHERE id = ?');
  const removeDoc = db.prepare('DELETE FROM dsar_docs WHERE id = ?');
  const readDoc = db.prepare<[string], { doc: string }>('SELECT doc FROM dsar_docs WHERE id = ?');
  const store = (statement: typeof upsert, row: Omit<DsarRow, 'pending'>) => {
    const { doc, ...queueColumns } = row;
    // The version guard may keep a newer row; its document then stays too.
    if (statement.run(queueColumns).changes === 0) return false;
    writeDoc.run(row.id, doc);
    return true;
  };

  // SQL functions over the stored ledger, with the settings of the moment (not deterministic across changes).
  db.function('pc_due', (ledger: unknown) => dueOnly(parseLedger(String(ledger)), deps.clock()).due);
  db.function('pc_local_day', (instant: unknown) => localDate(String(instant), deps.clock().timeZone));
  db.function('pc_paused', (ledger: unknown) => (dueOnly(parseLedger(String(ledger)), deps.clock()).paused ? 1 : 0));

  const cached = {
    read(id: string): Dsar | null {
      const row = readDoc.get(id);
      return row ? (JSON.parse(row.doc) as Dsar) : null;
    },
    upsert: (dsar: Dsar) => store(upsert, toRow(dsar, deps.clock())),
    overlay: (dsar: Dsar) => void store(overlayRow, toRow(dsar, deps.clock())),
    remove: (id: string) => {
      removeRow.run(id);
      removeDoc.run(id);
    },
    clear: () => db.exec('DELETE FROM dsars; DELETE FROM dsar_docs;'),
    beginBulkLoad: () =>
      deferIndexes(db, 'dsars', {
        dsars_fts: "INSERT INTO dsars_fts (dsars_fts) VALUES ('rebuild')",
        dsar_tally: dsarTallyRebuild,
        dsar_open: dsarOpenRebuild,
      }),
    endBulkLoad: () => restoreIndexes(db),
  } satisfies CachedEntity<Dsar>;

  return {
    ...cached,
    /**
     * After a change of the clock settings: every due date again, from the stored ledgers, and with another time
     * zone the days of receipt and answer; returns how many due dates moved.
     */
    recomputeClock(zoneChanged: boolean): number {
      if (zoneChanged) recomputeDaysOf(db);
      // Only rows whose date moves are written: a change of Land moves a few percent of them, and every write
      // also maintains the six indexes that sort by due date.
      db.exec(
        'CREATE TEMP TABLE IF NOT EXISTS recomputed (id TEXT PRIMARY KEY, due_date TEXT NOT NULL, clock_paused INTEGER NOT NULL) WITHOUT ROWID',
      );
      db.exec('DELETE FROM temp.recomputed');
      db.exec(`INSERT INTO temp.recomputed (id, due_date, clock_paused)
        SELECT id, due, paused FROM (SELECT id, due_date, clock_paused, pc_due(ledger) AS due, pc_paused(ledger) AS paused FROM dsars)
         WHERE due <> due_date OR paused <> clock_paused`);
      const moved = db
        .prepare('UPDATE dsars SET due_date = r.due_date, clock_paused = r.clock_paused FROM temp.recomputed r WHERE dsars.id = r.id')
        .run().changes;
      db.exec('DELETE FROM temp.recomputed');
      return moved;
    },
  };
}
/** The local days of receipt and answer in the zone of the settings now (as `toRow` computes them). */
function recomputeDaysOf(db: Database.Database): void {
  db.exec(`
    UPDATE dsars SET received_on = pc_local_day(received_at) WHERE received_on IS NOT pc_local_day(received_at);
    UPDATE dsars SET answered_on = pc_local_day(coalesce(
      (SELECT e.value ->> 'at' FROM dsar_docs c, json_each(c.doc, '$.events') e WHERE c.id = dsars.id
        AND e.value ->> 'kind' = 'status' AND e.value ->> 'to' = dsars.status ORDER BY e.key DESC LIMIT 1),
      (SELECT c.doc ->> 'updatedAt' FROM dsar_docs c WHERE c.id = dsars.id)))
     WHERE answered_on IS NOT NULL;
  `);
}

export type DsarCache = ReturnType<typeof dsarCache>;
