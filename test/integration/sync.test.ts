import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { dsarCache } from '../../electron/dsar/store';
import { PlatformClient } from '../../electron/platform/client';
import { PlatformError } from '../../electron/platform/errors';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { dsarEntity } from '../../shared/dsar/entities';
import type { QueueQueryInput } from '../../shared/ipc/contract';
import { type TestConsole, testConsole, withCalls } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let app: TestConsole | null;

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 120);
  app = null;
});
afterEach(async () => {
  await app?.close();
  await platform.stop();
  dir.remove();
});

const all: QueueQueryInput = { statuses: [], limit: 1000 };
const open = async () => {
  app = await testConsole(`${dir.path}/console`, platform);
  return app;
};
/** Requests not assigned to the console's user, so assigning them to her is a real change. */
const notHers = async (console_: TestConsole, count: number) =>
  (await console_.call('dsar.list', all)).rows
    .filter((r) => r.assigneeId !== 'stf_vogel')
    .slice(0, count)
    .map((r) => r.id);
const otherOfficer = () => new PlatformClient({ baseUrl: platform.url, token: platform.sandbox.tokens.stf_albrecht });

describe('pull', () => {
  it('bootstraps every request from the changes feed', async () => {
    const console_ = await open();
    const page = await console_.call('dsar.list', all);
    expect(page.rows).toHaveLength(120);
    expect((await console_.call('staff.list')).length).toBe(7);
    const status = await console_.call('sync.status');
    expect(status).toMatchObject({ state: 'online', pendingWrites: 0, conflicts: 0, lastError: null });
  });

  it('a bootstrap shows what has arrived while it goes on: rows said to be incomplete, with how many follow', async () => {
    const instance = await startConsole({
      dataDir: `${dir.path}/early`,
      cacheKey: TEST_KEY,
      platform: { url: platform.url, token: platform.token },
      sync: { pollMs: 3_600_000, retryMs: 3_600_000, pull: { pageSize: 100, pagesPerTransaction: 1 } },
      client: { retries: 2, backoffMs: 5, timeoutMs: 3000 },
      undoMs: 0,
    });
    app = withCalls(instance);
    const console_ = app;
    const early: { rows: number; loading: boolean | undefined; remaining: number | null }[] = [];
    console_.subscribe('cache.changed', ({ entities }) => {
      if (!entities.includes('dsar') || early.length) return;
      const list = console_.call('dsar.list', all);
      const status = console_.call('sync.status');
      early.push({ rows: -1, loading: undefined, remaining: null });
      void Promise.all([list, status]).then(([page, now]) => {
        early[0] = { rows: page.rows.length, loading: page.loading, remaining: now.remaining };
      });
    });
    await instance.firstSync;
    await until(() => early[0]?.rows !== -1 && early.length > 0, 'the early page');
    // Before the end: some rows, flagged incomplete, and the platform's bound on what follows.
    expect(early[0].rows).toBeGreaterThan(0);
    expect(early[0].rows).toBeLessThan(120);
    expect(early[0].loading).toBe(true);
    expect(early[0].remaining).toBeGreaterThan(0);
    // At the end: everything, complete, and words can be searched.
    const done = await console_.call('dsar.list', all);
    expect(done.rows).toHaveLength(120);
    expect(done.loading).toBeUndefined();
    expect(await console_.call('sync.status')).toMatchObject({ state: 'online', remaining: null });
  });

  it('pulls later changes incrementally, including tombstones', async () => {
    const console_ = await open();
    const changes: string[][] = [];
    console_.subscribe('cache.changed', ({ entities }) => changes.push(entities));
    await otherOfficer().mutate(
      dsarEntity,
      'assign',
      'dsr_000007',
      { assigneeId: 'stf_albrecht' },
      { version: 1, idempotencyKey: 'other-1-abcdef' },
    );
    platform.sandbox.store.transaction(() => platform.sandbox.store.remove('dsar', 'dsr_000008'));
    await console_.call('sync.now');
    expect((await console_.call('dsar.get', { id: 'dsr_000007' }))?.dsar.assigneeId).toBe('stf_albrecht');
    expect(await console_.call('dsar.get', { id: 'dsr_000008' })).toBeNull();
    expect(changes).toContainEqual(['dsar']);
  });

  it('rebootstraps when the platform was reset (410 on the old cursor)', async () => {
    const console_ = await open();
    await console_.close();
    app = null;
    await platform.stop();
    // A new platform store on the same address: new epoch, fewer requests.
    const fresh = tempDir();
    platform = await testPlatform(fresh.path, 30);
    const again = await open();
    expect((await again.call('dsar.list', all)).rows).toHaveLength(30);
    await again.close();
    app = null;
    await platform.stop();
    fresh.remove();
  });

  it('keeps nothing of a response that does not match the contract', async () => {
    const bogus = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith('/v1/me')) {
        response.end(JSON.stringify({ staff: { id: 'x' }, scopes: [], workspace: { id: 'w', name: 'n' } }));
        return;
      }
      response.end(
        JSON.stringify({
          changes: [{ seq: 1, entity: 'dsar', id: 'dsr_x', op: 'upsert', version: 1, data: { id: 'dsr_x' } }],
          cursor: 'w.1',
          hasMore: false,
        }),
      );
    });
    await new Promise<void>((resolve) => bogus.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(bogus.address() as AddressInfo).port}`;
    const console_ = await testConsole(`${dir.path}/bogus`, { ...platform, url });
    const status = await console_.call('sync.status');
    expect(status.lastError).toMatch(/does not match the contract/);
    expect((await console_.call('dsar.list', all)).rows).toHaveLength(0);
    await console_.close();
    bogus.close();
  });
});

describe('a platform that misbehaves', () => {
  /** A platform answering `feed(after, calls)` for the changes feed; counts the feed calls. */
  async function hostile(feed: (after: string, calls: number, response: import('node:http').ServerResponse) => void) {
    let calls = 0;
    const server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith('/v1/me')) {
        response.end(
          JSON.stringify({
            staff: platform.sandbox.store.get('staff', 'stf_vogel'),
            scopes: ['dsar:read'],
            workspace: { id: 'w', name: 'n' },
          }),
        );
        return;
      }
      if (!request.url?.startsWith('/v1/changes')) {
        response.statusCode = 404;
        response.end(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }));
        return;
      }
      calls++;
      feed(new URL(request.url ?? '/', 'http://x').searchParams.get('after') ?? '0', calls, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const console_ = await testConsole(`${dir.path}/hostile-${Math.random()}`, { ...platform, url });
    const close = async () => {
      await console_.close();
      server.close();
    };
    return { console_, calls: () => calls, close };
  }

  it('a feed that says "more" without moving on is given up, not pulled forever', async () => {
    const bad = await hostile((_, __, response) => response.end(JSON.stringify({ changes: [], cursor: 'w.5', hasMore: true })));
    const status = await bad.console_.call('sync.status');
    expect(status.lastError).toMatch(/did not move past/);
    expect(bad.calls()).toBeLessThan(5);
    await bad.close();
  });

  it('a page that fails the contract keeps nothing of itself or of the page asked for after it', async () => {
    // Its cursor asks for the next page before the check (read ahead): that request is cancelled when the check
    // fails, before or after it reached the platform (which, depends on the runtime), and what it brought is dropped.
    const [good, late] = ['dsr_000001', 'dsr_000002'].map((id) => platform.sandbox.store.get('dsar', id));
    const upsert = (seq: number, data: unknown) => ({
      seq,
      entity: 'dsar',
      id: (data as { id: string }).id,
      op: 'upsert',
      version: 1,
      data,
    });
    const pages: Record<string, unknown> = {
      '0': { changes: [upsert(1, good)], cursor: 'w.1', hasMore: true },
      'w.1': { changes: [upsert(2, { id: 'dsr_broken' })], cursor: 'w.2', hasMore: true },
      'w.2': { changes: [upsert(3, late)], cursor: 'w.3', hasMore: false },
    };
    const asked: string[] = [];
    const bad = await hostile((after, _, response) => {
      asked.push(after);
      response.end(JSON.stringify(pages[after]));
    });
    const status = await bad.console_.call('sync.status');
    expect(status.lastError).toMatch(/does not match the contract/);
    expect(asked.slice(0, 2)).toEqual(['0', 'w.1']);
    // Only what came before the broken page is kept.
    const ids = (await bad.console_.call('dsar.list', all)).rows.map((row) => row.id);
    expect(ids).toEqual(['dsr_000001']);
    await bad.close();
  });

  it('a feed that answers 410 even after a reset is given up after one reset', async () => {
    const bad = await hostile((_, __, response) => {
      response.statusCode = 410;
      response.setHeader('content-type', 'application/problem+json');
      response.end(JSON.stringify({ type: 'about:blank', title: 'Gone', status: 410 }));
    });
    const status = await bad.console_.call('sync.status');
    expect(status.lastError).toMatch(/again after a reset/);
    expect(bad.calls()).toBe(2);
    await bad.close();
  });

  it('an answer larger than the console reads is cut off and refused, declared or not', async () => {
    const server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.includes('declared')) response.setHeader('content-length', String(10 * 1024 * 1024));
      // Streamed without a length: the console stops reading at its limit.
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 640 && response.write(chunk)) sent++;
        if (sent < 640) response.once('drain', more);
        else response.end();
      };
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const path of ['', '/declared']) {
      const capped = new PlatformClient({ baseUrl: `${base}${path}`, token: 't', maxBodyBytes: 64 * 1024, retries: 0 });
      await expect(capped.me()).rejects.toMatchObject({
        kind: 'invalid_response',
        message: expect.stringMatching(/larger than 65536 bytes/),
      });
    }
    server.closeAllConnections();
    server.close();
  });
});

describe('push', () => {
  it('applies an assignment at once locally, then delivers it with If-Match and Idempotency-Key', async () => {
    const console_ = await open();
    const [id] = await notHers(console_, 1);
    const row = await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    expect(row).toMatchObject({ assigneeId: 'stf_vogel', pending: true });
    await console_.call('sync.now');
    expect(await console_.call('dsar.get', { id })).toMatchObject({ dsar: { assigneeId: 'stf_vogel', version: 2 }, pending: false });
    expect(platform.appliedWrites(id)).toHaveLength(1);
    expect((await console_.call('sync.status')).pendingWrites).toBe(0);
  });

  it('delivers consecutive writes to one request in order, each on the version the last one produced', async () => {
    const console_ = await open();
    const [id] = await notHers(console_, 1);
    await platform.stop();
    await console_.call('dsar.assign', { id: id, assigneeId: 'stf_vogel' });
    await console_.call('dsar.assign', { id: id, assigneeId: 'stf_yildiz' });
    await console_.call('dsar.assign', { id: id, assigneeId: null });
    await platform.start();
    await console_.call('sync.now');
    expect((await console_.call('sync.status')).conflicts).toBe(0);
    expect(platform.appliedWrites(id).map((w) => JSON.parse(w.detail).assigneeId)).toEqual(['stf_vogel', 'stf_yildiz', null]);
    expect(await console_.call('dsar.get', { id: id })).toMatchObject({ dsar: { assigneeId: null, version: 4 }, pending: false });
  });

  it('a stale write becomes a conflict: the platform state wins, the intent is kept and can be re-applied', async () => {
    const console_ = await open();
    const [id] = await notHers(console_, 1);
    // The colleague makes the request theirs and urgent (an assignment that is already theirs changes nothing).
    const assigned = await otherOfficer().mutate(
      dsarEntity,
      'assign',
      id,
      { assigneeId: 'stf_albrecht' },
      { version: 1, idempotencyKey: 'other-3-abcdef' },
    );
    const urgent = await otherOfficer().mutate(
      dsarEntity,
      'setPriority',
      id,
      { priority: 'high' },
      { version: assigned.version, idempotencyKey: 'other-3-ghijkl' },
    );
    await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' }); // based on version 1: stale
    await console_.call('sync.now');
    const status = await console_.call('sync.status');
    expect(status).toMatchObject({ conflicts: 1, pendingWrites: 0 });
    expect(await console_.call('dsar.get', { id })).toMatchObject({
      dsar: { assigneeId: 'stf_albrecht', priority: 'high' },
      pending: false,
    });
    const [conflict] = await console_.call('conflicts.list');
    expect(conflict).toMatchObject({ entityId: id, kind: 'stale', intended: { assigneeId: 'stf_vogel' } });

    await console_.call('conflicts.resolve', { id: conflict.id, action: 'reapply' });
    await console_.call('sync.now');
    expect(await console_.call('dsar.get', { id })).toMatchObject({
      dsar: { assigneeId: 'stf_vogel', priority: 'high', version: urgent.version + 1 },
    });
    expect(await console_.call('conflicts.list')).toEqual([]);
  });

  it('a discarded conflict changes nothing on the platform', async () => {
    const console_ = await open();
    const [id] = await notHers(console_, 1);
    await otherOfficer().mutate(dsarEntity, 'setPriority', id, { priority: 'high' }, { version: 1, idempotencyKey: 'other-4-abcdef' });
    await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await console_.call('sync.now');
    const [conflict] = await console_.call('conflicts.list');
    await console_.call('conflicts.resolve', { id: conflict.id, action: 'discard' });
    await console_.call('sync.now');
    expect(platform.appliedWrites(id)).toHaveLength(1);
    expect((await console_.call('sync.status')).conflicts).toBe(0);
  });

  it('refuses bad input before anything is queued', async () => {
    const console_ = await open();
    await expect(console_.call('dsar.assign', { id: 'dsr_000005', assigneeId: 'stf_unknown' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(console_.call('dsar.assign', { id: 'dsr_nope', assigneeId: null })).rejects.toMatchObject({ code: 'not_found' });
    await expect(console_.call('dsar.assign', { id: 'dsr_000005' } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await console_.call('sync.status')).pendingWrites).toBe(0);
  });
});

describe('offline and failures', () => {
  it('platform down: writes stay pending; platform back: each delivered exactly once', async () => {
    const console_ = await open();
    const ids = await notHers(console_, 3);
    await platform.stop();
    for (const id of ids) await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await console_.call('sync.now');
    const offline = await console_.call('sync.status');
    expect(offline).toMatchObject({ state: 'offline', pendingWrites: 3 });
    expect(offline.lastError).toMatch(/cannot be reached/);
    expect((await console_.call('dsar.get', { id: ids[1] }))?.dsar.assigneeId).toBe('stf_vogel');

    await platform.start();
    await console_.call('sync.now');
    expect(await console_.call('sync.status')).toMatchObject({ state: 'online', pendingWrites: 0, conflicts: 0 });
    for (const id of ids) expect(platform.appliedWrites(id)).toHaveLength(1);
  });

  it('an answer lost after the platform applied the write is retried with the same key and applied once', async () => {
    const console_ = await open();
    const [id] = await notHers(console_, 1);
    platform.sandbox.inject({ dropResponse: true, count: 1 });
    await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await console_.call('sync.now');
    expect((await console_.call('sync.status')).pendingWrites).toBe(0);
    expect(platform.appliedWrites(id)).toHaveLength(1);
    expect(await console_.call('dsar.get', { id })).toMatchObject({ dsar: { version: 2, assigneeId: 'stf_vogel' } });
  });

  it('the client retries 503 and 429, honouring Retry-After', async () => {
    platform.sandbox.inject({ status: 503, count: 2, retryAfterSeconds: 0 });
    const client = new PlatformClient({ baseUrl: platform.url, token: platform.token, retries: 2, backoffMs: 5 });
    expect((await client.me()).staff.id).toBe('stf_vogel');
    platform.sandbox.inject({ status: 429, count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await client.me();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up on a Retry-After longer than it may wait, and after the retry budget', async () => {
    platform.sandbox.inject({ status: 503, count: 1, retryAfterSeconds: 120 });
    const client = new PlatformClient({ baseUrl: platform.url, token: platform.token, retries: 3, maxRetryAfterMs: 1000 });
    await expect(client.me()).rejects.toMatchObject({ kind: 'server', status: 503 });
    platform.sandbox.inject({ status: 500, count: 5 });
    const impatient = new PlatformClient({ baseUrl: platform.url, token: platform.token, retries: 2, backoffMs: 1 });
    await expect(impatient.me()).rejects.toBeInstanceOf(PlatformError);
    platform.sandbox.inject({ status: 500, count: 0 });
  });

  it('a cancelled call stops at once: no answer awaited, no retry after it', async () => {
    let asked = 0;
    const slow = createServer((_, response) => {
      asked++;
      // Busy: answers 503 after a while, which a client would retry.
      setTimeout(() => {
        response.statusCode = 503;
        response.end(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }));
      }, 200);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const client = new PlatformClient({
      baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
      token: 't',
      retries: 3,
      backoffMs: 1,
    });
    const cancel = new AbortController();
    const started = Date.now();
    const page = client.changes('0', 10, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    await expect(page).rejects.toMatchObject({ kind: 'cancelled', transient: false });
    expect(Date.now() - started).toBeLessThan(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked).toBe(1);
    slow.closeAllConnections();
    slow.close();
  });

  it('a call cancelled while it waits to retry stops waiting', async () => {
    let asked = 0;
    const busy = createServer((_, response) => {
      asked++;
      response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '3' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }));
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const client = new PlatformClient({ baseUrl: `http://127.0.0.1:${(busy.address() as AddressInfo).port}`, token: 't', retries: 3 });
    const cancel = new AbortController();
    const started = Date.now();
    const page = client.changes('0', 10, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 200);
    await expect(page).rejects.toMatchObject({ kind: 'cancelled' });
    // The retry was three seconds away.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(asked).toBe(1);
    busy.close();
  });

  it('opens at once when the platform does not answer: nothing on the startup path waits for it', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const started = await startConsole({
      dataDir: `${dir.path}/silent`,
      cacheKey: TEST_KEY,
      platform: { url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, token: 't' },
      client: { timeoutMs: 120_000, retries: 0 },
    });
    expect(await started.dispatch('dsar.list', {})).toEqual({ ok: true, value: { rows: [], next: null } });
    expect((await started.dispatch('sync.status', undefined)) as { value: { state: string } }).toMatchObject({
      value: { state: 'starting' },
    });
    silent.closeAllConnections();
    await started.close();
    silent.close();
  });

  it('times out a platform that does not answer', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const client = new PlatformClient({
      baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      token: 't',
      timeoutMs: 200,
      retries: 0,
    });
    await expect(client.me()).rejects.toMatchObject({ kind: 'timeout' });
    silent.closeAllConnections();
    silent.close();
  });
});

