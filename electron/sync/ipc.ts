import type { IpcRegistry } from '../ipc/registry';
import { HandlerError } from '../ipc/registry';
import type { SyncEngine } from './engine';
import type { SyncedEntity } from './entity-store';
import type { Conflicts, Outbox } from './outbox';

export interface SyncHandlerDeps {
  engine: SyncEngine;
  outbox: Outbox;
  conflicts: Conflicts;
  entities: Map<string, SyncedEntity>;
}

export function registerSyncHandlers(ipc: IpcRegistry, deps: SyncHandlerDeps): void {
  ipc.handle('sync.status', () => deps.engine.current());
  ipc.handle('sync.now', async () => {
    await deps.engine.kick();
    return deps.engine.current();
  });
  ipc.handle('conflicts.list', () => deps.conflicts.list());
  ipc.handle('conflicts.resolve', ({ id, action }) => {
    const conflict = deps.conflicts.get(id);
    if (!conflict) throw new HandlerError('not_found', `No conflict ${id}.`);
    if (action === 'reapply') {
      // Re-applied on top of the platform's current state, as a new write.
      const synced = deps.entities.get(conflict.entity);
      const version = synced?.currentVersion?.(conflict.entityId) ?? null;
      if (!synced || version === null)
        throw new HandlerError('not_found', `${conflict.entity} ${conflict.entityId} is no longer on the platform.`);
      deps.outbox.enqueue(synced.entity, conflict.entityId, conflict.op, conflict.intended, version);
      synced.overlay?.({ entityId: conflict.entityId, op: conflict.op, body: conflict.intended });
    }
    deps.conflicts.remove(id);
    deps.engine.noteLocalChange(conflict.entity);
    void deps.engine.kick();
    return deps.engine.current();
  });
}
