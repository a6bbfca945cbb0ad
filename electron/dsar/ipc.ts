import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Staff } from '../../shared/api/common';
import type { DsarType } from '../../shared/api/dsar';
import type { ClockSettings, DsarAction } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { platformSubjectCategories } from '../../shared/domain/data-categories';
import { dsarDueDate } from '../../shared/domain/deadlines';
import { subjectKeys } from '../../shared/domain/dsar';
import { allowedIn } from '../../shared/domain/dsar-workflow';
import type { ControllerDetails } from '../../shared/domain/records';
import type { RegistryQueries } from '../../shared/domain/registry-queries';
import { RuleError } from '../../shared/domain/rules';
import { requestIdIn } from '../../shared/domain/search';
import { dsarEntity, jobEntity } from '../../shared/dsar/entities';
import { BULK_LIMIT, type QueueQuery, type QueueRow } from '../../shared/ipc/contract';
import { isBulkLoading } from '../cache/bulk-load';
import type { DocumentStore } from '../cache/document-store';
import type { Setting } from '../cache/settings';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { SyncEngine } from '../sync/engine';
import type { Outbox } from '../sync/outbox';
import type { WritePath } from '../sync/writes';
import { article15Text } from './article15-text';
import { requestDetails } from './detail';
import { defaultDelivery, messageDrafter } from './drafts';
import { followJobs } from './job-watch';
import type { JobCache } from './jobs-store';
import { letterPdf } from './letter-pdf';
import { queuePage } from './queue';
import { registerCsv } from './register-csv';
import { evictClosedRequests, evictClosedRequestsInChunks, type LocalRetention, RETENTION_EVERY_MS } from './retention';
import { type DsarRow, type QueueColumns, toQueueRow } from './rows';
import type { DsarCache } from './store';
import type { TemplateCache } from './templates';

export interface DsarHandlerDeps {
  cache: Database.Database;
  outbox: Outbox;
  engine: SyncEngine;
  client: PlatformClient;
  writes: WritePath;
  exports: ExportLog;
  dsars: DsarCache;
  jobs: JobCache;
  templates: TemplateCache;
  staff: DocumentStore<Staff>;
  clock: Setting<ClockSettings>;
  retention: Setting<LocalRetention>;
  registry: RegistryQueries;
  controllerName(): string;
  /** The controller's details from the settings, for the letterhead of a letter by post. */
  controller(): ControllerDetails;
  /** Looks at a failure no caller expected (a damaged cache page marks the cache for a rebuild). */
  noteFailure(error: unknown): string | null;
  /** Staff id of the person at the console, once known. */
  myId(): string | null;
}

