import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../../electron/cache/stores';
import { closedRequestsToEvict, evictClosedRequests, evictClosedRequestsInChunks } from '../../electron/dsar/retention';
import type { Dsar } from '../../shared/api/dsar';
import { addMonthsClamped } from '../../shared/domain/calendar';
import { type TestConsole, testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let app: TestConsole;

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 200);
  app = await testConsole(join(dir.path, 'console'), platform);
});
afterEach(async () => {
  await app.close();
  await platform.stop();
  dir.remove();
});

const closedStatuses = ['completed', 'denied', 'withdrawn', 'duplicate'] as const;
/** The cut of a one-month setting, as the pass computes it. */
const monthAgo = () => `${addMonthsClamped(new Date().toISOString().slice(0, 10), -1)}T00:00:00.000Z`;
const listed = async (statuses: readonly string[]) => (await app.call('dsar.list', { statuses: statuses as never, limit: 1000 })).rows;
/** The closed requests whose last change is older than a month (the cut of a one-month setting). */
async function oldClosed(statuses: readonly string[] = closedStatuses) {
  const rows = await listed(statuses);
  const details = await Promise.all(rows.map((row) => app.call('dsar.get', { id: row.id })));
  return details.filter((d) => d && d.dsar.updatedAt < monthAgo()).map((d) => d as NonNullable<typeof d>);
}

describe("the console's own storage limitation", () => {
  it('keeps closed requests for 12 months by default; a shorter setting lets the older ones leave the cache at once', async () => {
    expect(await app.call('retention.get')).toEqual({ closedMonths: 12 });
    const open = await listed(['new', 'identity_pending', 'in_progress', 'awaiting_subject']);
    const old = await oldClosed();
    expect(old.length).toBeGreaterThan(1);

    // A write waiting on an old closed request keeps it (the note is not lost).
    const kept = old[0].dsar;
    await platform.stop();
    await app.call('dsar.act', { id: kept.id, action: { type: 'add_note', text: 'Für die Akte.' } });

    const { removed, settings } = await app.call('retention.update', { closedMonths: 1 });
    expect(settings).toEqual({ closedMonths: 1 });
    expect(removed).toBe(old.length - 1);
    const after = (await listed(closedStatuses)).map((row) => row.id);
    expect(after).toContain(kept.id);
    for (const { dsar } of old.slice(1)) expect(after).not.toContain(dsar.id);
    // Open requests and recently closed ones stay.
    expect((await listed(['new', 'identity_pending', 'in_progress', 'awaiting_subject'])).length).toBe(open.length);
    await platform.start();
    await app.call('sync.now');
    expect(platform.appliedWrites(kept.id).map((w) => w.action)).toEqual(['dsar.add_note']);
  });

  it('fetches a request that left the cache from the platform when it is asked for, with its jobs', async () => {
    // An erasure carried out and completed today, then a year passes (the pass runs with that date).
    let subject: Dsar['subject'] | undefined;
    for (const row of (await listed(['new', 'in_progress'])).filter((r) => r.type === 'access')) {
      const candidate = (await app.call('dsar.get', { id: row.id }))?.dsar.subject;
      if (candidate?.userId && candidate.email) {
        subject = candidate;
        break;
      }
    }
    if (!subject) throw new Error('no subject with an account');
    const { dsar } = await app.call('dsar.create', { type: 'erasure', channel: 'email', receivedAt: new Date().toISOString(), subject });
    await app.call('dsar.act', { id: dsar.id, action: { type: 'start' } });
    await app.call('dsar.act', { id: dsar.id, action: { type: 'start_job', jobId: `job_${dsar.id}`, job: 'erasure' } });
    await until(async () => {
      await app.call('sync.now');
      return (await app.call('dsar.get', { id: dsar.id }))?.jobs[0]?.state === 'succeeded';
    }, 'the erasure job');
    const message = await app.call('dsar.draftMessage', { id: dsar.id, kind: 'completion' });
    await app.call('dsar.act', { id: dsar.id, action: { type: 'complete', message, clock: await app.call('clock.get') } });
    await app.call('sync.now');
    await app.close();
    const stores = openStores(join(dir.path, 'console'), TEST_KEY);
    const inAYear = new Date(Date.now() + 366 * 86_400_000);
    expect(evictClosedRequests(stores.cache, { closedMonths: 12 }, inAYear)).toBeGreaterThan(0);
    expect(stores.cache.prepare('SELECT count(*) AS n FROM jobs WHERE dsar_id = ?').get(dsar.id)).toEqual({ n: 0 });
    stores.close();

    app = await testConsole(join(dir.path, 'console'), platform);
    expect((await listed(['completed'])).map((row) => row.id)).not.toContain(dsar.id);
    const fetched = await app.call('dsar.get', { id: dsar.id });
    expect(fetched).toMatchObject({ dsar: { id: dsar.id, status: 'completed' } });
    expect(fetched?.jobs).toEqual([expect.objectContaining({ id: `job_${dsar.id}`, state: 'succeeded' })]);
    expect(await app.call('dsar.get', { id: 'dsr_doesnotexist' })).toBeNull();
  });

  it('in the background a long history leaves a few thousand at a time, the event loop free in between, and stops when asked', async () => {
    await app.close();
    const stores = openStores(join(dir.path, 'console'), TEST_KEY);
    try {
      const due = closedRequestsToEvict(stores.cache, { closedMonths: 1 }).length;
      expect(due).toBeGreaterThan(8);
      // Asked to stop after the second chunk (the console closing): the rest stays for the next pass, and
      // something else ran between the two chunks.
      let asked = 0;
      let between = false;
      // Queued before the call: it runs on the first turn the eviction leaves free (after its first chunk).
      setImmediate(() => {
        between = closedRequestsToEvict(stores.cache, { closedMonths: 1 }).length === due - 4;
      });
      const evicting = evictClosedRequestsInChunks(stores.cache, { closedMonths: 1 }, () => asked++ < 2, 4);
      expect(await evicting).toBe(8);
      expect(between).toBe(true);
      expect(closedRequestsToEvict(stores.cache, { closedMonths: 1 })).toHaveLength(due - 8);
    } finally {
      stores.close();
    }
    app = await testConsole(join(dir.path, 'console'), platform);
  });
});
