import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncrypted } from '../../electron/cache/encrypted';
import { cacheMigrations } from '../../electron/cache/migrations/cache';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { openCore } from '../../electron/core';
import { createRandom, type Random } from '../../sandbox/seed/random';
import { unwrap } from '../../shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import { bridgeClient } from '../support/console-process';
import { spawnPlatform } from '../support/platform-process';
import { TEST_KEY, tempDir } from '../support/temp';
import { faultProxy } from './proxy';

const root = join(import.meta.dirname, '../..');

export interface FaultCounts {
  runs: number;
  faults: number;
  writesChecked: number;
  lost: number;
  duplicated: number;
  /** Entities whose cached version differs from the platform's after the last sync. */
  diverged: number;
  /** What went wrong, for the log. */
  problems: string[];
  /** Checks this machine cannot make (said in the summary). */
  skipped: string[];
}

export type FaultFamily = 'kill' | 'network' | 'storage';

const debug = (...parts: unknown[]) => {
  if (process.env.FAULTS_DEBUG) console.log(new Date().toISOString().slice(11, 23), ...parts);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write whose effect is unique (a tag nobody else sets), so the platform's audit log can count it. */
interface Tracked {
  id: string;
  tag: string;
  /** The console confirmed it was queued (the call returned): it must be applied exactly once. */
  queued: boolean;
}

type Platform = Awaited<ReturnType<typeof spawnPlatform>> & { dbPath: string };

/** How often the platform applied each write (its audit log; replays of an idempotent write are not logged). */
function appliedCounts(platform: Platform, writes: readonly Tracked[]): Map<string, number> {
  const db = new Database(platform.dbPath, { readonly: true, fileMustExist: true });
  try {
    const details = db
      .prepare<[], { detail: string }>("SELECT detail FROM audit WHERE action = 'dsar.setTags'")
      .all()
      .map((row) => row.detail);
    const counts = new Map<string, number>();
    for (const write of writes) counts.set(write.tag, details.filter((detail) => detail.includes(`"${write.tag}"`)).length);
    return counts;
  } finally {
    db.close();
  }
}

function checkWrites(counts: FaultCounts, platform: Platform, writes: readonly Tracked[], label: string): void {
  const applied = appliedCounts(platform, writes);
  for (const write of writes) {
    const times = applied.get(write.tag) ?? 0;
    counts.writesChecked++;
    if (times > 1) {
      counts.duplicated++;
      counts.problems.push(`${label}: ${write.tag} applied ${times} times`);
    }
    if (write.queued && times === 0) {
      counts.lost++;
      counts.problems.push(`${label}: ${write.tag} was queued and never applied`);
    }
  }
}

const tables: Record<string, string> = {
  dsar: 'dsars',
  job: 'jobs',
  staff: 'staff',
  processor: 'processors',
  activity: 'activities',
  template: 'letter_templates',
  incident: 'incidents',
};

/**
 * The console's cache against the platform's store, entity by entity: the same versions, nothing the
 * platform does not have, and nothing missing but closed requests the console's storage limitation let go.
 */
function checkCache(counts: FaultCounts, platform: Platform, dataDir: string, label: string): void {
  const server = new Database(platform.dbPath, { readonly: true, fileMustExist: true });
  const cache = openEncrypted(join(dataDir, 'cache.sqlite'), TEST_KEY);
  try {
    for (const [entity, table] of Object.entries(tables)) {
      const held = new Map(
        server
          .prepare<[string], { id: string; version: number; doc: string }>('SELECT id, version, doc FROM entities WHERE entity = ?')
          .all(entity)
          .map((row) => [row.id, row]),
      );
      const cached = cache.prepare<[], { id: string; version: number }>(`SELECT id, version FROM ${table}`).all();
      for (const row of cached) {
        const platformRow = held.get(row.id);
        if (!platformRow || platformRow.version !== row.version) {
          counts.diverged++;
          counts.problems.push(
            `${label}: ${entity} ${row.id} cached v${row.version}, platform ${platformRow ? `v${platformRow.version}` : 'none'}`,
          );
        }
        held.delete(row.id);
      }
      for (const [id, row] of held) {
        const closed = entity === 'dsar' && ['completed', 'denied', 'withdrawn', 'duplicate'].includes(JSON.parse(row.doc).status);
        if (!closed) {
          counts.diverged++;
          counts.problems.push(`${label}: ${entity} ${id} missing from the cache`);
        }
      }
    }
  } finally {
    cache.close();
    server.close();
  }
}

/** The headless console as its own process; `killAfterMs` kills it (SIGKILL) that long after its start. */
function spawnShell(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/headless/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /CONSOLE_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`console exited with ${code}: ${output.slice(-2000)}`)));
  });
  url.catch(() => undefined);
  return {
    url,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

type Bridge = Awaited<ReturnType<typeof bridgeClient>>;

async function synced(bridge: Bridge, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await bridge.call('sync.now').catch(() => null);
    if (status && status.state === 'online' && status.pendingWrites === 0 && !status.lastError) {
      // Templates a rolled-back cache lost come back when first needed (or after the first sync): ask for them.
      for (const locale of ['de', 'en'] as const) await bridge.call('templates.get', { locale });
      return;
    }
    if (Date.now() > until) throw new Error(`not synced: ${JSON.stringify(status)}`);
    await sleep(200);
  }
}

