import { localDate } from '../../shared/domain/calendar';
import { findEntity } from '../../shared/entities/registry';
import type { AuditEntry, ExportKind } from '../../shared/ipc/contract';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import { onlineOnly } from '../platform/online-only';
import { auditCsv } from './csv';
import type { AuditTrail } from './trail';

/** The most entries one CSV holds; a longer trail is exported a period at a time. */
const EXPORT_LIMIT = 100_000;

export interface AuditDeps {
  trail: AuditTrail;
  exports: ExportLog;
  client: PlatformClient;
  timeZone(): string;
  staffName(id: string): string | null;
  actor(): string;
}

export function registerAuditHandlers(ipc: IpcRegistry, deps: AuditDeps): void {
  // Names the trail did not know when it wrote the entry (a write queued before the person's name was known).
  const named = (entry: AuditEntry): AuditEntry => (entry.actorName ? entry : { ...entry, actorName: deps.staffName(entry.actor) });
  ipc.handle('audit.trail', (query) => {
    const page = deps.trail.page(query, deps.timeZone());
    return { entries: page.entries.map(named), next: page.next };
  });
  ipc.handle('audit.export', ({ query, language }) => {
    const found = deps.trail.some(query, deps.timeZone(), EXPORT_LIMIT);
    if (found.more) {
      throw new HandlerError('invalid_input', `more than ${EXPORT_LIMIT} entries: narrow the filter`, {
        problem: 'too-many-entries',
        params: { limit: EXPORT_LIMIT },
      });
    }
    const entries = found.entries.map(named);
    const stamp = localDate(new Date(), deps.timeZone());
    return deps.exports.record({
      kind: 'audit_trail' satisfies ExportKind,
      format: 'csv',
      fileName: `${language === 'de' ? 'protokoll-konsole' : 'console-audit-trail'}-${stamp}.csv`,
      mimeType: 'text/csv',
      content: Buffer.from(auditCsv(entries, language, deps.timeZone()), 'utf8'),
      actor: deps.actor(),
    });
  });
  ipc.handle('audit.platform', ({ entity, id, before }) => {
    const descriptor = findEntity(entity);
    if (!descriptor) throw new HandlerError('invalid_input', `No entity ${entity}.`);
    return onlineOnly(
      () =>
        deps.client.auditLog(descriptor, id, before).catch((error: unknown) => {
          // The platform's no in the console's words: an object it does not hold, a log the role may not read.
          if (error instanceof PlatformError && error.status === 404) throw new HandlerError('not_found', error.message);
          if (error instanceof PlatformError && error.status === 403) throw new HandlerError('forbidden', error.message);
          throw error;
        }),
      'audit-log-offline',
      'The platform cannot be reached: its audit log is kept only there.',
    );
  });
}
