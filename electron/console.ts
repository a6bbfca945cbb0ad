import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { Me } from '../shared/api/common';
import type { EventName, Events, WorkspaceInfo } from '../shared/ipc/contract';
import { openStores } from './cache/stores';
import { ClockSettingsStore } from './dsar/clock-settings';
import { registerDsarHandlers } from './dsar/ipc';
import { jobEntity } from './dsar/jobs-store';
import { dsarEntity } from './dsar/store';
import { type Envelope, IpcRegistry } from './ipc/registry';
import { PlatformClient } from './platform/client';
import { registerRegistryHandlers } from './processors/ipc';
import { activityStore, processorStore } from './processors/store';
import { readControllerOf, registerRecordsHandlers } from './records/ipc';
import { registryQueries } from './records/queries';
import { listStaff, staffEntity } from './staff/store';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import type { SyncedEntity } from './sync/entity-store';
import { registerSyncHandlers } from './sync/ipc';
import { Conflicts, Outbox } from './sync/outbox';
import { reapplyOverlays, resetMirror } from './sync/pull';
import { SyncState } from './sync/sync-state';

export type PlatformTarget =
  | { kind: 'remote'; url: string; token: string }
  | { kind: 'demo'; requests?: number /** New requests arrive this often (default 3 minutes); 0 turns it off. */; emitEveryMs?: number };

export interface ConsoleOptions {
  dataDir: string;
  /** 64 hex characters; from safeStorage on the desktop, from a 0600 file or the environment headless. */
  cacheKey: string;
  platform: PlatformTarget;
  /** The controller's time zone, for due dates, until the user sets it in the settings. */
  timeZone?: string;
  sync?: SyncEngineOptions;
  client?: { timeoutMs?: number; retries?: number; backoffMs?: number };
}

export interface PrivacyConsole {
  workspace: WorkspaceInfo;
  /** Set when a damaged cache was moved aside on start and is being rebuilt. */
  rebuiltFrom: string | null;
  dispatch(channel: unknown, input: unknown): Promise<Envelope>;
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Resolves when the first sync cycle after start has finished (or failed). */
  firstSync: Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: cache + platform client + sync engine + feature handlers. The Electron shell and the
 * headless shell both start exactly this, and differ only in how the renderer reaches `dispatch`.
 */
export async function startConsole(options: ConsoleOptions): Promise<PrivacyConsole> {
  const stores = openStores(options.dataDir, options.cacheKey);
  let sandbox: Sandbox | null = null;
  let target: { url: string; token: string };
  try {
    if (options.platform.kind === 'demo') {
      // The demo workspace: the reference platform in-process on loopback, its store beside the cache so the
      // demo keeps its state across restarts.
      sandbox = await startSandbox({
        dbPath: join(options.dataDir, 'demo-platform.sqlite'),
        requests: options.platform.requests,
        emitEveryMs: options.platform.emitEveryMs ?? 180_000,
      });
      target = { url: sandbox.url, token: sandbox.defaultToken };
    } else {
      target = { url: options.platform.url, token: options.platform.token };
    }
  } catch (error) {
    stores.close();
    throw error;
  }

  const { cache, pending } = stores;
  const client = new PlatformClient({ baseUrl: target.url, token: target.token, ...options.client });
  const state = new SyncState(cache);
  const outbox = new Outbox(pending);
  const conflicts = new Conflicts(pending);
  const clock = new ClockSettingsStore(pending, options.timeZone ? { timeZone: options.timeZone } : {});
  let me: Me | null = null;
  const jobs = jobEntity(cache);
  const dsars = dsarEntity(cache, { clock: () => clock.get(), actor: () => me?.staff.id ?? 'me', findJob: jobs.find });
  const processors = processorStore(cache);
  const activities = activityStore(cache);
  const entities = new Map<string, SyncedEntity>([
    ['dsar', dsars.synced as unknown as SyncedEntity],
    ['job', jobs.synced as unknown as SyncedEntity],
    ['staff', staffEntity(cache) as unknown as SyncedEntity],
    ['processor', processors.synced as unknown as SyncedEntity],
    ['activity', activities.synced as unknown as SyncedEntity],
  ]);

  const cachedMe = state.get('me');
  me = cachedMe ? Me.parse(JSON.parse(cachedMe)) : null;
  const refreshMe = async () => {
    const fresh = await client.me();
    if (state.get('workspace') !== fresh.workspace.id) {
      // Another workspace (or a reset platform): the mirror of the old one must not mix with the new one.
      resetMirror({ cache, entities, state, outbox });
      state.set('workspace', fresh.workspace.id);
    }
    state.set('me', JSON.stringify(fresh));
    me = fresh;
  };

  // Pending writes are the truth about local intent: show them over whatever the cache holds.
  cache.exec('UPDATE dsars SET pending = 0 WHERE pending = 1');
  reapplyOverlays({ entities, outbox });

  const engine = new SyncEngine({ cache, client, entities, outbox, conflicts, state }, options.sync);
  const events = new EventEmitter();
  engine.on('status', (status) => events.emit('sync.status', status));
  engine.on('changed', (changed) => events.emit('cache.changed', { entities: changed }));

  const workspace = (): WorkspaceInfo => ({
    name: me?.workspace.name ?? target.url,
    url: target.url,
    demo: options.platform.kind === 'demo',
    me,
  });

  const ipc = new IpcRegistry();
  ipc.handle('workspace.info', async () => {
    if (!me) await refreshMe().catch(() => undefined);
    return workspace();
  });
  ipc.handle('staff.list', () => listStaff(cache));
  const dsarHandlers = registerDsarHandlers(ipc, {
    cache,
    pending,
    outbox,
    engine,
    client,
    dsars,
    jobs,
    clock,
    registry: registryQueries({ processors, activities }),
    controllerName: () => readControllerOf(pending).controllerName || (me?.workspace.name ?? ''),
    me: () => me,
  });
  registerRegistryHandlers(ipc, { outbox, engine, processors, activities, me: () => me, timeZone: () => clock.get().timeZone });
  registerRecordsHandlers(ipc, { pending, processors, activities, me: () => me });
  registerSyncHandlers(ipc, { engine, outbox, conflicts, entities });
  const missing = ipc.missing();
  if (missing.length) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);

  // Off the startup path: the shells open at once from the cache, even when the platform does not answer.
  // The identity is refreshed before the first pull, so a changed workspace is reset before anything mixes.
  const firstSync = (async () => {
    await refreshMe().catch(() => undefined);
    await engine.kick();
  })();

  return {
    get workspace() {
      return workspace();
    },
    rebuiltFrom: stores.rebuiltFrom,
    firstSync,
    dispatch: (channel, input) => ipc.dispatch(channel, input),
    subscribe(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    async close() {
      dsarHandlers.close();
      await engine.stop();
      await sandbox?.close();
      stores.close();
    },
  };
}