describe('bulk bootstrap', () => {
  it('a multi-page bootstrap builds indexes and the search index once, and the queue works after it', async () => {
    app = await testConsole(`${dir.path}/bulk`, platform, { sync: { pollMs: 3_600_000, pull: { pageSize: 10, pagesPerTransaction: 2 } } });
    const fresh = openStores(`${dir.path}/reference`, TEST_KEY);
    const expected = fresh.cache.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'dsars' ORDER BY name").all();
    fresh.close();
    const stores = openStores(`${dir.path}/bulk`, TEST_KEY);
    expect(stores.cache.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'dsars' ORDER BY name").all()).toEqual(expected);
    stores.close();
    const rows = (await app.call('dsar.list', all)).rows;
    expect(rows).toHaveLength(120);
    const someone = rows[17].subjectName.split(' ').pop() ?? '';
    expect((await app.call('dsar.list', { search: someone, statuses: [] })).rows.map((r) => r.id)).toContain(rows[17].id);
  });

  it('a bulk load cut off mid-way shows its rows as incomplete (no search by words yet), and the next pull completes it', async () => {
    app = await testConsole(`${dir.path}/cut`, platform);
    await app.close();
    const stores = openStores(`${dir.path}/cut`, TEST_KEY);
    dsarCache(stores.cache, { clock: () => defaultClockSettings }).beginBulkLoad(); // as a crash during a bootstrap leaves it
    stores.close();

    await platform.stop();
    app = await testConsole(`${dir.path}/cut`, platform);
    expect(await app.call('dsar.list', all)).toMatchObject({ loading: true, rows: expect.any(Array) });
    // The overview opens too: its request figures wait for the indexes and tallies.
    expect((await app.call('overview.get')).dsar).toBeNull();
    expect((await app.call('dsar.list', { search: 'web', statuses: [] })).rows).toEqual([]);
    await platform.start();
    await app.call('sync.now');
    const complete = await app.call('dsar.list', all);
    expect(complete.rows).toHaveLength(120);
    expect(complete.loading).toBeUndefined();
    expect((await app.call('dsar.list', { search: 'web', statuses: [] })).rows.length).toBeGreaterThan(0);
  });
});

/**
 * A proxy in front of the platform that can answer writes itself: 401 (who asks is no longer accepted), or pass a
 * write on and then garble the platform's 2xx answer (applied, but the answer fails the contract).
 */
async function writeProxy(target: string) {
  const mode = { current: 'pass' as 'pass' | 'unauthorized' | 'garble' };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const write = request.method === 'POST' || request.method === 'PATCH';
    if (write && mode.current === 'unauthorized') {
      response.writeHead(401, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'https://privacy-console.example/problems/unauthorized', title: 'Unauthorized', status: 401 }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = await answer.text();
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(write && mode.current === 'garble' && answer.ok ? JSON.stringify({ id: 42, garbled: true }) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('push classifies the platform’s answers', () => {
  it('401 while pushing: the outbox is kept, nothing becomes a conflict, the status says signed out; then it goes once', async () => {
    const proxy = await writeProxy(platform.url);
    try {
      app = await testConsole(`${dir.path}/console`, { ...platform, url: proxy.url });
      const console_ = app;
      const [id] = await notHers(console_, 1);
      proxy.mode.current = 'unauthorized';
      await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
      await console_.call('sync.now');
      const status = await console_.call('sync.status');
      expect(status).toMatchObject({ state: 'signed_out', pendingWrites: 1, conflicts: 0 });
      expect(Date.parse(status.nextRetryAt ?? '')).toBeGreaterThan(Date.now());
      expect(platform.appliedWrites(id)).toHaveLength(0);
      // Signed in again: the write goes, once.
      proxy.mode.current = 'pass';
      await console_.call('sync.now');
      expect(await console_.call('sync.status')).toMatchObject({ state: 'online', pendingWrites: 0, conflicts: 0, nextRetryAt: null });
      expect(platform.appliedWrites(id)).toHaveLength(1);
    } finally {
      proxy.close();
    }
  });

  it('a 2xx whose answer fails the contract: the platform’s state is fetched and the write acknowledged, never sent twice', async () => {
    const proxy = await writeProxy(platform.url);
    try {
      app = await testConsole(`${dir.path}/console`, { ...platform, url: proxy.url });
      const console_ = app;
      const [id] = await notHers(console_, 1);
      proxy.mode.current = 'garble';
      await console_.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
      await console_.call('sync.now');
      proxy.mode.current = 'pass';
      await console_.call('sync.now');
      expect(await console_.call('sync.status')).toMatchObject({ pendingWrites: 0, conflicts: 0 });
      expect(platform.appliedWrites(id)).toHaveLength(1);
      expect(await console_.call('dsar.get', { id })).toMatchObject({ dsar: { assigneeId: 'stf_vogel', version: 2 }, pending: false });
    } finally {
      proxy.close();
    }
  });

  it('a platform answering outside the contract is named as such, not "online"', async () => {
    const bogus = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ unexpected: true }));
    });
    await new Promise<void>((resolve) => bogus.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(bogus.address() as AddressInfo).port}`;
      app = await testConsole(`${dir.path}/bogus`, { ...platform, url });
      const console_ = app;
      await console_.call('sync.now');
      expect(await console_.call('sync.status')).toMatchObject({ state: 'incompatible', lastError: expect.stringMatching(/contract/) });
    } finally {
      bogus.closeAllConnections();
      bogus.close();
    }
  });

  it('a queued write that no longer fits the contract becomes a visible refusal and does not block the writes behind it', async () => {
    const dataDir = `${dir.path}/console`;
    const first = await testConsole(dataDir, platform);
    const [a, b] = await notHers(first, 2);
    await platform.stop();
    await first.call('dsar.assign', { id: a, assigneeId: 'stf_vogel' });
    await first.call('dsar.assign', { id: b, assigneeId: 'stf_vogel' });
    await first.close();
    // As if an older console had queued it with arguments this one's contract refuses.
    const stores = openStores(dataDir, TEST_KEY);
    stores.pending.prepare('UPDATE outbox SET args = \'{"assigneeId":42}\' WHERE entity_id = ?').run(a);
    stores.close();
    await platform.start();
    app = await testConsole(dataDir, platform);
    const console_ = app;
    await console_.call('sync.now');
    const [conflict] = await console_.call('conflicts.list');
    expect(conflict).toMatchObject({ entityId: a, kind: 'rejected', problem: 'refused-invalid-change' });
    expect(conflict.params.detail).toMatch(/assigneeId/);
    expect(platform.appliedWrites(a)).toHaveLength(0);
    expect(platform.appliedWrites(b)).toHaveLength(1);
    // The cache shows the platform's state of the refused one, not the write it could not send.
    expect(await console_.call('dsar.get', { id: a })).toMatchObject({ pending: false });
  });
});
