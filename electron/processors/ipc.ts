import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ProcessingActivity as ActivitySchema, type ProcessingActivity } from '../../shared/api/activities';
import type { EntityName } from '../../shared/api/changes';
import type { Me } from '../../shared/api/common';
import { type Processor, Processor as ProcessorSchema } from '../../shared/api/processors';
import { localDate } from '../../shared/domain/calendar';
import { registryReminders } from '../../shared/domain/reminders';
import type { DocumentStore } from '../cache/document-store';
import { HandlerError, type IpcRegistry, issuesOf } from '../ipc/registry';
import type { SyncEngine } from '../sync/engine';
import type { Outbox } from '../sync/outbox';

export interface RegistryHandlerDeps {
  outbox: Outbox;
  engine: SyncEngine;
  processors: DocumentStore<Processor>;
  activities: DocumentStore<ProcessingActivity>;
  me(): Me | null;
  timeZone(): string;
}

type Doc = { id: string; version: number; updatedAt: string };

/** The processor registry and the records of processing: read from the cache, written through the outbox. */
export function registerRegistryHandlers(ipc: IpcRegistry, deps: RegistryHandlerDeps): void {
  const mayWrite = () => {
    const me = deps.me();
    if (me && !me.scopes.includes('processor:write'))
      throw new HandlerError('forbidden', 'Your platform role may not change the registry.');
  };

  const saved = <T extends Doc>(store: DocumentStore<T>, entity: EntityName, id: string) => {
    deps.engine.noteLocalChange(entity);
    void deps.engine.kick();
    const doc = store.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };

  const create = <T extends Doc>(store: DocumentStore<T>, entity: EntityName, prefix: string, draft: object) => {
    mayWrite();
    const id = `${prefix}_${randomUUID()}`;
    const body = { id, ...draft };
    // Committed to the outbox first; the cache shows it from the outbox.
    deps.outbox.enqueue(entity, id, 'create', body, 0);
    store.synced.overlay?.({ entityId: id, op: 'create', body });
    return saved(store, entity, id);
  };

  const update = <T extends Doc>(
    store: DocumentStore<T>,
    entity: EntityName,
    schema: z.ZodType<T>,
    id: string,
    patch: Record<string, unknown>,
  ) => {
    mayWrite();
    const current = store.get(id);
    if (!current) throw new HandlerError('not_found', `No ${entity} ${id} in the cache.`);
    // The whole-record rules the platform applies, checked before anything is queued.
    const { pending: _, ...doc } = current;
    const merged = schema.safeParse({ ...doc, ...patch });
    if (!merged.success) throw new HandlerError('invalid_input', 'The change breaks a registry rule.', issuesOf(merged.error));
    deps.outbox.enqueue(entity, id, 'patch', patch, current.version);
    store.synced.overlay?.({ entityId: id, op: 'patch', body: patch });
    return saved(store, entity, id);
  };

  const checkRecipients = (ids: readonly string[]) => {
    const unknown = ids.filter((id) => !deps.processors.get(id));
    if (unknown.length) {
      throw new HandlerError(
        'invalid_input',
        `Recipients not in the registry: ${unknown.join(', ')}.`,
        unknown.map(() => ({ path: 'recipientIds', message: 'unknown processor' })),
      );
    }
  };

  ipc.handle('processor.list', () => deps.processors.list());
  ipc.handle('processor.get', ({ id }) => deps.processors.get(id));
  ipc.handle('processor.create', (draft) => create(deps.processors, 'processor', 'prc', draft));
  ipc.handle('processor.update', ({ id, patch }) => update(deps.processors, 'processor', ProcessorSchema, id, patch));

  ipc.handle('registry.reminders', () => registryReminders(deps.processors.list(), localDate(new Date(), deps.timeZone())));
  ipc.handle('activity.list', () => deps.activities.list());
  ipc.handle('activity.create', (draft) => {
    checkRecipients(draft.recipientIds);
    return create(deps.activities, 'activity', 'act', draft);
  });
  ipc.handle('activity.update', ({ id, patch }) => {
    if (patch.recipientIds) checkRecipients(patch.recipientIds);
    return update(deps.activities, 'activity', ActivitySchema, id, patch);
  });
}
