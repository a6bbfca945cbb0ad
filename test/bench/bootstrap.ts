import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { cachedEntities } from '../../electron/entities';
import type { CachedEntity } from '../../electron/sync/cached-entity';
import type { ChangesPage } from '../../shared/api/changes';
import { openStatuses } from '../../shared/domain/dsar';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import type { Versioned } from '../../shared/entities/descriptor';
import { TEST_KEY } from '../support/temp';

export const PAGE = 1000;
export const PAGES_PER_TRANSACTION = 5;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * The raw limit: fetch + JSON.parse + upsert of the same pages into the same cache schema, with the same
 * storage strategy (indexes built once at the end), and nothing else: no contract parsing, no cursor, no
 * overlays, no pipelining.
 */
export async function rawLoop(url: string, token: string, dataDir: string): Promise<{ ms: number; rows: number }> {
  const stores = openStores(dataDir, TEST_KEY);
  const caches = cachedEntities(stores.cache, { clock: () => defaultClockSettings });
  const start = process.hrtime.bigint();
  let after = '0';
  let rows = 0;
  let more = true;
  caches.dsar.beginBulkLoad();
  while (more) {
    const batch: ChangesPage[] = [];
    while (more && batch.length < PAGES_PER_TRANSACTION) {
      const response = await fetch(`${url}/v1/changes?after=${after}&limit=${PAGE}`, { headers: { authorization: `Bearer ${token}` } });
      const page = JSON.parse(await response.text()) as ChangesPage;
      batch.push(page);
      after = page.cursor;
      more = page.hasMore;
    }
    stores.cache.transaction(() => {
      for (const page of batch)
        for (const change of page.changes) {
          if (change.op !== 'upsert') continue;
          const cached: CachedEntity<Versioned> = caches[change.entity];
          cached.upsert(change.data);
          rows++;
        }
    })();
  }
  caches.dsar.endBulkLoad();
  const elapsed = ms(start);
  stores.close();
  return { ms: elapsed, rows };
}

/** The console: platform client (contract parsing), sync engine, cursor and overlays, as a user's first start. */
export interface BootstrapResult {
  ms: number;
  rows: number;
  firstRowsMs: number | null;
  peakRssMb: number;
  atPeak: { heapUsedMb: number; heapTotalMb: number; externalMb: number };
}

export async function engineBootstrap(url: string, token: string, dataDir: string): Promise<BootstrapResult> {
  const start = process.hrtime.bigint();
  // The main process's memory while it bootstraps (the platform runs in its own process).
  let peakRss = process.memoryUsage().rss;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) atPeak = now;
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  const console_ = await startConsole({
    dataDir,
    cacheKey: TEST_KEY,
    platform: { url, token },
    sync: { pollMs: 3_600_000, pull: { pageSize: PAGE, pagesPerTransaction: PAGES_PER_TRANSACTION } },
  });
  // The first page of the default queue view, asked as a screen does when told requests arrived.
  let firstRowsMs: number | null = null;
  console_.subscribe('cache.changed', ({ entities }) => {
    if (firstRowsMs !== null || !entities.includes('dsar')) return;
    void console_.dispatch('dsar.list', { statuses: [...openStatuses], limit: 200 }).then((page) => {
      if (firstRowsMs === null && page.ok && (page.value as { rows: unknown[] }).rows.length) firstRowsMs = ms(start);
    });
  });
  await console_.firstSync;
  const elapsed = ms(start);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const status = await console_.dispatch('sync.status', undefined);
  await console_.close();
  if (!status.ok) throw new Error('no status');
  const value = status.value as { applied: number; lastError: string | null };
  if (value.lastError) throw new Error(value.lastError);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    ms: elapsed,
    rows: value.applied,
    firstRowsMs,
    peakRssMb: peakRss / 1024 / 1024,
    // What the process held at its peak: the JavaScript heap, and outside it (buffers; SQLite's pages are the rest).
    atPeak: { heapUsedMb: mb(atPeak.heapUsed), heapTotalMb: mb(atPeak.heapTotal), externalMb: mb(atPeak.external) },
  };
}
