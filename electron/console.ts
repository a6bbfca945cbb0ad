import { EventEmitter } from 'node:events';
import { demoController } from '../sandbox/seed/staff';
import { localDate } from '../shared/domain/calendar';
import { type AuditAnswer, type EventName, type Events, isConnectionChannel, type WorkspaceInfo } from '../shared/ipc/contract';
import { findingsLog } from './access/findings-log';
import { registerAccessHandlers } from './access/ipc';
import { registerAuditHandlers } from './audit/ipc';
import type { TokenSource } from './auth/session';
import { registerBreachHandlers } from './breaches/ipc';
import { openStores } from './cache/stores';
import { openCore } from './core';
import { registerDsarHandlers } from './dsar/ipc';
import { completeTemplates, registerTemplateHandlers } from './dsar/templates';
import { type Envelope, IpcRegistry } from './ipc/registry';
import { registerOverviewHandlers } from './overview/ipc';
import { registerPolicyHandlers } from './policies/ipc';
import { registerRegistryHandlers } from './processors/ipc';
import { registerRecordsHandlers } from './records/ipc';
import { registryQueries } from './records/queries';
import { registerSearchHandlers } from './search/ipc';
import type { SyncEngineOptions } from './sync/engine';
import { registerSyncHandlers } from './sync/ipc';

/** The platform a console works with, and how it authenticates there. */
export interface PlatformTarget {
  url: string;
  /** A service account's token, or a person's session. */
  token: string | TokenSource;
  /** The demo workspace's in-process platform (its controller details fill an empty settings page). */
  demo?: boolean;
}

export interface ConsoleOptions {
  dataDir: string;
  /** 64 hex characters; from safeStorage on the desktop, from a 0600 file or the environment headless. */
  cacheKey: string;
  platform: PlatformTarget;
  /** The controller's time zone, for due dates, until the user sets it in the settings. */
  timeZone?: string;
  sync?: SyncEngineOptions;
  client?: { timeoutMs?: number; retries?: number; backoffMs?: number };
  /** How long an irreversible write waits before it is sent, so it can be undone. */
  undoMs?: number;
}

export interface PrivacyConsole {
  workspace: WorkspaceInfo;
  /** Set when a damaged cache was moved aside on start and is being rebuilt. */
  rebuiltFrom: string | null;
  dispatch(channel: unknown, input: unknown): Promise<Envelope>;
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** A session step in this workspace's audit trail (the shell's host signs in and out, above the console). */
  noteSession(
    kind: 'sign-in' | 'sign-out' | 'session-ended',
    entry: { actor?: { id: string; name: string | null }; detail?: Record<string, unknown>; answer?: AuditAnswer },
  ): void;
  /** Resolves when the first sync cycle after start has finished (or failed). */
  firstSync: Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: cache + platform client + sync engine + feature handlers. The Electron shell and the
 * headless shell both start exactly this, and differ only in how the renderer reaches `dispatch`.
 */
