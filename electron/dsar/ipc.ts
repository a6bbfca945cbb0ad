import type Database from 'better-sqlite3-multiple-ciphers';
import type { Me } from '../../shared/api/common';
import type { Dsar } from '../../shared/api/dsar';
import { isBulkLoading } from '../cache/bulk-load';
import { HandlerError, type IpcRegistry } from '../ipc/registry';
import type { SyncEngine } from '../sync/engine';
import type { SyncedEntity } from '../sync/entity-store';
import type { Outbox } from '../sync/outbox';
import { queuePage } from './queue';
import { type DsarRow, toQueueRow } from './rows';

export interface DsarHandlerDeps {
  cache: Database.Database;
  outbox: Outbox;
  engine: SyncEngine;
  dsars: SyncedEntity<Dsar>;
  me(): Me | null;
}

export function registerDsarHandlers(ipc: IpcRegistry, deps: DsarHandlerDeps): void {
  const { cache } = deps;
  const byId = cache.prepare<[string], DsarRow>('SELECT * FROM dsars WHERE id = ?');
  const staffById = cache.prepare<[string], { doc: string }>('SELECT doc FROM staff WHERE id = ?');

  ipc.handle('dsar.list', (query) => {
    // Until the first bootstrap has built its indexes the queue is incomplete: show none of it, with progress.
    if (isBulkLoading(cache)) return { rows: [], next: null };
    try {
      return queuePage(cache, query, deps.me()?.staff.id ?? null);
    } catch (error) {
      if (error instanceof RangeError) throw new HandlerError('invalid_input', error.message);
      throw error;
    }
  });

  ipc.handle('dsar.get', ({ id }) => {
    const row = byId.get(id);
    if (!row) return null;
    return { ...(JSON.parse(row.doc) as Dsar), dueDate: row.due_date, pending: row.pending === 1 };
  });

  ipc.handle('dsar.assign', ({ id, assigneeId }) => {
    const me = deps.me();
    if (me && !me.scopes.includes('dsar:write')) throw new HandlerError('forbidden', 'Your platform role may not change requests.');
    const row = byId.get(id);
    if (!row) throw new HandlerError('not_found', `No request ${id} in the cache.`);
    if (assigneeId !== null) {
      const staff = staffById.get(assigneeId);
      const assignee = staff ? (JSON.parse(staff.doc) as { active: boolean }) : null;
      if (!assignee?.active) throw new HandlerError('invalid_input', `${assigneeId} is not an active staff member.`);
    }
    if (row.assignee_id === assigneeId) return toQueueRow(row);
    // The outbox commit comes first: once it is on disk the change survives a crash, and the cache
    // overlay is derived from it (re-applied on every start).
    deps.outbox.enqueue('dsar', id, 'patch', { assigneeId }, row.version);
    deps.dsars.overlay?.({ entityId: id, op: 'patch', body: { assigneeId } });
    deps.engine.noteLocalChange('dsar');
    void deps.engine.kick();
    const updated = byId.get(id);
    if (!updated) throw new HandlerError('not_found', `No request ${id} in the cache.`);
    return toQueueRow(updated);
  });
}
