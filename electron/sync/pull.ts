import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChangesPage } from '../../shared/api/changes';
import type { Versioned } from '../../shared/entities/descriptor';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { CachedEntities, CachedEntity } from './cached-entity';
import type { SyncState } from './sync-state';
import { entityKey, type WritePath } from './writes';

/** SQLite's page cache while a bootstrap writes (KiB, negative as the pragma takes it). */
const BOOTSTRAP_CACHE_SIZE = -16_384;

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
 * Pulls the changes feed into the cache. The next page is requested before the current batch is written,
 * so the platform's work overlaps ours. Returns the names of the entities that changed.
 */
export async function pull(ctx: PullContext, options: PullOptions = {}, afterReset = false): Promise<Set<string>> {
  const pageSize = options.pageSize ?? 1000;
  const pagesPerTransaction = options.pagesPerTransaction ?? 5;
  const changed = new Set<string>();
  let cursor = ctx.state.get('cursor') ?? '0';
  let applied = 0;
  const caches = Object.values(ctx.entities);

  const request = (after: string) => {
    const next = ctx.client.changes(after, pageSize).then((page) => {
      // A platform that says "more" without moving on would keep the console pulling the same page forever.
      if (page.hasMore && page.cursor === after) {
        throw new PlatformError('invalid_response', `The changes feed did not move past ${after} although it has more.`);
      }
      return page;
    });
    next.catch(() => undefined); // observed below; never an unhandled rejection while a batch is written
    return next;
  };

  const bootstrap = cursor === '0';
  let inFlight: Promise<ChangesPage> | null = request(cursor);
  // A bootstrap writes each page once and reads nothing back: SQLite's page cache (64 MiB for the screens)
  // is kept small meanwhile, so the first connection to a large platform does not hold it on top of the pages in flight.
  const pageCache = ctx.cache.pragma('cache_size', { simple: true }) as number;
  let shrunk = false;
  try {
    while (inFlight) {
      const batch: ChangesPage[] = [];
      // A bootstrap commits its first page alone, so the first rows are there as early as possible.
      const pages = bootstrap && applied === 0 ? 1 : pagesPerTransaction;
      while (inFlight && batch.length < pages) {
        const page: ChangesPage = await inFlight;
        batch.push(page);
        inFlight = page.hasMore ? request(page.cursor) : null;
      }
      // A bootstrap of more than one page builds indexes once at the end instead of row by row.
      if (bootstrap && applied === 0 && inFlight) {
        for (const cached of caches) cached.beginBulkLoad?.();
        ctx.cache.pragma(`cache_size = ${BOOTSTRAP_CACHE_SIZE}`);
        shrunk = true;
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
  }
  // Also completes a bulk load interrupted by a crash or a lost connection in an earlier pull (still with the
  // small cache: the index sorts run in memory, see `temp_store` in the encrypted store).
  try {
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
