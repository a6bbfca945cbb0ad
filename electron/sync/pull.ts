import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChangesPage } from '../../shared/api/changes';
import type { Versioned } from '../../shared/entities/descriptor';
import { isBulkLoading } from '../cache/bulk-load';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { CachedEntities, CachedEntity } from './cached-entity';
import { feedPages } from './feed';
import type { SyncState } from './sync-state';
import { entityKey, type WritePath } from './writes';

/** SQLite's page cache while a large bootstrap writes (KiB, negative as the pragma takes it). */
const BOOTSTRAP_CACHE_SIZE = -16_384;
/**
 * ... and while it builds the indexes at its end: each index is a pass over a table far larger than any cache, so
 * a larger one only adds to the sort's memory (all in memory, see `temp_store` in the encrypted store).
 */
const INDEX_BUILD_CACHE_SIZE = -4_096;
/**
 * A bootstrap of at most this many changes keeps the screens' page cache: its requests' queue rows (~320 bytes
 * each) fit in it, so the index builds at the end read the table from memory instead of decrypting it once per
 * index (100,000 requests: 2.2 s instead of 2.8 s), and its memory is no concern at that size.
 */
const SMALL_BOOTSTRAP = 150_000;

export interface PullOptions {
  pageSize?: number;
  /** Pages applied per transaction: fewer commits, and the cursor always moves with its rows. */
  pagesPerTransaction?: number;
  /** After each batch: how many changes were applied so far, and at most how many follow (when the platform says). */
  onProgress?(applied: number, remaining: number | null): void;
  /** After each batch of a bootstrap is committed: the entities it stored (the screens may show them already). */
  onBatch?(entities: Set<string>): void;
}

export interface PullContext {
  cache: Database.Database;
  client: PlatformClient;
  entities: CachedEntities;
  writes: WritePath;
  state: SyncState;
}

/**
 * Pulls the changes feed into the cache. The feed is read ahead (see `feedPages`), so the platform's work overlaps
 * ours. Returns the names of the entities that changed.
 */
export async function pull(ctx: PullContext, options: PullOptions = {}, afterReset = false): Promise<Set<string>> {
  const pageSize = options.pageSize ?? 1000;
  const pagesPerTransaction = options.pagesPerTransaction ?? 5;
  const changed = new Set<string>();
  let cursor = ctx.state.get('cursor') ?? '0';
  let applied = 0;
  const caches = Object.values(ctx.entities);

  const bootstrap = cursor === '0';
  // A large bulk load writes each page once and reads nothing back: SQLite's page cache (64 MiB for the screens)
  // is kept small meanwhile, so the first connection to a large platform does not hold it on top of the pages in flight.
  const pageCache = ctx.cache.pragma('cache_size', { simple: true }) as number;
  let shrunk = false;
  const feed = feedPages(ctx.client, pageSize);
  try {
    let inFlight: Promise<ChangesPage> | null = feed.after(cursor);
    while (inFlight) {
      const batch: ChangesPage[] = [];
      // A bootstrap commits its first page alone, so the first rows are there as early as possible.
      const pages = bootstrap && applied === 0 ? 1 : pagesPerTransaction;
      while (inFlight && batch.length < pages) {
        const page: ChangesPage = await inFlight;
        batch.push(page);
        inFlight = page.hasMore ? feed.after(page.cursor) : null;
      }
      if (applied === 0) {
        // A bootstrap of more than one page builds indexes once at the end instead of row by row.
        const began = bootstrap && inFlight !== null;
        if (began) for (const cached of caches) cached.beginBulkLoad?.();
        // A bulk load cut off in an earlier pull goes on here; how large it is, is not known.
        const resumed = !bootstrap && isBulkLoading(ctx.cache);
        const following = batch[0].remaining;
        if (resumed || (began && (following === undefined || following > SMALL_BOOTSTRAP))) {
          ctx.cache.pragma(`cache_size = ${BOOTSTRAP_CACHE_SIZE}`);
          shrunk = true;
        }
      }
      cursor = batch[batch.length - 1].cursor;
      const stored = new Set<string>();
      applied += applyBatch(ctx, batch, cursor, stored);
      for (const name of stored) changed.add(name);
      options.onProgress?.(applied, batch[batch.length - 1].remaining ?? null);
      if (bootstrap && inFlight) options.onBatch?.(stored);
    }
  } catch (error) {
    if (shrunk) ctx.cache.pragma(`cache_size = ${pageCache}`);
    if (error instanceof PlatformError && error.status === 410) {
      // A platform that answers 410 again after a reset would have the console empty its mirror forever.
      if (afterReset) throw new PlatformError('invalid_response', 'The platform refused its changes feed again after a reset (410).', 410);
      // The platform was reset: our cursor means nothing there any more. Start over from an empty mirror, once.
      resetMirror(ctx);
      return pull(ctx, options, true);
    }
    throw error;
  } finally {
    // Pages asked for early are cancelled when the pull ends on an error (after the last page none are asked for).
    feed.stop();
  }
  // Also completes a bulk load interrupted by a crash or a lost connection in an earlier pull.
  try {
    if (shrunk) ctx.cache.pragma(`cache_size = ${INDEX_BUILD_CACHE_SIZE}`);
    for (const cached of caches) cached.endBulkLoad?.();
  } finally {
    if (shrunk) ctx.cache.pragma(`cache_size = ${pageCache}`);
  }
  ctx.state.set('last_synced_at', new Date().toISOString());
  return changed;
}

function applyBatch(ctx: PullContext, pages: ChangesPage[], cursor: string, changed: Set<string>): number {
  let count = 0;
  const stored = new Set<string>();
  ctx.cache.transaction(() => {
    for (const page of pages) {
      for (const change of page.changes) {
        // The feed names the entity of each change; the contract has parsed its data with that entity's schema.
        const cached: CachedEntity<Versioned> = ctx.entities[change.entity];
        if (change.op === 'delete') {
          cached.remove(change.id);
          stored.add(entityKey(change.entity, change.id));
        } else if (cached.upsert(change.data)) {
          stored.add(entityKey(change.entity, change.id));
        }
        changed.add(change.entity);
        count++;
      }
    }
    if (stored.size) ctx.writes.refreshed(stored);
    ctx.state.set('cursor', cursor);
  })();
  return count;
}

export function resetMirror(ctx: Pick<PullContext, 'cache' | 'entities' | 'state' | 'writes'>): void {
  ctx.cache.transaction(() => {
    for (const cached of Object.values(ctx.entities)) cached.clear();
    ctx.writes.forgetBases();
    ctx.state.set('cursor', '0');
  })();
}