export function registerDsarHandlers(ipc: IpcRegistry, deps: DsarHandlerDeps): { close(): void } {
  const { cache, writes } = deps;
  const byId = cache.prepare<[string], DsarRow>('SELECT d.*, x.doc FROM dsars d JOIN dsar_docs x ON x.id = d.id WHERE d.id = ?');
  const sameSubject = cache.prepare<[string, string], QueueColumns>(
    'SELECT * FROM dsars WHERE subject_key = ? AND type = ? AND is_open = 1 ORDER BY received_at',
  );
  const today = () => localDate(new Date(), deps.clock.get().timeZone);
  const { myId } = deps;
  const load = (id: string) => {
    const row = byId.get(id);
    if (!row) throw new HandlerError('not_found', `No request ${id} in the cache.`);
    return row;
  };

  const jobs = followJobs({ jobs: deps.jobs, outbox: deps.outbox, engine: deps.engine });

  const { detail, mustDetail } = requestDetails({
    cache,
    clock: deps.clock,
    jobs: deps.jobs,
    registry: deps.registry,
    byId,
    sameSubject,
    today,
  });

  ipc.handle('dsar.list', (query) => {
    // While the first bootstrap fills the cache, what has arrived is shown, said to be incomplete; searching by
    // words waits for the full-text index, built at its end.
    const loading = isBulkLoading(cache);
    if (loading && query.search.trim() && !requestIdIn(query.search)) return { rows: [], next: null, loading };
    try {
      return { ...queuePage(cache, query, myId(), today(), !loading), ...(loading ? { loading } : {}) };
    } catch (error) {
      if (error instanceof RangeError) throw new HandlerError('invalid_input', error.message, { problem: 'invalid-query' });
      throw error;
    }
  });

  // A request the cache no longer holds (closed long ago, see retention.ts) is fetched from the platform on
  // demand with its jobs; it leaves again at the next pass.
  ipc.handle('dsar.get', async ({ id }) => {
    const cached = detail(id);
    if (cached) return cached;
    const fetched = await deps.client.get(dsarEntity, id).catch((error: unknown) => {
      if (error instanceof PlatformError && (error.status === 404 || error.transient)) return null;
      throw error;
    });
    if (!fetched) return null;
    const jobIds = fetched.events.flatMap((e) => (e.kind === 'job_started' ? [e.jobId] : []));
    const fetchedJobs = await Promise.all(jobIds.map((jobId) => deps.client.get(jobEntity, jobId).catch(() => null)));
    cache.transaction(() => {
      deps.dsars.upsert(fetched);
      for (const job of fetchedJobs) if (job) deps.jobs.upsert(job);
    })();
    return detail(id);
  });

  const retain = () => {
    // A bootstrap builds the indexes at its end: the pass waits for the next turn.
    if (isBulkLoading(cache)) return 0;
    const removed = evictClosedRequests(cache, deps.retention.get());
    if (removed) deps.engine.noteLocalChange(['dsar']);
    return removed;
  };
  ipc.handle('retention.get', () => deps.retention.get());
  ipc.handle('retention.update', (settings) => {
    deps.retention.set(settings);
    return { settings: deps.retention.get(), removed: retain() };
  });
  // At start and every few hours while the console is open. A timer's failure must not end the process: it
  // is logged, and a damaged cache is marked for its rebuild.
  const FIRST_RETENTION_PASS_MS = 15_000;
  let closed = false;
  let passing = false;
  const background = async () => {
    if (passing || closed || isBulkLoading(cache)) return;
    passing = true;
    try {
      const removed = await evictClosedRequestsInChunks(cache, deps.retention.get(), () => !closed && !isBulkLoading(cache));
      if (removed && !closed) deps.engine.noteLocalChange(['dsar']);
    } catch (error) {
      if (!closed) deps.noteFailure(error);
      console.error('[retention] pass failed:', error);
    } finally {
      passing = false;
    }
  };
  const retention = setInterval(() => void background(), RETENTION_EVERY_MS);
  retention.unref?.();
  // Shortly after start, not on its path: the first screen comes first.
  const firstPass = setTimeout(() => void background(), FIRST_RETENTION_PASS_MS);
  firstPass.unref?.();

  const dueMine = cache.prepare<[string, string], { id: string; type: DsarType; due_date: string }>(
    'SELECT id, type, due_date FROM dsars WHERE assignee_id = ? AND is_open = 1 AND due_date <= ? ORDER BY due_date LIMIT 20',
  );
  const arrived = cache.prepare<[string], { id: string; type: DsarType; due_date: string }>(
    "SELECT id, type, due_date FROM dsars WHERE status = 'new' AND assignee_id IS NULL AND received_at >= ? ORDER BY received_at DESC LIMIT 20",
  );
  ipc.handle('dsar.reminders', () => {
    const me = myId();
    if (!me || isBulkLoading(cache)) return [];
    const now = today();
    const soon = new Date(Date.parse(`${now}T12:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    return [
      ...dueMine.all(me, soon).map((r) => {
        const kind = r.due_date < now ? ('overdue' as const) : ('due_soon' as const);
        // The due date is part of the key: an extended request that nears its new date is reminded again.
        return { key: `dsar:${r.id}:${kind}:${r.due_date}`, kind, id: r.id, type: r.type, dueDate: r.due_date };
      }),
      ...arrived.all(since).map((r) => ({ key: `dsar:${r.id}:new`, kind: 'new' as const, id: r.id, type: r.type, dueDate: r.due_date })),
    ];
  });

  ipc.handle('dsar.assign', ({ id, assigneeId }) => {
    writes.mutate('dsar', id, 'assign', { assigneeId });
    return toQueueRow(load(id));
  });

  ipc.handle('dsar.setPriority', ({ id, priority }) => {
    writes.mutate('dsar', id, 'setPriority', { priority });
    return mustDetail(id);
  });

  ipc.handle('dsar.setTags', ({ id, tags }) => {
    writes.mutate('dsar', id, 'setTags', { tags });
    return mustDetail(id);
  });

  ipc.handle('dsar.act', ({ id, action: requested }) => {
    // Steps that count the deadline or cite the Land's authority use this console's settings; the platform
    // checks the same rule with the settings the step declares.
    const action: DsarAction = 'clock' in requested ? { ...requested, clock: deps.clock.get() } : requested;
    writes.mutate('dsar', id, 'act', action);
    if (action.type === 'start_job') jobs.follow();
    return mustDetail(id);
  });

  ipc.handle('dsar.create', (input) => {
    const id = `dsr_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    writes.mutate('dsar', id, 'create', { ...input, id });
    return mustDetail(id);
  });

  ipc.handle('dsar.duplicates', ({ userId, email, name, address, type }) => {
    const keys = subjectKeys({ userId, email: email?.trim() || null, name, address });
    const rows = new Map<string, QueueRow>();
    for (const key of keys) for (const row of sameSubject.all(key, type)) rows.set(row.id, toQueueRow(row));
    return [...rows.values()];
  });

  const draft = messageDrafter({ clock: deps.clock, controllerName: deps.controllerName, templates: deps.templates });

  ipc.handle('dsar.draftMessage', ({ id, kind, delivery }) => draft(mustDetail(id).dsar, kind, delivery));

  ipc.handle('dsar.article15', ({ id }) => {
    const { dsar } = mustDetail(id);
    return { text: article15Text(deps.registry.article15Information(platformSubjectCategories), dsar.subject.locale) };
  });

  /** All rows of a filter, up to `cap` (more: null). */
  const matching = (query: QueueQuery, cap: number): QueueRow[] | null => {
    const rows: QueueRow[] = [];
    let after: string | null = null;
    do {
      const page = queuePage(cache, { ...query, after, limit: 1000 }, myId(), today());
      rows.push(...page.rows);
      if (rows.length > cap) return null;
      after = page.next;
    } while (after && !query.search);
    return rows;
  };

  ipc.handle('dsar.bulk', ({ query, change }) => {
    const rows = matching(query, BULK_LIMIT);
    if (!rows) {
      throw new HandlerError('invalid_input', `More than ${BULK_LIMIT} requests match: narrow the filter first.`, {
        problem: 'too-many-matches',
        params: { limit: BULK_LIMIT },
      });
    }
    // Each request is its own write, checked by the same rule as one by one.
    const step = (row: QueueRow) => {
      const dsar = deps.dsars.read(row.id);
      if (!dsar) return;
      if (change.kind === 'assign') writes.mutate('dsar', row.id, 'assign', { assigneeId: change.assigneeId });
      else if (change.kind === 'priority') writes.mutate('dsar', row.id, 'setPriority', { priority: change.priority });
      else if (!allowedIn(change.kind, dsar.status)) return;
      else if (change.kind === 'start') writes.mutate('dsar', row.id, 'act', { type: 'start' });
      else if (defaultDelivery(dsar) === 'post') {
        // A letter is printed and posted one by one: a bulk step would record letters nobody printed.
        return;
      } else {
        // Each request gets its own message from the template, in its subject's language.
        const message = draft(dsar, change.kind === 'acknowledge' ? 'acknowledgement' : 'identity_request');
        writes.mutate('dsar', row.id, 'act', { type: change.kind, message });
      }
    };
    const changedCount = writes.batch(() => {
      for (const row of rows) {
        try {
          step(row);
        } catch (error) {
          // An assignee the rule refuses is refused for all; a request whose state refuses the step is skipped.
          if (!(error instanceof RuleError) || change.kind === 'assign') throw error;
        }
      }
    });
    return { matched: rows.length, changed: changedCount, skipped: rows.length - changedCount };
  });

  ipc.handle('dsar.export', ({ query, language }) => {
    const rows = matching(query, 200_000);
    if (!rows) {
      throw new HandlerError('invalid_input', 'More than 200,000 requests match: narrow the filter first.', {
        problem: 'too-many-matches',
        params: { limit: 200_000 },
      });
    }
    const staffNames = new Map(deps.staff.list().map((s) => [s.id, s.name]));
    const now = today();
    const content = Buffer.from(registerCsv(rows, language, { staffNames, today: now }), 'utf8');
    return deps.exports.record({
      kind: 'dsar_register',
      format: 'csv',
      fileName: `${language === 'de' ? 'betroffenenanfragen' : 'dsar-register'}-${now}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content,
      actor: myId() ?? 'unknown',
    });
  });

  ipc.handle('dsar.package', async ({ id, jobId }) => {
    const delivered = mustDetail(id).dsar.events.find((e) => e.kind === 'delivered' && e.jobId === jobId);
    if (delivered?.kind !== 'delivered') throw new HandlerError('not_found', `No delivered package ${jobId} for ${id}.`);
    let content: Buffer;
    try {
      content = await deps.client.packageZip(jobId);
    } catch (error) {
      throw new HandlerError('unavailable', error instanceof Error ? error.message : String(error));
    }
    // What goes on disk must be what the subject received.
    if (createHash('sha256').update(content).digest('hex') !== delivered.sha256) {
      throw new HandlerError('internal', 'The platform returned a package that differs from the one delivered.');
    }
    return deps.exports.record({
      kind: 'dsar_package',
      format: 'zip',
      fileName: `${id}-package.zip`,
      mimeType: 'application/zip',
      content,
      actor: myId() ?? 'unknown',
    });
  });

  ipc.handle('dsar.letter', async ({ id, eventId }) => {
    const { dsar } = mustDetail(id);
    const event = dsar.events.find((e) => e.id === eventId);
    if (event?.kind !== 'message') throw new HandlerError('not_found', `No message ${eventId} in ${id}.`);
    const controller = deps.controller();
    const controllerName = controller.controllerName || deps.controllerName();
    if (!controllerName || !controller.controllerAddress) {
      throw new HandlerError('invalid_input', 'The letterhead needs the controller and its postal address (settings).', {
        problem: 'controller-address-missing',
      });
    }
    const content = await letterPdf({
      requestId: dsar.id,
      message: event.message,
      parts: event.parts,
      sentAt: event.at,
      subject: dsar.subject,
      controller: { ...controller, controllerName },
      timeZone: deps.clock.get().timeZone,
    });
    return deps.exports.record({
      kind: 'dsar_letter',
      format: 'pdf',
      fileName: `${id}-${event.message.kind}-${event.at.slice(0, 10)}.pdf`,
      mimeType: 'application/pdf',
      content,
      actor: myId() ?? 'unknown',
    });
  });

  ipc.handle('accounts.search', async ({ q }) => {
    try {
      return (await deps.client.searchAccounts(q)).accounts;
    } catch (error) {
      if (error instanceof PlatformError && (error.kind === 'network' || error.kind === 'timeout')) {
        throw new HandlerError(
          'unavailable',
          'The platform cannot be reached: the account lookup needs a connection. Enter the subject by hand.',
          { problem: 'lookup-offline' },
        );
      }
      throw new HandlerError('unavailable', error instanceof Error ? error.message : String(error));
    }
  });

  ipc.handle('clock.get', () => deps.clock.get());
  ipc.handle('clock.update', (settings) => {
    try {
      dsarDueDate({ receivedAt: new Date().toISOString(), timeZone: settings.timeZone, region: settings.region, months: 1 });
    } catch (error) {
      if (error instanceof RangeError) throw new HandlerError('invalid_input', error.message, { problem: 'invalid-clock-settings' });
      throw error;
    }
    const zoneChanged = deps.clock.get().timeZone !== settings.timeZone;
    deps.clock.set(settings);
    const recomputed = cache.transaction(() => deps.dsars.recomputeClock(zoneChanged))();
    deps.engine.noteLocalChange(['dsar']);
    return { settings: deps.clock.get(), recomputed };
  });

  return {
    close: () => {
      closed = true;
      clearInterval(retention);
      clearTimeout(firstPass);
      jobs.stop();
    },
  };
}
