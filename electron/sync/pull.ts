import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChangesPage } from '../../shared/api/changes';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { SyncedEntity } from './entity-store';
import type { Outbox } from './outbox';
import type { SyncState } from './sync-state';

export interface PullOptions {
  pageSize?: number;
  /** Pages applied per transaction: fewer commits, and the cursor always moves with its rows. */
  pagesPerTransaction?: number;
  onProgress?(applied: number): void;
}

export interface PullContext {
  cache: Database.Database;
  client: PlatformClient;
  entities: Map<string, SyncedEntity>;
  outbox: Outbox;
  state: SyncState;
}

/** Re-shows pending local writes over freshly pulled state, so the user never sees their change flicker away. */
export function reapplyOverlays(ctx: Pick<PullContext, 'entities' | 'outbox'>, only?: Set<string>): void {
  for (const { entity, id } of ctx.outbox.pendingEntities()) {
    if (only && !only.has(`${entity}:${id}`)) continue;
    const synced = ctx.entities.get(entity);
    if (!synced?.overlay) continue;
    for (const write of ctx.outbox.forEntity(entity, id)) synced.overlay(write);
  }
}

/**
 * Pulls the changes feed into the cache. The next page is requested before the current batch is written,
 * so the platform's work overlaps ours. Returns the names of the entities that changed.
 */
export async function pull(ctx: PullContext, options: PullOptions = {}): Promise<Set<string>> {
  const pageSize = options.pageSize ?? 1000;
  const pagesPerTransaction = options.pagesPerTransaction ?? 5;
  const changed = new Set<string>();
  let cursor = ctx.state.get('cursor') ?? '0';
  let applied = 0;

  const request = (after: string) => {
    const next = ctx.client.changes(after, pageSize);
    next.catch(() => undefined); // observed below; never an unhandled rejection while a batch is written
    return next;
  };

  const bootstrap = cursor === '0';
  let inFlight: Promise<ChangesPage> | null = request(cursor);
  try {
    while (inFlight) {
      const batch: ChangesPage[] = [];
      while (inFlight && batch.length < pagesPerTransaction) {
        const page: ChangesPage = await inFlight;
        batch.push(page);
        inFlight = page.hasMore ? request(page.cursor) : null;
      }
      // A bootstrap of more than one page builds indexes once at the end instead of row by row.
      if (bootstrap && applied === 0 && inFlight) for (const synced of ctx.entities.values()) synced.beginBulkLoad?.();
      cursor = batch[batch.length - 1].cursor;
      applied += applyBatch(ctx, batch, cursor, changed);
      options.onProgress?.(applied);
    }
  } catch (error) {
    if (error instanceof PlatformError && error.status === 410) {
      // The platform was reset: our cursor means nothing there any more. Start over from an empty mirror.
      resetMirror(ctx);
      return pull(ctx, options);
    }
    throw error;
  }
  // Also completes a bulk load interrupted by a crash or a lost connection in an earlier pull.
  for (const synced of ctx.entities.values()) synced.endBulkLoad?.();
  ctx.state.set('last_synced_at', new Date().toISOString());
  return changed;
}

function applyBatch(ctx: PullContext, pages: ChangesPage[], cursor: string, changed: Set<string>): number {
  let count = 0;
  const touched = new Set<string>();
  ctx.cache.transaction(() => {
    for (const page of pages) {
      for (const change of page.changes) {
        const synced = ctx.entities.get(change.entity);
        if (!synced) continue;
        if (change.op === 'delete') synced.remove(change.id);
        else synced.upsert(change.data);
        changed.add(change.entity);
        touched.add(`${change.entity}:${change.id}`);
        count++;
      }
    }
    if (touched.size) reapplyOverlays(ctx, touched);
    ctx.state.set('cursor', cursor);
  })();
  return count;
}

export function resetMirror(ctx: Pick<PullContext, 'cache' | 'entities' | 'state' | 'outbox'>): void {
  ctx.cache.transaction(() => {
    for (const synced of ctx.entities.values()) synced.clear();
    ctx.state.set('cursor', '0');
  })();
}
