import { randomUUID } from 'node:crypto';
import { BREACH_POLICY_ID } from '../../shared/api/breaches';
import type { ClockSettings } from '../../shared/api/dsar-workflow';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { authorityClockRuns, missingForReport, reportLate } from '../../shared/domain/breach-reports';
import { clockReminder, defaultNotificationPolicy } from '../../shared/domain/breach-severity';
import type { ControllerDetails } from '../../shared/domain/records';
import { supervisoryAuthorities } from '../../shared/domain/supervisory-authorities';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import { onlineOnly } from '../platform/online-only';
import type { WritePath } from '../sync/writes';
import { breachRegisterCsv } from './register-csv';
import { breachRegisterPdf } from './register-pdf';
import { reportPdf } from './report-pdf';
import type { BreachPolicyCache, IncidentCache, NoticeCache, PlaybookCache } from './store';

export interface BreachHandlerDeps {
  writes: WritePath;
  /** The platform, for what only it knows (whom a notice's audience reaches). */
  client: PlatformClient;
  incidents: IncidentCache;
  playbooks: PlaybookCache;
  notices: NoticeCache;
  exports: ExportLog;
  clock(): ClockSettings;
  /** The controller and its DPO as the settings hold them (the report's contact point, Art. 33(3)(b)). */
  controller(): ControllerDetails;
  /** The notification policy the platform holds. */
  policies: BreachPolicyCache;
  actor(): string;
}

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The breach register: read from the cache, every change through the outbox (the platform is the authority). */
export function registerBreachHandlers(ipc: IpcRegistry, deps: BreachHandlerDeps): void {
  const { writes, incidents } = deps;
  const shown = (id: string) => {
    const doc = incidents.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  /** The notices of each incident, for the register's Art. 34 column. */
  const noticesOf = () => {
    const all = deps.notices.list();
    return (incidentId: string) => all.filter((notice) => notice.incidentId === incidentId);
  };
  const sorted = () => incidents.list().sort((a, b) => b.awareAt.localeCompare(a.awareAt) || a.id.localeCompare(b.id));
  ipc.handle('incident.list', () => sorted());
  ipc.handle('incident.reminders', () => {
    const now = new Date();
    return incidents.list().flatMap((incident) => {
      if (!authorityClockRuns(incident)) return [];
      const deadline = breachAuthorityDeadline(incident.awareAt);
      const hoursLeft = clockReminder(deadline, now);
      return hoursLeft === null
        ? []
        : [{ key: `incident:${incident.id}:${hoursLeft}`, id: incident.id, title: incident.title, hoursLeft, deadline }];
    });
  });
  ipc.handle('incident.export', async ({ language, format }) => {
    const timeZone = deps.clock().timeZone;
    const name = `${language === 'de' ? 'datenpannen' : 'breach-register'}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return deps.exports.record({
      kind: 'breach_register',
      format,
      fileName: name,
      mimeType: format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
      content:
        format === 'pdf'
          ? await breachRegisterPdf(sorted(), language, timeZone, deps.controller().controllerName, noticesOf())
          : Buffer.from(breachRegisterCsv(sorted(), language, timeZone, noticesOf()), 'utf8'),
      actor: deps.actor(),
    });
  });
  /** The report as it would be composed now: the settings fill the controller, contact point and authority. */
  const draftOf = (input: { phase: 'initial' | 'follow_up' | 'final'; delayReasons: string; update: string }) => {
    const c = deps.controller();
    return {
      phase: input.phase,
      region: deps.clock().region,
      controller: { name: c.controllerName, address: c.controllerAddress, contact: c.controllerContact },
      contact: { name: c.dpoName, contact: c.dpoContact },
      delayReasons: input.delayReasons,
      update: input.update,
    };
  };
  ipc.handle('incident.reportCheck', ({ id, ...input }) => {
    const incident = shown(id);
    const draft = draftOf(input);
    const now = new Date().toISOString();
    const authority = supervisoryAuthorities[draft.region];
    return {
      missing: missingForReport(incident, draft, now),
      authority: authority ? { region: draft.region, name: authority.name } : null,
      late: input.phase === 'initial' && reportLate(incident, now),
      contact: draft.contact,
    };
  });
  ipc.handle('incident.submitReport', ({ id, channel, language, sentAt, ...input }) => {
    writes.mutate('incident', id, 'submitReport', {
      reportId: newId('rep'),
      channel,
      language,
      sentAt: sentAt ?? new Date().toISOString(),
      timeZone: deps.clock().timeZone,
      ...draftOf(input),
    });
    return shown(id);
  });
  ipc.handle('incident.setReference', ({ id, ...args }) => {
    writes.mutate('incident', id, 'setReference', args);
    return shown(id);
  });
  ipc.handle('incident.recordExemption', ({ id, ...args }) => {
    writes.mutate('incident', id, 'recordExemption', args);
    return shown(id);
  });
  ipc.handle('incident.setAftermath', ({ id, ...args }) => {
    writes.mutate('incident', id, 'setAftermath', args);
    return shown(id);
  });
  ipc.handle('incident.tickTask', ({ id, ...args }) => {
    writes.mutate('incident', id, 'tickTask', args);
    return shown(id);
  });
  ipc.handle('incident.reportFile', async ({ id, reportId, format }) => {
    const incident = shown(id);
    const report = incident.reports.find((r) => r.id === reportId);
    if (!report) throw new HandlerError('not_found', `The incident has no report ${reportId}.`);
    // Until the platform has recorded it, its fingerprint is the console's guess: no file leaves before that.
    if (incident.pending)
      throw new HandlerError('unavailable', `Report ${reportId} has not reached the platform yet.`, { problem: 'report-pending' });
    const base = `${report.language === 'de' ? 'meldung' : 'report'}-${id}-${report.phase}-${report.submittedAt.slice(0, 10)}`;
    return deps.exports.record({
      kind: 'breach_report',
      format,
      fileName: `${base}.${format}`,
      mimeType: format === 'pdf' ? 'application/pdf' : 'application/json',
      // The JSON is the frozen content itself with its fingerprint: what was sent, to be checked against it.
      content: format === 'pdf' ? await reportPdf(report) : Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'),
      actor: deps.actor(),
    });
  });
  ipc.handle('playbook.list', () => deps.playbooks.list());
  ipc.handle('playbook.save', ({ id, ...args }) => {
    writes.mutate('playbook', id, 'save', args);
    const doc = deps.playbooks.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  });
  ipc.handle('notice.list', ({ incidentId }) =>
    deps.notices
      .list()
      .filter((notice) => notice.incidentId === incidentId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  /** What only the platform knows; offline, the composer says so instead of guessing. */
  const ask = <T>(question: () => Promise<T>) =>
    onlineOnly(question, 'audience-offline', 'The platform cannot be reached: it alone knows its accounts and courses.');
  ipc.handle('notice.preview', ({ audience }) => ask(() => deps.client.previewAudience(audience)));
  ipc.handle('notice.courses', () => ask(async () => (await deps.client.listCourses()).courses));
  ipc.handle('notice.send', (input) => {
    const id = newId('ntc');
    writes.mutate('notice', id, 'send', { id, ...input });
    const doc = deps.notices.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  });
  ipc.handle('incident.create', (facts) => {
    const id = newId('inc');
    writes.mutate('incident', id, 'create', { id, ...facts });
    return shown(id);
  });
  ipc.handle('incident.update', ({ id, patch }) => {
    writes.mutate('incident', id, 'update', patch);
    return shown(id);
  });
  ipc.handle('breachPolicy.get', () => {
    const held = deps.policies.read(BREACH_POLICY_ID);
    return held ? { authorityFrom: held.authorityFrom, subjectsFrom: held.subjectsFrom } : defaultNotificationPolicy;
  });
  ipc.handle('breachPolicy.update', (policy) => {
    writes.mutate('breachPolicy', BREACH_POLICY_ID, 'save', policy);
    return policy;
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
