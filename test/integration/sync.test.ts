import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferIndexes } from '../../electron/cache/bulk-load';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { PlatformClient } from '../../electron/platform/client';
import { PlatformError } from '../../electron/platform/errors';
import { dsarEntity } from '../../shared/dsar/entities';
import type { QueueQueryInput } from '../../shared/ipc/contract';
import { type TestConsole, testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';

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

  it('opens at once when the platform does not answer: nothing on the startup path waits for it', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const started = await startConsole({
      dataDir: `${dir.path}/silent`,
      cacheKey: TEST_KEY,
      platform: { kind: 'remote', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, token: 't' },
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

  it('a bulk load cut off mid-way hides the incomplete queue, and the next pull completes it', async () => {
    app = await testConsole(`${dir.path}/cut`, platform);
    await app.close();
    const stores = openStores(`${dir.path}/cut`, TEST_KEY);
    deferIndexes(stores.cache, 'dsars', 'dsars_fts'); // as a crash during a bootstrap leaves it
    stores.close();

    await platform.stop();
    app = await testConsole(`${dir.path}/cut`, platform);
    expect((await app.call('dsar.list', all)).rows).toEqual([]);
    await platform.start();
    await app.call('sync.now');
    expect((await app.call('dsar.list', all)).rows).toHaveLength(120);
    expect((await app.call('dsar.list', { search: 'web', statuses: [] })).rows.length).toBeGreaterThan(0);
  });
});
