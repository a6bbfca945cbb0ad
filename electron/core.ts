import type { AccessScope } from '../shared/api/access';
import { Me } from '../shared/api/common';
import { ClockSettings } from '../shared/api/dsar-workflow';
import { defaultCheckSettings } from '../shared/domain/access';
import { defaultClockSettings } from '../shared/domain/dsar-clock';
import type { ControllerDetails } from '../shared/domain/records';
import { AccessCheckSettings, ControllerDetailsInput, LocalRetentionInput } from '../shared/ipc/contract';
import { auditTrail } from './audit/trail';
import type { TokenSource } from './auth/session';
import { Setting } from './cache/settings';
import type { Stores } from './cache/stores';
import { defaultLocalRetention } from './dsar/retention';
import { cachedEntities } from './entities';
import { exportLog } from './exports/log';
import { PlatformClient, type PlatformClientOptions } from './platform/client';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { Conflicts, Outbox } from './sync/outbox';
import { resetMirror } from './sync/pull';
import { SyncState } from './sync/sync-state';
import { writePath } from './sync/writes';

export interface CoreOptions {
  platform: { url: string; token: string | TokenSource };
  /** The controller's time zone, for due dates, until the user sets it in the settings. */
  timeZone?: string;
  sync?: SyncEngineOptions;
  client?: Omit<PlatformClientOptions, 'baseUrl' | 'token'>;
  /** How long an irreversible write waits before it is sent, so it can be undone (10 s by default). */
  undoMs?: number;
}

export const DEFAULT_UNDO_MS = 10_000;

const noController: ControllerDetails = {
  controllerName: '',
  controllerAddress: '',
  controllerContact: '',
  dpoName: '',
  dpoContact: '',
  representative: '',
};

/**
 * The console without its IPC: the cached mirror of every entity, the settings, the write path and the sync
 * engine over one platform, and who is signed in. The feature handlers are built on this.
 */
export function openCore(stores: Stores, options: CoreOptions) {
  const { cache, pending } = stores;
  const client = new PlatformClient({ baseUrl: options.platform.url, token: options.platform.token, ...options.client });
  const state = new SyncState(cache);
  const trail = auditTrail(pending, () => (me ? { id: me.staff.id, name: me.staff.name } : null));
  const outbox = new Outbox(pending, () => (me ? `${me.workspace.id}/${me.staff.id}` : null), trail);
  const conflicts = new Conflicts(pending, outbox);
  const clock = new Setting(pending, 'clock', ClockSettings, {
    ...defaultClockSettings,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const controller = new Setting(pending, 'controller', ControllerDetailsInput, noController);
  const retention = new Setting(pending, 'localRetention', LocalRetentionInput, defaultLocalRetention);
  const accessChecks = new Setting(pending, 'accessChecks', AccessCheckSettings, {
    dormantDays: defaultCheckSettings.dormantDays,
    sodPairs: defaultCheckSettings.sodPairs.map(([a, b]): [AccessScope, AccessScope] => [a, b]),
  });
  const entities = cachedEntities(cache, { clock: () => clock.get() });
  const exports = exportLog(trail, (id) => (id === me?.staff.id ? me.staff.name : (entities.staff.read(id)?.name ?? null)));

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
    undoMs: options.undoMs ?? DEFAULT_UNDO_MS,
  });
  // Pending writes are the truth about local intent: show them over whatever the cache holds.
  cache.transaction(() => writes.reapply())();
  const engine = new SyncEngine(
    { cache, client, entities, writes, outbox, conflicts, state },
    { ...options.sync, explain: (error) => stores.noteFailure(error) },
  );

  return {
    stores,
    client,
    state,
    outbox,
    conflicts,
    clock,
    controller,
    retention,
    accessChecks,
    exports,
    trail,
    entities,
    writes,
    engine,
    me: () => me,
    myId,
    /** Asks the platform who we are; another workspace (or a reset platform) empties the mirror first. */
    async refreshMe(): Promise<Me> {
      const fresh = await client.me();
      if (state.get('workspace') !== fresh.workspace.id) {
        resetMirror({ cache, entities, state, writes });
        state.set('workspace', fresh.workspace.id);
      }
      state.set('me', JSON.stringify(fresh));
      me = fresh;
      return fresh;
    },
  };
}
export type Core = ReturnType<typeof openCore>;
