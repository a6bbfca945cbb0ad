import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBulkLoading } from '../../../../electron/cache/bulk-load';
import { openStores, type Stores } from '../../../../electron/cache/stores';
import { cachedEntities } from '../../../../electron/entities';
import type { Call } from '../../../../electron/platform/client';
import { PlatformError } from '../../../../electron/platform/errors';
import { pull } from '../../../../electron/sync/pull';
import { SyncState } from '../../../../electron/sync/sync-state';
import type { WritePath } from '../../../../electron/sync/writes';
import { generateDsars } from '../../../../sandbox/seed/dsars';
import { createRandom } from '../../../../sandbox/seed/random';
import type { ChangesPage } from '../../../../shared/api/changes';
import { defaultClockSettings } from '../../../../shared/domain/dsar-clock';
import { TEST_KEY, tempDir } from '../../../support/temp';

const NORMAL = -65_536;
const dsars = generateDsars(createRandom(5), 40, new Date('2026-11-27T12:00:00Z'), ['stf_a', 'stf_b']).dsars;

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
beforeEach(() => {
  dir = tempDir();
  stores = openStores(dir.path, TEST_KEY);
});
afterEach(() => {
  stores.close();
  dir.remove();
});

/** A feed of 40 requests in pages of 10 that says `remaining` follow its first page; `failAt` answers 503 there. */
function platform(remaining: number, failAt?: string) {
  const signals: AbortSignal[] = [];
  return {
    signals,
    async changes(after: string, _limit: number, call: Pick<Call, 'peek' | 'signal'> = {}): Promise<ChangesPage> {
      if (call.signal) signals.push(call.signal);
      if (after === failAt) throw new PlatformError('server', 'The platform answered 503', 503);
      const from = after === '0' ? 0 : Number(after.slice(2));
      const page: ChangesPage = {
        changes: dsars
          .slice(from, from + 10)
          .map((data, i) => ({ seq: from + i + 1, entity: 'dsar', id: data.id, op: 'upsert', version: data.version, data })),
        cursor: `c.${from + 10}`,
        hasMore: from + 10 < dsars.length,
        remaining: from === 0 ? remaining : dsars.length - from - 10,
      };
      call.peek?.(page);
      return page;
    },
  };
}

/** Pulls, noting SQLite's page cache size after each batch and when the indexes are built. */
async function pullNoting(client: ReturnType<typeof platform>) {
  const entities = cachedEntities(stores.cache, { clock: () => defaultClockSettings });
  const size = () => stores.cache.pragma('cache_size', { simple: true }) as number;
  const seen = { batches: [] as number[], indexBuild: null as number | null };
  const end = entities.dsar.endBulkLoad;
  entities.dsar.endBulkLoad = () => {
    if (isBulkLoading(stores.cache)) seen.indexBuild = size();
    end();
  };
  const ctx = {
    cache: stores.cache,
    client: client as never,
    entities,
    writes: { refreshed() {}, forgetBases() {} } as unknown as WritePath,
    state: new SyncState(stores.cache),
  };
  const done = pull(ctx, { pageSize: 10, pagesPerTransaction: 2, onProgress: () => seen.batches.push(size()) });
  return { done, seen, size };
}

describe('SQLite page cache during a pull', () => {
  it('a large bootstrap writes with a small cache, builds its indexes with a smaller one, then gives the screens theirs', async () => {
    const { done, seen, size } = await pullNoting(platform(1_000_000));
    await done;
    expect(seen.batches.length).toBeGreaterThan(1);
    expect(new Set(seen.batches)).toEqual(new Set([-16_384]));
    expect(seen.indexBuild).toBe(-4_096);
    expect(size()).toBe(NORMAL);
  });

  it('a bootstrap whose requests fit the cache keeps it throughout', async () => {
    const { done, seen, size } = await pullNoting(platform(30));
    await done;
    expect(new Set(seen.batches)).toEqual(new Set([NORMAL]));
    expect(seen.indexBuild).toBe(NORMAL);
    expect(size()).toBe(NORMAL);
  });

  it('a bootstrap cut off gives the cache back; the pull that resumes it treats it as large', async () => {
    const failing = platform(1_000_000, 'c.20');
    const cut = await pullNoting(failing);
    await expect(cut.done).rejects.toMatchObject({ status: 503 });
    // What it had asked for early is cancelled with it.
    expect(failing.signals.length).toBeGreaterThan(0);
    expect(failing.signals.every((signal) => signal.aborted)).toBe(true);
    expect(cut.size()).toBe(NORMAL);
    expect(isBulkLoading(stores.cache)).toBe(true);

    const resumed = await pullNoting(platform(1_000_000));
    await resumed.done;
    expect(new Set(resumed.seen.batches)).toEqual(new Set([-16_384]));
    expect(resumed.seen.indexBuild).toBe(-4_096);
    expect(resumed.size()).toBe(NORMAL);
    expect(isBulkLoading(stores.cache)).toBe(false);
    expect(stores.cache.prepare('SELECT count(*) AS n FROM dsars').get()).toEqual({ n: 40 });
  });
});
