import type Database from 'better-sqlite3-multiple-ciphers';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { SyncedEntity } from './entity-store';
import type { Conflicts, Outbox } from './outbox';
import { reapplyOverlays } from './pull';

export interface PushContext {
  cache: Database.Database;
  client: PlatformClient;
  entities: Map<string, SyncedEntity>;
  outbox: Outbox;
  conflicts: Conflicts;
}

export interface PushResult {
  delivered: number;
  conflicts: number;
  changed: Set<string>;
}

/**
 * Sends the outbox in order. A transient failure stops the run and leaves the write where it is (the same
 * Idempotency-Key goes out next time, so the platform applies it once). A refusal becomes a conflict: the
 * platform's state wins in the cache, the user's intended change waits in `conflicts`.
 */
export async function push(ctx: PushContext): Promise<PushResult> {
  const result: PushResult = { delivered: 0, conflicts: 0, changed: new Set() };
  for (let write = ctx.outbox.next(); write; write = ctx.outbox.next()) {
    const synced = ctx.entities.get(write.entity);
    if (!synced?.send) {
      ctx.conflicts.add(write, 'rejected', `This console cannot send ${write.entity} changes.`);
      ctx.outbox.remove(write.seq);
      continue;
    }
    try {
      const saved = await synced.send(ctx.client, write);
      ctx.cache.transaction(() => {
        synced.upsert(saved);
      })();
      ctx.outbox.acknowledge(write, saved.version);
      reapplyOverlays(ctx, new Set([`${write.entity}:${write.entityId}`]));
      result.delivered++;
    } catch (error) {
      if (!(error instanceof PlatformError) || error.transient) {
        ctx.outbox.recordAttempt(write.seq, error instanceof Error ? error.message : String(error));
        throw error;
      }
      const stale = error.status === 412;
      const current = stale ? synced.schema.safeParse(error.problem?.current) : null;
      let serverState = current?.success ? current.data : null;
      // The cache shows the refused change; it must show the platform's state again. `absent`: the platform
      // has no such entity (a refused create), so the local row goes.
      let absent = false;
      if (!serverState && synced.fetch) {
        const fetched = await synced.fetch(ctx.client, write.entityId).catch(() => undefined);
        serverState = fetched ?? null;
        absent = fetched === null;
      }
      ctx.cache.transaction(() => {
        if (serverState) synced.upsert(serverState);
        else if (absent) synced.remove(write.entityId);
      })();
      ctx.conflicts.add(write, stale ? 'stale' : 'rejected', error.problem?.detail ?? error.message);
      ctx.outbox.remove(write.seq);
      reapplyOverlays(ctx, new Set([`${write.entity}:${write.entityId}`]));
      result.conflicts++;
    }
    result.changed.add(write.entity);
  }
  return result;
}