export async function startConsole(options: ConsoleOptions): Promise<PrivacyConsole> {
  let stores = openStores(options.dataDir, options.cacheKey);
  const target = options.platform;
  const coreOptions = { platform: target, timeZone: options.timeZone, sync: options.sync, client: options.client, undoMs: options.undoMs };
  let core: ReturnType<typeof openCore>;
  try {
    core = openCore(stores, coreOptions);
  } catch (error) {
    // A damaged page met while starting (the sync state, the settings): marked, the stores are opened again,
    // and the cache is rebuilt from the platform at once; the pending writes are in the other store.
    if (!stores.noteFailure(error)) {
      stores.close();
      throw error;
    }
    stores.close();
    stores = openStores(options.dataDir, options.cacheKey);
    core = openCore(stores, coreOptions);
  }
  const { engine, entities, writes, clock, controller, exports, myId, me, refreshMe } = core;
  // The demo controller's details, so its records and reports read as a real company's until the user edits them.
  if (target.demo && !controller.get().controllerName) controller.set({ ...demoController, representative: '' });
  const events = new EventEmitter();
  engine.on('status', (status) => events.emit('sync.status', status));
  engine.on('changed', (changed) => events.emit('cache.changed', { entities: changed }));

  const workspace = (): WorkspaceInfo => ({
    name: me()?.workspace.name ?? target.url,
    url: target.url,
    demo: target.demo === true,
    me: me(),
  });

  const ipc = new IpcRegistry();
  ipc.onUnexpected = (error) => stores.noteFailure(error);
  ipc.handle('workspace.info', async () => {
    if (!me()) await refreshMe().catch(() => undefined);
    return workspace();
  });
  ipc.handle('staff.list', () => entities.staff.list());
  const registry = registryQueries({ processors: entities.processor, activities: entities.activity });
  const dsarHandlers = registerDsarHandlers(ipc, {
    cache: stores.cache,
    outbox: core.outbox,
    engine,
    client: core.client,
    writes,
    exports,
    dsars: entities.dsar,
    jobs: entities.job,
    templates: entities.template,
    staff: entities.staff,
    clock,
    retention: core.retention,
    registry,
    controllerName: () => controller.get().controllerName || (me()?.workspace.name ?? ''),
    controller: () => controller.get(),
    noteFailure: (error) => stores.noteFailure(error),
    myId,
  });
  registerRegistryHandlers(ipc, {
    writes,
    processors: entities.processor,
    activities: entities.activity,
    timeZone: () => clock.get().timeZone,
  });
  registerRecordsHandlers(ipc, {
    controller,
    exports,
    processors: entities.processor,
    activities: entities.activity,
    actor: () => myId() ?? 'unknown',
    timeZone: () => clock.get().timeZone,
    staffName: (id) => entities.staff.read(id)?.name ?? id,
  });
  const templateDeps = { templates: entities.template, client: core.client, writes };
  registerTemplateHandlers(ipc, templateDeps);
  registerBreachHandlers(ipc, {
    writes,
    incidents: entities.incident,
    client: core.client,
    playbooks: entities.playbook,
    notices: entities.notice,
    exports,
    clock: () => clock.get(),
    controller: () => controller.get(),
    policies: entities.breachPolicy,
    actor: () => myId() ?? 'unknown',
  });
  registerPolicyHandlers(ipc, { writes, versions: entities.policyVersion, campaigns: entities.policyCampaign, client: core.client });
  registerAccessHandlers(ipc, {
    db: stores.cache,
    writes,
    employees: entities.employee,
    grants: entities.grant,
    reviews: entities.accessReview,
    items: entities.reviewItem,
    exports,
    actor: () => myId() ?? 'unknown',
    controllerName: () => controller.get().controllerName || (me()?.workspace.name ?? ''),
    region: () => clock.get().region,
    checkSettings: core.accessChecks,
    findingsLog: findingsLog(stores.pending),
  });
  registerOverviewHandlers(ipc, {
    db: stores.cache,
    timeZone: () => clock.get().timeZone,
    processors: entities.processor,
    incidents: entities.incident,
    campaigns: entities.policyCampaign,
    reviews: entities.accessReview,
    employees: entities.employee,
    grants: entities.grant,
    checks: () => ({ ...core.accessChecks.get(), region: clock.get().region }),
    exports,
    policies: entities.policyVersion,
    controllerName: () => controller.get().controllerName || (me()?.workspace.name ?? ''),
    actor: () => myId() ?? 'unknown',
  });
  registerSearchHandlers(ipc, {
    db: stores.cache,
    incidents: entities.incident,
    processors: entities.processor,
    activities: entities.activity,
    policies: entities.policyVersion,
    staff: entities.staff,
    scopes: () => me()?.scopes ?? null,
    today: () => localDate(new Date(), clock.get().timeZone),
  });
  registerAuditHandlers(ipc, {
    trail: core.trail,
    exports,
    client: core.client,
    timeZone: () => clock.get().timeZone,
    staffName: (id) => entities.staff.read(id)?.name ?? null,
    actor: () => myId() ?? 'unknown',
  });
  registerSyncHandlers(ipc, { engine, outbox: core.outbox, conflicts: core.conflicts, writes });
  // The connection channels are the workspace host's, above the console.
  const missing = ipc.missing((name) => !isConnectionChannel(name));
  if (missing.length) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);

  // Off the startup path: the shells open at once from the cache, even when the platform does not answer.
  // The identity is refreshed before the first pull, so a changed workspace is reset before anything mixes.
  const firstSync = (async () => {
    await refreshMe().catch(() => undefined);
    await engine.kick();
    await completeTemplates(templateDeps).catch(() => undefined);
  })();

  return {
    get workspace() {
      return workspace();
    },
    rebuiltFrom: stores.rebuiltFrom,
    firstSync,
    dispatch: (channel, input) => ipc.dispatch(channel, input),
    noteSession(kind, entry) {
      core.trail.record({ kind, action: kind, outcome: 'done', detail: entry.detail, answer: entry.answer ?? null, actor: entry.actor });
    },
    subscribe(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    async close() {
      dsarHandlers.close();
      await engine.stop();
      stores.close();
    },
  };
}
