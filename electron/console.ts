import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { Me } from '../shared/api/common';
import { ClockSettings } from '../shared/api/dsar-workflow';
import { defaultClockSettings } from '../shared/domain/dsar-clock';
import type { ControllerDetails } from '../shared/domain/records';
import { ControllerDetailsInput, type EventName, type Events, type WorkspaceInfo } from '../shared/ipc/contract';
import { Setting } from './cache/settings';
import { openStores } from './cache/stores';
import { registerDsarHandlers } from './dsar/ipc';
import { cachedEntities } from './entities';
import { exportLog, registerExportHandlers } from './exports/log';
import { type Envelope, IpcRegistry } from './ipc/registry';
import { PlatformClient } from './platform/client';
import { registerRegistryHandlers } from './processors/ipc';
import { registerRecordsHandlers } from './records/ipc';
import { registryQueries } from './records/queries';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { registerSyncHandlers } from './sync/ipc';
import { Conflicts, Outbox } from './sync/outbox';
import { resetMirror } from './sync/pull';
import { SyncState } from './sync/sync-state';
import { writePath } from './sync/writes';

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

const noController: ControllerDetails = { controllerName: '', controllerAddress: '', controllerContact: '', dpoName: '', dpoContact: '' };

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
  const clock = new Setting(pending, 'clock', ClockSettings, {
    ...defaultClockSettings,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const controller = new Setting(pending, 'controller', ControllerDetailsInput, noController);
  const exports = exportLog(pending);
  const entities = cachedEntities(cache, { clock: () => clock.get() });

  const cachedMe = state.get('me');
  let me: Me | null = cachedMe ? Me.parse(JSON.parse(cachedMe)) : null;
  const myId = () => me?.staff.id ?? null;

  const writes = writePath({
    cache,
    pending,
    outbox,
    entities,
    actor: () => myId() ?? 'me',
    scopes: () => me?.scopes ?? null,
    changed: (changed) => {
      engine.noteLocalChange(changed);
      void engine.kick();
    },
  });
  const refreshMe = async () => {
    const fresh = await client.me();
    if (state.get('workspace') !== fresh.workspace.id) {
      // Another workspace (or a reset platform): the mirror of the old one must not mix with the new one.
      resetMirror({ cache, entities, state, writes });
      state.set('workspace', fresh.workspace.id);
    }
    state.set('me', JSON.stringify(fresh));
    me = fresh;
  };

  // Pending writes are the truth about local intent: show them over whatever the cache holds.
  cache.transaction(() => writes.reapply())();

  const engine = new SyncEngine({ cache, client, entities, writes, outbox, conflicts, state }, options.sync);
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
  ipc.handle('staff.list', () => entities.staff.list());
  const registry = registryQueries({ processors: entities.processor, activities: entities.activity });
  const dsarHandlers = registerDsarHandlers(ipc, {
    cache,
    outbox,
    engine,
    client,
    writes,
    exports,
    dsars: entities.dsar,
    jobs: entities.job,
    staff: entities.staff,
    clock,
    registry,
    controllerName: () => controller.get().controllerName || (me?.workspace.name ?? ''),
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
  });
  registerExportHandlers(ipc, exports);
  registerSyncHandlers(ipc, { engine, conflicts, writes });
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
