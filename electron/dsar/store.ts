import type Database from 'better-sqlite3-multiple-ciphers';
import { Dsar, DsarPatch } from '../../shared/api/dsar';
import { deferIndexes, restoreIndexes } from '../cache/bulk-load';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { SyncedEntity } from '../sync/entity-store';
import { type DsarRow, toRow } from './rows';

/** Mirrors DSARs into the cache and sends assignment changes to the platform. */
export function dsarEntity(db: Database.Database, timeZone: string): SyncedEntity<Dsar> {
  const upsert = db.prepare(`
    INSERT INTO dsars (id, version, type, status, subject_name, subject_email, received_at, due_date, assignee_id, priority, updated_at, is_open, pending, doc)
    VALUES (@id, @version, @type, @status, @subject_name, @subject_email, @received_at, @due_date, @assignee_id, @priority, @updated_at, @is_open, 0, @doc)
    ON CONFLICT (id) DO UPDATE SET
      version = excluded.version, type = excluded.type, status = excluded.status, subject_name = excluded.subject_name,
      subject_email = excluded.subject_email, received_at = excluded.received_at, due_date = excluded.due_date,
      assignee_id = excluded.assignee_id, priority = excluded.priority, updated_at = excluded.updated_at, is_open = excluded.is_open, pending = 0, doc = excluded.doc
    -- An older state (a feed page fetched before our own write was acknowledged) never overwrites a newer one.
    WHERE excluded.version >= dsars.version`);
  const remove = db.prepare('DELETE FROM dsars WHERE id = ?');
  const read = db.prepare<[string], Pick<DsarRow, 'doc'>>('SELECT doc FROM dsars WHERE id = ?');
  const version = db.prepare<[string], Pick<DsarRow, 'version'>>('SELECT version FROM dsars WHERE id = ?');
  const overlay = db.prepare('UPDATE dsars SET assignee_id = @assignee_id, priority = @priority, pending = 1, doc = @doc WHERE id = @id');

  return {
    entity: 'dsar',
    schema: Dsar,
    upsert: (dsar) => upsert.run(toRow(dsar, timeZone)),
    remove: (id) => remove.run(id),
    clear: () => db.exec('DELETE FROM dsars'),
    currentVersion: (id) => version.get(id)?.version ?? null,
    beginBulkLoad: () => deferIndexes(db, 'dsars', 'dsars_fts'),
    endBulkLoad: () => restoreIndexes(db),
    overlay({ entityId: id, body }) {
      const row = read.get(id);
      if (!row) return;
      const patch = DsarPatch.parse(body);
      const doc: Dsar = { ...(JSON.parse(row.doc) as Dsar), ...patch };
      overlay.run({ id, assignee_id: doc.assigneeId, priority: doc.priority, doc: JSON.stringify(doc) });
    },
    send: (client: PlatformClient, write) =>
      client.patchDsar(write.entityId, DsarPatch.parse(write.body), { version: write.baseVersion, idempotencyKey: write.idempotencyKey }),
    fetch: (client, id) =>
      client.getDsar(id).catch((error: unknown) => {
        if (error instanceof PlatformError && error.status === 404) return null;
        throw error;
      }),
  };
}
