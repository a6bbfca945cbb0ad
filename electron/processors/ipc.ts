import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Me } from '../../shared/api/common';
import { Processor } from '../../shared/api/processors';
import { HandlerError, type IpcRegistry, issuesOf } from '../ipc/registry';
import type { SyncEngine } from '../sync/engine';
import type { SyncedEntity } from '../sync/entity-store';
import type { Outbox } from '../sync/outbox';
import { listProcessors, readProcessor } from './store';

export interface ProcessorHandlerDeps {
  cache: Database.Database;
  outbox: Outbox;
  engine: SyncEngine;
  processors: SyncedEntity<Processor>;
  me(): Me | null;
}

export function registerProcessorHandlers(ipc: IpcRegistry, deps: ProcessorHandlerDeps): void {
  const mayWrite = () => {
    const me = deps.me();
    if (me && !me.scopes.includes('processor:write'))
      throw new HandlerError('forbidden', 'Your platform role may not change the registry.');
  };
  const queued = (entityId: string) => {
    deps.engine.noteLocalChange('processor');
    void deps.engine.kick();
    const saved = readProcessor(deps.cache, entityId);
    if (!saved) throw new HandlerError('internal', `${entityId} vanished from the cache.`);
    return saved;
  };

  ipc.handle('processor.list', () => listProcessors(deps.cache));
  ipc.handle('processor.get', ({ id }) => readProcessor(deps.cache, id));

  ipc.handle('processor.create', (draft) => {
    mayWrite();
    const id = `prc_${randomUUID()}`;
    const body = { id, ...draft };
    deps.outbox.enqueue('processor', id, 'create', body, 0);
    deps.processors.overlay?.({ entityId: id, op: 'create', body });
    return queued(id);
  });

  ipc.handle('processor.update', ({ id, patch }) => {
    mayWrite();
    const current = readProcessor(deps.cache, id);
    if (!current) throw new HandlerError('not_found', `No processor ${id} in the cache.`);
    // The same whole-record rules the platform applies, checked before anything is queued.
    const { pending: _, ...doc } = current;
    const merged = Processor.safeParse({ ...doc, ...patch });
    if (!merged.success) throw new HandlerError('invalid_input', 'The change breaks a registry rule.', issuesOf(merged.error));
    deps.outbox.enqueue('processor', id, 'patch', patch, current.version);
    deps.processors.overlay?.({ entityId: id, op: 'patch', body: patch });
    return queued(id);
  });
}
