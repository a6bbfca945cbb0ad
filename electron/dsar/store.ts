import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { Dsar, DsarCreate, DsarPatch } from '../../shared/api/dsar';
import { type ClockSettings, DsarAction } from '../../shared/api/dsar-workflow';
import type { Job } from '../../shared/api/jobs';
import { dueOnly } from '../../shared/domain/dsar-clock';
import { applyAction, WorkflowError } from '../../shared/domain/dsar-workflow';
import { deferIndexes, restoreIndexes } from '../cache/bulk-load';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { SyncedEntity } from '../sync/entity-store';
import { type DsarRow, parseLedger, toRow } from './rows';

export interface DsarEntityDeps {
  clock(): ClockSettings;
  /** Who the pending timeline entries are by. */
  actor(): string;
  /** A mirrored fulfilment job, for the workflow's rules. */
  findJob(id: string): Job | null;
}

/** Mirrors DSARs into the cache and sends changes, intake and workflow actions to the platform. */
export function dsarEntity(db: Database.Database, deps: DsarEntityDeps) {
  const columns =
    'id, version, type, status, subject_name, subject_email, received_at, due_date, assignee_id, priority, updated_at, is_open, ledger, clock_paused, subject_key';
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
  const read = db.prepare<[string], Pick<DsarRow, 'doc' | 'version'>>(
    'SELECT x.doc, d.version FROM dsars d JOIN dsar_docs x ON x.id = d.id WHERE d.id = ?',
  );
  const store = (statement: typeof upsert, row: Omit<DsarRow, 'pending'>) => {
    const { doc, ...columns } = row;
    // The version guard may keep a newer row; its document then stays too.
    if (statement.run(columns).changes > 0) writeDoc.run(row.id, doc);
  };
  const findDsar = (id: string) => {
    const row = read.get(id);
    return row ? (JSON.parse(row.doc) as Dsar) : null;
  };

  // SQL functions over the stored ledger, with the settings of the moment (not deterministic across changes).
  db.function('pc_due', (ledger: unknown) => dueOnly(parseLedger(String(ledger)), deps.clock()).due);
  db.function('pc_paused', (ledger: unknown) => (dueOnly(parseLedger(String(ledger)), deps.clock()).paused ? 1 : 0));

  const synced: SyncedEntity<Dsar> = {
    entity: 'dsar',
    schema: Dsar,
    upsert: (dsar) => store(upsert, toRow(dsar, deps.clock())),
    remove: (id) => {
      removeRow.run(id);
      removeDoc.run(id);
    },
    clear: () => db.exec('DELETE FROM dsars; DELETE FROM dsar_docs;'),
    currentVersion: (id) => read.get(id)?.version ?? null,
    beginBulkLoad: () => deferIndexes(db, 'dsars', 'dsars_fts'),
    endBulkLoad: () => restoreIndexes(db),
    overlay({ entityId: id, op, body }) {
      const row = read.get(id);
      if (op === 'create') {
        if (row) return;
        const input = DsarCreate.parse(body);
        store(overlayRow, { ...toRow(createdLocally(input, deps.actor()), deps.clock()), version: 0 });
        return;
      }
      if (!row) return;
      const current = JSON.parse(row.doc) as Dsar;
      let next: Dsar;
      if (op === 'patch') {
        next = { ...current, ...DsarPatch.parse(body) };
      } else {
        try {
          next = applyAction(current, DsarAction.parse(body), {
            actor: deps.actor(),
            at: new Date().toISOString(),
            newId: () => `pending-${randomUUID()}`,
            findDsar,
            findJob: deps.findJob,
          }).dsar;
        } catch (error) {
          // The platform moved on since the write was queued; sending it will show whether it still applies.
          if (error instanceof WorkflowError) return;
          throw error;
        }
      }
      store(overlayRow, { ...toRow(next, deps.clock()), version: row.version });
    },
    send: (client: PlatformClient, write) => {
      const headers = { version: write.baseVersion, idempotencyKey: write.idempotencyKey };
      if (write.op === 'create') return client.createDsar(DsarCreate.parse(write.body), write.idempotencyKey);
      if (write.op === 'action') return client.dsarAction(write.entityId, DsarAction.parse(write.body), headers);
      return client.patchDsar(write.entityId, DsarPatch.parse(write.body), headers);
    },
    fetch: (client, id) =>
      client.getDsar(id).catch((error: unknown) => {
        if (error instanceof PlatformError && error.status === 404) return null;
        throw error;
      }),
  };

  return {
    synced,
    find: findDsar,
    /** After a change of the clock settings: every due date again, from the stored ledgers; returns how many moved. */
    recomputeDueDates(): number {
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
export type DsarStore = ReturnType<typeof dsarEntity>;

/** The request as the console shows it until the platform has recorded it. */
function createdLocally(input: DsarCreate, actor: string): Dsar {
  const at = new Date().toISOString();
  return {
    ...input,
    version: 0,
    updatedAt: at,
    status: input.duplicateOf ? 'duplicate' : 'new',
    assigneeId: null,
    tags: [],
    events: [{ id: `pending-${input.id}`, at, actor, kind: 'received', channel: input.channel }],
  };
}
