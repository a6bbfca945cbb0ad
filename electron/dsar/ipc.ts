import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Me } from '../../shared/api/common';
import type { Dsar, DsarPatch, DsarStatus } from '../../shared/api/dsar';
import type { DsarAction } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { platformSubjectCategories } from '../../shared/domain/data-categories';
import { dsarDueDate } from '../../shared/domain/deadlines';
import { allowedIn, applyAction, WorkflowError } from '../../shared/domain/dsar-workflow';
import { BULK_LIMIT, type QueueQuery, type QueueRow } from '../../shared/ipc/contract';
import { isBulkLoading } from '../cache/bulk-load';
import { loggedExport } from '../exports/log';
import { HandlerError, type IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { registryQueries } from '../records/queries';
import type { SyncEngine } from '../sync/engine';
import type { Outbox } from '../sync/outbox';
import { article15Text } from './article15-text';
import type { ClockSettingsStore } from './clock-settings';
import { requestDetails } from './detail';
import { messageDrafter } from './drafts';
import { followJobs } from './job-watch';
import type { jobEntity } from './jobs-store';
import { queuePage } from './queue';
import { registerCsv } from './register-csv';
import { type DsarRow, type QueueColumns, toQueueRow } from './rows';
import type { DsarStore } from './store';

export interface DsarHandlerDeps {
  cache: Database.Database;
  pending: Database.Database;
  outbox: Outbox;
  engine: SyncEngine;
  client: PlatformClient;
  dsars: DsarStore;
  jobs: ReturnType<typeof jobEntity>;
  clock: ClockSettingsStore;
  registry: ReturnType<typeof registryQueries>;
  controllerName(): string;
  me(): Me | null;
}

export function registerDsarHandlers(ipc: IpcRegistry, deps: DsarHandlerDeps): { close(): void } {
  const { cache } = deps;
  const byId = cache.prepare<[string], DsarRow>('SELECT d.*, x.doc FROM dsars d JOIN dsar_docs x ON x.id = d.id WHERE d.id = ?');
  const staffById = cache.prepare<[string], { doc: string }>('SELECT doc FROM staff WHERE id = ?');
  const sameSubject = cache.prepare<[string, string], QueueColumns>(
    'SELECT * FROM dsars WHERE subject_key = ? AND type = ? AND is_open = 1 ORDER BY received_at',
  );
  const today = () => localDate(new Date(), deps.clock.get().timeZone);
  const myId = () => deps.me()?.staff.id ?? null;

  const mayWrite = () => {
    const me = deps.me();
    if (me && !me.scopes.includes('dsar:write')) throw new HandlerError('forbidden', 'Your platform role may not change requests.');
  };
  const load = (id: string) => {
    const row = byId.get(id);
    if (!row) throw new HandlerError('not_found', `No request ${id} in the cache.`);
    return row;
  };
  const checkAssignee = (assigneeId: string | null | undefined) => {
    if (!assigneeId) return;
    const staff = staffById.get(assigneeId);
    const assignee = staff ? (JSON.parse(staff.doc) as { active: boolean }) : null;
    if (!assignee?.active)
      throw new HandlerError('invalid_input', `${assigneeId} is not an active staff member.`, [
        { path: 'assigneeId', message: 'not an active staff member' },
      ]);
  };

  /** The outbox commit comes first: once it is on disk the change survives a crash; the cache shows it at once. */
  const enqueue = (id: string, op: 'patch' | 'action' | 'create', body: Record<string, unknown>, baseVersion: number) => {
    deps.outbox.enqueue('dsar', id, op, body, baseVersion);
    deps.dsars.synced.overlay?.({ entityId: id, op, body });
  };
  const changed = () => {
    deps.engine.noteLocalChange('dsar');
    void deps.engine.kick();
  };

  const jobs = followJobs({ cache, outbox: deps.outbox, engine: deps.engine });

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
    // Until the first bootstrap has built its indexes the queue is incomplete: show none of it, with progress.
    if (isBulkLoading(cache)) return { rows: [], next: null };
    try {
      return queuePage(cache, query, myId(), today());
    } catch (error) {
      if (error instanceof RangeError) throw new HandlerError('invalid_input', error.message);
      throw error;
    }
  });

  ipc.handle('dsar.get', ({ id }) => detail(id));

  const dueMine = cache.prepare<[string, string], { id: string; subject_name: string; due_date: string }>(
    'SELECT id, subject_name, due_date FROM dsars WHERE assignee_id = ? AND is_open = 1 AND due_date <= ? ORDER BY due_date LIMIT 20',
  );
  const arrived = cache.prepare<[string], { id: string; subject_name: string; due_date: string }>(
    "SELECT id, subject_name, due_date FROM dsars WHERE status = 'new' AND assignee_id IS NULL AND received_at >= ? ORDER BY received_at DESC LIMIT 20",
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
        return { key: `dsar:${r.id}:${kind}:${r.due_date}`, kind, id: r.id, subjectName: r.subject_name, dueDate: r.due_date };
      }),
      ...arrived
        .all(since)
        .map((r) => ({ key: `dsar:${r.id}:new`, kind: 'new' as const, id: r.id, subjectName: r.subject_name, dueDate: r.due_date })),
    ];
  });

  ipc.handle('dsar.assign', ({ id, assigneeId }) => {
    mayWrite();
    const row = load(id);
    checkAssignee(assigneeId);
    if (row.assignee_id !== assigneeId) {
      enqueue(id, 'patch', { assigneeId }, row.version);
      changed();
    }
    return toQueueRow(load(id));
  });

  ipc.handle('dsar.update', ({ id, patch }) => {
    mayWrite();
    const row = load(id);
    checkAssignee(patch.assigneeId);
    enqueue(id, 'patch', patch as Record<string, unknown>, row.version);
    changed();
    return mustDetail(id);
  });

  ipc.handle('dsar.act', ({ id, action: requested }) => {
    mayWrite();
    const row = load(id);
    // The extension is checked with this console's deadline settings, and the platform checks the same.
    const action: DsarAction = requested.type === 'extend' ? { ...requested, clock: deps.clock.get() } : requested;
    try {
      applyAction(JSON.parse(row.doc) as Dsar, action, {
        actor: myId() ?? 'me',
        at: new Date().toISOString(),
        newId: randomUUID,
        findDsar: (other) => deps.dsars.find(other),
        findJob: deps.jobs.find,
      });
    } catch (error) {
      if (error instanceof WorkflowError) {
        throw new HandlerError('invalid_input', error.message, error.path ? [{ path: error.path, message: error.message }] : undefined);
      }
      throw error;
    }
    enqueue(id, 'action', action as unknown as Record<string, unknown>, row.version);
    changed();
    if (action.type === 'start_job') jobs.follow();
    return mustDetail(id);
  });

  ipc.handle('dsar.create', (input) => {
    mayWrite();
    if (Date.parse(input.receivedAt) > Date.now() + 60_000) {
      throw new HandlerError('invalid_input', 'The receipt cannot lie in the future.', [{ path: 'receivedAt', message: 'in the future' }]);
    }
    if (input.duplicateOf && !deps.dsars.find(input.duplicateOf)) {
      throw new HandlerError('invalid_input', `No request ${input.duplicateOf}.`, [{ path: 'duplicateOf', message: 'unknown request' }]);
    }
    const id = `dsr_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    enqueue(id, 'create', { ...input, id }, 0);
    changed();
    return mustDetail(id);
  });

  ipc.handle('dsar.duplicates', ({ userId, email, type }) => {
    const keys = [userId ? `user:${userId}` : null, `email:${email.trim().toLowerCase()}`].filter((k): k is string => k !== null);
    const rows = new Map<string, QueueRow>();
    for (const key of keys) for (const row of sameSubject.all(key, type)) rows.set(row.id, toQueueRow(row));
    return [...rows.values()];
  });

  const draft = messageDrafter({ clock: deps.clock, controllerName: deps.controllerName });

  ipc.handle('dsar.draftMessage', ({ id, kind, reason, denialReason }) => draft(mustDetail(id).dsar, kind, { reason, denialReason }));

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
    mayWrite();
    if (change.kind === 'assign') checkAssignee(change.assigneeId);
    const rows = matching(query, BULK_LIMIT);
    if (!rows) throw new HandlerError('invalid_input', `More than ${BULK_LIMIT} requests match: narrow the filter first.`);
    let changedCount = 0;
    const apply = () => {
      for (const row of rows) {
        const current = byId.get(row.id);
        if (!current) continue;
        if (change.kind === 'assign' && current.assignee_id !== change.assigneeId) {
          enqueue(row.id, 'patch', { assigneeId: change.assigneeId } satisfies DsarPatch, current.version);
        } else if (change.kind === 'priority' && current.priority !== change.priority) {
          enqueue(row.id, 'patch', { priority: change.priority } satisfies DsarPatch, current.version);
        } else if (change.kind === 'start' && current.status === 'new') {
          enqueue(row.id, 'action', { type: 'start' }, current.version);
        } else if (
          (change.kind === 'acknowledge' || change.kind === 'request_identity') &&
          allowedIn(change.kind, current.status as DsarStatus)
        ) {
          // Each request gets its own message from the template, in its subject's language.
          const kind = change.kind === 'acknowledge' ? 'acknowledgement' : 'identity_request';
          const message = draft(JSON.parse(current.doc) as Dsar, kind);
          enqueue(row.id, 'action', { type: change.kind, message }, current.version);
        } else continue;
        changedCount++;
      }
    };
    // One transaction per store: the outbox entries and their overlays land together or not at all.
    deps.pending.transaction(() => cache.transaction(apply)())();
    if (changedCount) changed();
    return { matched: rows.length, changed: changedCount, skipped: rows.length - changedCount };
  });

  ipc.handle('dsar.export', ({ query, language }) => {
    const rows = matching(query, 200_000);
    if (!rows) throw new HandlerError('invalid_input', 'More than 200,000 requests match: narrow the filter first.');
    const staffNames = new Map(
      cache
        .prepare<[], { id: string; name: string }>('SELECT id, name FROM staff')
        .all()
        .map((s) => [s.id, s.name]),
    );
    const now = today();
    const content = Buffer.from(registerCsv(rows, language, { staffNames, today: now }), 'utf8');
    return loggedExport(deps.pending, {
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
    return loggedExport(deps.pending, {
      kind: 'dsar_package',
      format: 'zip',
      fileName: `${id}-package.zip`,
      mimeType: 'application/zip',
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
      if (error instanceof RangeError) throw new HandlerError('invalid_input', error.message);
      throw error;
    }
    deps.clock.set(settings);
    const recomputed = cache.transaction(() => deps.dsars.recomputeDueDates())();
    deps.engine.noteLocalChange('dsar');
    return { settings: deps.clock.get(), recomputed };
  });

  return { close: () => jobs.stop() };
}
