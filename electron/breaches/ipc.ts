import { randomUUID } from 'node:crypto';
import { clockReminder } from '../../shared/domain/breach-severity';
import { breachAuthorityDeadline } from '../../shared/domain/deadlines';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { WritePath } from '../sync/writes';
import { breachRegisterCsv } from './register-csv';
import type { IncidentCache } from './store';

export interface BreachHandlerDeps {
  writes: WritePath;
  incidents: IncidentCache;
  exports: ExportLog;
  timeZone(): string;
  actor(): string;
}

/** The breach register: read from the cache, every change through the outbox (the platform is the authority). */
export function registerBreachHandlers(ipc: IpcRegistry, deps: BreachHandlerDeps): void {
  const { writes, incidents } = deps;
  const shown = (id: string) => {
    const doc = incidents.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  const sorted = () => incidents.list().sort((a, b) => b.awareAt.localeCompare(a.awareAt) || a.id.localeCompare(b.id));
  ipc.handle('incident.list', () => sorted());
  ipc.handle('incident.reminders', () => {
    const now = new Date();
    return incidents.list().flatMap((incident) => {
      if (incident.status === 'closed' || incident.decision) return [];
      const deadline = breachAuthorityDeadline(incident.awareAt);
      const hoursLeft = clockReminder(deadline, now);
      return hoursLeft === null
        ? []
        : [{ key: `incident:${incident.id}:${hoursLeft}`, id: incident.id, title: incident.title, hoursLeft, deadline }];
    });
  });
  ipc.handle('incident.export', ({ language }) =>
    deps.exports.record({
      kind: 'breach_register',
      format: 'csv',
      fileName: `${language === 'de' ? 'datenpannen' : 'breach-register'}-${new Date().toISOString().slice(0, 10)}.csv`,
      mimeType: 'text/csv; charset=utf-8',
      content: Buffer.from(breachRegisterCsv(sorted(), language, deps.timeZone()), 'utf8'),
      actor: deps.actor(),
    }),
  );
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
