import { RuleError } from '../../shared/domain/rules';
import type { MutatorArgs, MutatorName } from '../../shared/entities/registry';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { SyncEngine } from './engine';
import type { Conflicts, Outbox } from './outbox';
import type { WritePath } from './writes';

export interface SyncHandlerDeps {
  engine: SyncEngine;
  outbox: Outbox;
  conflicts: Conflicts;
  writes: WritePath;
}

export function registerSyncHandlers(ipc: IpcRegistry, deps: SyncHandlerDeps): void {
  ipc.handle('sync.status', () => deps.engine.current());
  ipc.handle('sync.now', async () => {
    await deps.engine.kick();
    return deps.engine.current();
  });
  ipc.handle('writes.pending', ({ entity, id }) => {
    const write = deps.outbox.undoable(entity, id);
    return write
      ? {
          seq: write.seq,
          entity,
          entityId: id,
          mutator: write.mutator,
          args: write.args,
          holdUntil: write.holdUntil,
          attempts: write.attempts,
        }
      : null;
  });
  ipc.handle('writes.undo', ({ entity, id, seq }) => ({ undone: deps.writes.undo(entity, id, seq) !== null }));
  ipc.handle('writes.release', async ({ entity, id }) => {
    const released = deps.outbox.release(entity, id);
    if (released) await deps.engine.kick();
    return { released };
  });
  ipc.handle('conflicts.list', () => deps.conflicts.list());
  ipc.handle('conflicts.resolve', ({ id, action }) => {
    const conflict = deps.conflicts.get(id);
    if (!conflict) throw new HandlerError('not_found', `No conflict ${id}.`);
    // Re-applied: a new write on the platform's current state, checked by the same rule as the first; a step
    // the platform has moved past, or a change that now breaks a rule, is refused with the rule's message.
    const reapply = () =>
      deps.writes.mutate(
        conflict.entity,
        conflict.entityId,
        conflict.mutator as MutatorName<typeof conflict.entity>,
        conflict.intended as MutatorArgs<typeof conflict.entity, MutatorName<typeof conflict.entity>>,
      );
    try {
      deps.conflicts.settle(id, action === 'reapply' ? reapply : undefined);
    } catch (error) {
      if (error instanceof RuleError)
        throw new RuleError(error.code, `It can no longer be re-applied: ${error.message}`, error.issues, error.params);
      throw error;
    }
    deps.engine.recount();
    return deps.engine.current();
  });
}