async function openIds(bridge: Bridge, random: Random, count: number): Promise<string[]> {
  const rows = (await bridge.call('dsar.list', { statuses: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'], limit: 500 }))
    .rows;
  return Array.from({ length: count }, () => random.pick(rows).id);
}

/**
 * Kills: the console is SIGKILLed at a random instant of its bootstrap, of a migration (held open on purpose)
 * over a cache with writes waiting, and of a push; each time it is started again and must deliver every
 * queued write exactly once and end with the platform's state.
 */
async function killRun(seed: number, platform: Platform, counts: FaultCounts): Promise<void> {
  const random = createRandom(seed * 7919 + 1);
  const dir = tempDir(`pc-faults-kill-${seed}-`);
  const dataDir = join(dir.path, 'console');
  // The console reaches the platform through a gate: shut, the writes stay in the outbox.
  const gate = await faultProxy(platform.url, random, { rate: 0, only: ['503'] });
  const args = ['--data-dir', dataDir, '--platform', gate.url, '--poll-ms', '300'];
  const token = { PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.token };
  const writes: Tracked[] = [];
  try {
    debug('kill', seed, 'bootstrap');
    // 1. Bootstrap, killed at a random instant of the start (process start, migrations of new stores, the first pull).
    let shell = spawnShell(args, token);
    await sleep(random.int(200, 2500));
    await shell.kill();
    counts.faults++;
    shell = spawnShell(args, token);
    debug('restart');
    let bridge = await bridgeClient(await shell.url);
    debug('bridge');
    await synced(bridge);
    debug('synced');

    // 2. A migration with writes waiting: queued while the platform is out of reach, then the cache's newest
    //    migration is rolled back so the next start runs it again, held open, and the process is killed inside.
    gate.setRate(1);
    for (const id of await openIds(bridge, random, 4)) {
      const tag = `k${seed}m${writes.length}`;
      const write: Tracked = { id, tag, queued: false };
      writes.push(write);
      await bridge.call('dsar.setTags', { id, tags: [tag] });
      write.queued = true;
    }
    bridge.close();
    await shell.stop();
    rollBackNewestCacheMigration(dataDir);
    debug('rolled back');
    gate.setRate(0);
    shell = spawnShell(args, { ...token, PRIVACY_CONSOLE_FAULT_MIGRATION_PAUSE_MS: '600' });
    await sleep(random.int(400, 2500));
    await shell.kill();
    counts.faults++;

    debug('push');
    // 3. A push, killed at a random instant while the writes go out.
    shell = spawnShell(args, token);
    bridge = await bridgeClient(await shell.url);
    const ids = await openIds(bridge, random, 12);
    const issued = (async () => {
      for (const id of ids) {
        const tag = `k${seed}p${writes.length}`;
        const write: Tracked = { id, tag, queued: false };
        writes.push(write);
        await bridge.call('dsar.setTags', { id, tags: [tag] });
        write.queued = true;
      }
    })().catch(() => undefined);
    await sleep(random.int(0, 400));
    await shell.kill();
    await issued;
    counts.faults++;

    shell = spawnShell(args, token);
    bridge = await bridgeClient(await shell.url);
    await synced(bridge);
    bridge.close();
    await shell.stop();
    checkWrites(counts, platform, writes, `kill seed ${seed}`);
    checkCache(counts, platform, dataDir, `kill seed ${seed}`);
    counts.runs++;
  } catch (error) {
    counts.problems.push(`kill seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
    counts.lost += writes.filter((w) => w.queued).length;
  } finally {
    await gate.close();
    dir.remove();
  }
}

/**
 * Undoes the cache's newest migration (the open requests per due date and assignee), so the next start runs it
 * again over a cache full of data. Written for migration 16; a newer migration makes this fail loudly until it is taught.
 */
function rollBackNewestCacheMigration(dataDir: string): void {
  const newest = cacheMigrations.at(-1);
  if (newest?.version !== 16) {
    throw new Error(`the fault suite rolls back migration 16, the newest is ${newest?.version}: teach it ${newest?.name}`);
  }
  const cache = openEncrypted(join(dataDir, 'cache.sqlite'), TEST_KEY);
  // A bootstrap cut short keeps the triggers aside in deferred_schema: they go too.
  const deferred = cache.prepare("SELECT 1 FROM sqlite_master WHERE name = 'deferred_schema'").get();
  if (deferred) {
    cache.exec("DELETE FROM deferred_schema WHERE name IN ('dsars_open_in', 'dsars_open_out', 'dsars_open_moved', 'dsar_open:rebuild')");
  }
  cache.exec(`
    DROP TRIGGER IF EXISTS dsars_open_in; DROP TRIGGER IF EXISTS dsars_open_out; DROP TRIGGER IF EXISTS dsars_open_moved;
    DROP TABLE dsar_open;
    PRAGMA user_version = 15;
  `);
  cache.close();
}

/**
 * Network faults: the console syncs through a proxy that delays, cuts, truncates, loses answers after the
 * platform applied, and answers 429, 503 and 401; then the network heals and everything must be there once.
 */
async function networkRun(seed: number, platform: Platform, counts: FaultCounts): Promise<void> {
  const random = createRandom(seed * 104729 + 3);
  const dir = tempDir(`pc-faults-net-${seed}-`);
  const proxy = await faultProxy(platform.url, random, { rate: 0.35 });
  const writes: Tracked[] = [];
  const console_ = await startConsole({
    dataDir: dir.path,
    cacheKey: TEST_KEY,
    platform: { url: proxy.url, token: platform.token },
    sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    client: { retries: 1, backoffMs: 5, timeoutMs: 2000 },
    undoMs: 0,
  });
  const call = async <K extends ChannelName>(channel: K, input?: ChannelInput<K>) =>
    unwrap(await console_.dispatch(channel, input)) as ChannelOutput<K>;
  try {
    await console_.firstSync;
    for (let attempt = 0; attempt < 20 && (await call('sync.status')).lastSyncedAt === null; attempt++) await call('sync.now');
    const rows = (await call('dsar.list', { statuses: ['new', 'in_progress'], limit: 300 })).rows;
    for (let batch = 0; batch < 4; batch++) {
      for (let n = 0; n < 6; n++) {
        const id = random.pick(rows).id;
        const tag = `n${seed}w${writes.length}`;
        const write: Tracked = { id, tag, queued: false };
        writes.push(write);
        await call('dsar.setTags', { id, tags: [tag] });
        write.queued = true;
      }
      await call('sync.now');
    }
    proxy.setRate(0);
    for (let attempt = 0; attempt < 30; attempt++) {
      const status = await call('sync.now');
      if (status.pendingWrites === 0 && !status.lastError) break;
      await sleep(100);
    }
    const status = await call('sync.status');
    if (status.conflicts) {
      counts.lost += status.conflicts;
      counts.problems.push(`network seed ${seed}: ${status.conflicts} writes became conflicts`);
    }
    await console_.close();
    counts.faults += Object.values(proxy.injected).reduce((a, b) => a + b, 0);
    checkWrites(counts, platform, writes, `network seed ${seed}`);
    checkCache(counts, platform, dir.path, `network seed ${seed}`);
    counts.runs++;
  } catch (error) {
    await console_.close().catch(() => undefined);
    counts.problems.push(`network seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await proxy.close();
    dir.remove();
  }
}

/**
 * Storage faults: the disk fills while writes are queued (nothing half-written; they go once space is back),
 * and a cache page is damaged on disk (found, the cache rebuilt from the platform, the writes kept).
 */
async function storageRun(seed: number, platform: Platform, counts: FaultCounts): Promise<void> {
  const random = createRandom(seed * 15485863 + 5);
  const dir = tempDir(`pc-faults-disk-${seed}-`);
  const dataDir = join(dir.path, 'console');
  const writes: Tracked[] = [];
  try {
    // Disk full: the outbox cannot grow. Each refused write must leave no trace; the accepted ones go once.
    const stores = openStores(dataDir, TEST_KEY);
    const core = openCore(stores, {
      platform: { url: platform.url, token: platform.token },
      sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    });
    await core.refreshMe();
    await core.engine.kick();
    const ids = stores.cache
      .prepare<[], { id: string }>('SELECT id FROM dsars WHERE is_open = 1 LIMIT 50')
      .all()
      .map((r) => r.id);
    const pages = stores.pending.pragma('page_count', { simple: true }) as number;
    stores.pending.pragma(`max_page_count = ${pages}`);
    counts.faults++;
    let refused = 0;
    for (let n = 0; n < 40; n++) {
      const id = random.pick(ids);
      const tag = `s${seed}d${writes.length}`;
      const write: Tracked = { id, tag, queued: false };
      writes.push(write);
      try {
        core.writes.mutate('dsar', id, 'setTags', { tags: [tag] });
        write.queued = true;
      } catch (error) {
        refused++;
        // Refused writes show nowhere: the cache shows no tag the outbox does not hold.
        if (JSON.stringify(core.entities.dsar.read(id)).includes(`"${tag}"`)) {
          counts.problems.push(`storage seed ${seed}: ${tag} shown although the disk refused it (${String(error)})`);
          counts.duplicated++;
        }
      }
    }
    if (refused === 0) counts.problems.push(`storage seed ${seed}: the full disk refused nothing`);
    stores.pending.pragma('max_page_count = 1073741823');
    await core.engine.kick();
    await core.engine.stop();
    stores.close();
    checkWrites(counts, platform, writes, `storage seed ${seed}`);

    // A read-only data directory: the console refuses to start, in words, and changes nothing.
    readOnlyStart(dataDir, platform, counts, seed);

    // A damaged page: overwritten on disk while the console is closed.
    const cachePath = join(dataDir, 'cache.sqlite');
    const bytes = readFileSync(cachePath);
    const pageCount = Math.floor(bytes.length / 4096);
    const page = random.next() < 0.3 ? 0 : random.int(1, Math.max(1, pageCount - 1));
    const garbage = Buffer.from(Array.from({ length: 512 }, () => random.int(0, 255)));
    garbage.copy(bytes, page * 4096 + 1024);
    writeFileSync(cachePath, bytes);
    counts.faults++;
    for (let start = 0; start < 3; start++) {
      const console_ = await startConsole({
        dataDir: dataDir,
        cacheKey: TEST_KEY,
        platform: { url: platform.url, token: platform.token },
        sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
      });
      await console_.firstSync;
      // Use it as a person would: every request of the queue and its detail.
      let failed = false;
      const call = async <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => {
        const envelope = await console_.dispatch(channel, input);
        if (!envelope.ok) failed = true;
        return envelope.ok ? (envelope.value as ChannelOutput<K>) : null;
      };
      const page1 = await call('dsar.list', { statuses: [], limit: 1000 });
      for (const row of page1?.rows ?? []) await call('dsar.get', { id: row.id });
      // Every other screen's list too.
      for (const channel of ['incident.list', 'processor.list', 'activity.list', 'staff.list', 'registry.reminders'] as const)
        await call(channel);
      for (const locale of ['de', 'en'] as const) await call('templates.get', { locale });
      const status = await call('sync.now');
      if (status?.lastError) failed = true;
      await console_.close();
      if (!failed) break;
      if (start === 2) counts.problems.push(`storage seed ${seed}: the damaged cache was not rebuilt`);
    }
    checkCache(counts, platform, dataDir, `storage seed ${seed}`);
    counts.runs++;
  } catch (error) {
    counts.problems.push(`storage seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.FAULTS_DEBUG) console.log(error instanceof Error ? error.stack : error);
  } finally {
    dir.remove();
  }
}

/**
 * Starts the headless console as an unprivileged user over a data directory it may read but not write (as
 * root, permissions would not stop it; without setpriv the check is skipped and said so).
 */
function readOnlyStart(dataDir: string, platform: Platform, counts: FaultCounts, seed: number): void {
  if (process.getuid?.() !== 0 || spawnSync('which', ['setpriv']).status !== 0) {
    if (!counts.skipped.includes('read-only data directory')) counts.skipped.push('read-only data directory');
    return;
  }
  const files = readdirSync(dataDir).filter((name) => !name.startsWith('.'));
  const digest = () =>
    files
      .map((name) =>
        createHash('sha256')
          .update(readFileSync(join(dataDir, name)))
          .digest('hex'),
      )
      .join();
  const before = digest();
  // The temp folder of this run (never a shared one such as /tmp itself) lets the other user reach the data.
  if (!/pc-faults-disk-/.test(dirname(dataDir))) throw new Error(`refusing to open up ${dirname(dataDir)}`);
  chmodSync(dirname(dataDir), 0o755);
  for (const name of files) chmodSync(join(dataDir, name), 0o444);
  chmodSync(dataDir, 0o555);
  counts.faults++;
  try {
    const run = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        join(root, 'electron/headless/main.ts'),
        '--data-dir',
        dataDir,
        '--platform',
        platform.url,
      ],
      {
        cwd: root,
        env: { ...process.env, HOME: '/tmp', PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.token },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const said = `${run.stdout}${run.stderr}`;
    if (run.status !== 1 || !/cannot be written|must be writable/.test(said)) {
      counts.problems.push(`storage seed ${seed}: a read-only data directory gave exit ${run.status}: ${said.slice(-300)}`);
    }
  } finally {
    chmodSync(dataDir, 0o700);
    for (const name of files) chmodSync(join(dataDir, name), 0o600);
  }
  if (digest() !== before) counts.problems.push(`storage seed ${seed}: the read-only start changed the data directory`);
}

/** Runs the families over `seeds` seeds against one platform process; prints nothing, returns the counts. */
export async function runFaultSuite(options: { seeds: number; firstSeed?: number; families?: readonly FaultFamily[]; requests?: number }) {
  const counts: FaultCounts = { runs: 0, faults: 0, writesChecked: 0, lost: 0, duplicated: 0, diverged: 0, problems: [], skipped: [] };
  const families = options.families ?? ['kill', 'network', 'storage'];
  const dir = tempDir('pc-faults-platform-');
  const dbPath = join(dir.path, 'platform.sqlite');
  const platform: Platform = Object.assign(await spawnPlatform(dbPath, options.requests ?? 400), { dbPath });
  try {
    for (let seed = options.firstSeed ?? 1; seed < (options.firstSeed ?? 1) + options.seeds; seed++) {
      if (families.includes('kill')) await killRun(seed, platform, counts);
      if (families.includes('network')) await networkRun(seed, platform, counts);
      if (families.includes('storage')) await storageRun(seed, platform, counts);
    }
  } finally {
    await platform.stop();
    dir.remove();
  }
  return counts;
}

export const summary = (c: FaultCounts) =>
  `fault suite: ${c.runs} runs, ${c.faults} faults injected, ${c.writesChecked} writes checked, ${c.lost} lost, ${c.duplicated} duplicated, ${c.diverged} diverged${c.skipped.length ? ` (not checked here: ${c.skipped.join(', ')})` : ''}`;
