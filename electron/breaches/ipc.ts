import { randomUUID } from 'node:crypto';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { WritePath } from '../sync/writes';
import type { IncidentCache } from './store';

export interface BreachHandlerDeps {
  writes: WritePath;
  incidents: IncidentCache;
}

/** The breach register: read from the cache, every change through the outbox (the platform is the authority). */
export function registerBreachHandlers(ipc: IpcRegistry, deps: BreachHandlerDeps): void {
  const { writes, incidents } = deps;
  const shown = (id: string) => {
    const doc = incidents.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  ipc.handle('incident.list', () => incidents.list().sort((a, b) => b.awareAt.localeCompare(a.awareAt) || a.id.localeCompare(b.id)));
  ipc.handle('incident.create', (facts) => {
    const id = `inc_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    writes.mutate('incident', id, 'create', { id, ...facts });
    return shown(id);
  });
  ipc.handle('incident.update', ({ id, patch }) => {
    writes.mutate('incident', id, 'update', patch);
    return shown(id);
  });
  ipc.handle('incident.assess', ({ id, ...args }) => {
    writes.mutate('incident', id, 'assess', args);
    return shown(id);
  });
  ipc.handle('incident.decide', ({ id, ...args }) => {
    writes.mutate('incident', id, 'decide', args);
    return shown(id);
  });
  ipc.handle('incident.setStatus', ({ id, ...args }) => {
    writes.mutate('incident', id, 'setStatus', args);
    return shown(id);
  });
}
