import { randomUUID } from 'node:crypto';
import type { ProcessingActivity } from '../../shared/api/activities';
import type { Processor } from '../../shared/api/processors';
import { localDate } from '../../shared/domain/calendar';
import { registryReminders } from '../../shared/domain/reminders';
import type { Versioned } from '../../shared/entities/descriptor';
import type { DocumentStore } from '../cache/document-store';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { WritePath } from '../sync/writes';

export interface RegistryHandlerDeps {
  writes: WritePath;
  processors: DocumentStore<Processor>;
  activities: DocumentStore<ProcessingActivity>;
  timeZone(): string;
}

/** The processor registry and the records of processing: read from the cache, written through the outbox. */
export function registerRegistryHandlers(ipc: IpcRegistry, deps: RegistryHandlerDeps): void {
  const { writes } = deps;
  const shown = <T extends Versioned>(store: DocumentStore<T>, id: string) => {
    const doc = store.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };

  ipc.handle('processor.list', () => deps.processors.list());
  ipc.handle('processor.create', (draft) => {
    const id = `prc_${randomUUID()}`;
    writes.mutate('processor', id, 'create', { id, ...draft });
    return shown(deps.processors, id);
  });
  ipc.handle('processor.update', ({ id, patch }) => {
    writes.mutate('processor', id, 'update', patch);
    return shown(deps.processors, id);
  });
  ipc.handle('registry.reminders', () => registryReminders(deps.processors.list(), localDate(new Date(), deps.timeZone())));

  ipc.handle('activity.list', () => deps.activities.list());
  ipc.handle('activity.create', (draft) => {
    const id = `act_${randomUUID()}`;
    writes.mutate('activity', id, 'create', { id, ...draft });
    return shown(deps.activities, id);
  });
  ipc.handle('activity.update', ({ id, patch }) => {
    writes.mutate('activity', id, 'update', patch);
    return shown(deps.activities, id);
  });
}
