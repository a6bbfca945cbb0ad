import type Database from 'better-sqlite3-multiple-ciphers';
import { isProblemCode } from '../../shared/domain/problems';
import type { Versioned } from '../../shared/entities/descriptor';
import { findEntity } from '../../shared/entities/registry';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import type { CachedEntities, CachedEntity } from './cached-entity';
import type { Conflicts, Outbox } from './outbox';
import { entityKey, type WritePath } from './writes';

export interface PushContext {
  cache: Database.Database;
  client: PlatformClient;
  entities: CachedEntities;
  writes: WritePath;
  outbox: Outbox;
  conflicts: Conflicts;
}

export interface PushResult {
  delivered: number;
  conflicts: number;
  changed: Set<string>;
  /** The run stopped at a write held for undo until then: the next run is due at that instant. */
  heldUntil: string | null;
}

/**
 * Sends the outbox in order, each write as its mutator's operation. A transient failure stops the run and
 * leaves the write where it is (the same Idempotency-Key goes out next time, so the platform applies it
 * once). A refusal becomes a conflict: the platform's state wins in the cache, the user's intended change
 * waits in `conflicts`.
 */
export async function push(ctx: PushContext): Promise<PushResult> {
  const result: PushResult = { delivered: 0, conflicts: 0, changed: new Set(), heldUntil: null };
  try {
    for (let write = ctx.outbox.next(); write; write = ctx.outbox.next()) {
      // An irreversible write waits out its moment for undo; the writes after it wait too, so the order holds.
      if (write.holdUntil && Date.parse(write.holdUntil) > Date.now()) {
        result.heldUntil = write.holdUntil;
        break;
      }
      const descriptor = findEntity(write.entity);
      if (!descriptor?.mutators[write.mutator]) {
        ctx.conflicts.refuse(write, 'rejected', `This console cannot send "${write.mutator}" changes of ${write.entity}.`);
        continue;
      }
      const cached: CachedEntity<Versioned> = ctx.entities[descriptor.name];
      const key = new Set([entityKey(write.entity, write.entityId)]);
      ctx.outbox.markSending(write.seq);
      try {
        const saved = await ctx.client.mutate(descriptor, write.mutator, write.entityId, write.args, {
          version: write.baseVersion,
          idempotencyKey: write.idempotencyKey,
        });
        // Acknowledged first: a crash before the cache's update leaves the kept platform state, which the start
        // puts back and the next pull brings up to date; never the write twice.
        ctx.outbox.acknowledge(write, saved.version);
        ctx.cache.transaction(() => {
          cached.upsert(saved);
          ctx.writes.refreshed(key);
        })();
        result.delivered++;
      } catch (error) {
        if (!(error instanceof PlatformError) || error.transient) {
          ctx.outbox.recordAttempt(write.seq, error instanceof Error ? error.message : String(error));
          throw error;
        }
        const stale = error.status === 412;
        const current = stale ? descriptor.schema.safeParse(error.problem?.current) : null;
        let serverState: Versioned | null = current?.success ? current.data : null;
        // The cache shows the refused change; it must show the platform's state again. `absent`: the platform
        // has no such entity (a refused create), so the local row goes.
        let absent = false;
        if (!serverState) {
          const fetched = await ctx.client.get(descriptor, write.entityId).catch((failure: unknown) => {
            if (failure instanceof PlatformError && failure.status === 404) return null;
            return undefined;
          });
          serverState = fetched ?? null;
          absent = fetched === null;
        }
        // The problem type's last segment is the rule's code (…/problems/not-carried-out).
        const code = error.problem?.type.split('/').at(-1);
        ctx.conflicts.refuse(
          write,
          stale ? 'stale' : 'rejected',
          error.problem?.detail ?? error.message,
          isProblemCode(code) ? { code, params: error.problem?.params } : null,
        );
        ctx.cache.transaction(() => {
          if (serverState || absent) {
            if (serverState) cached.upsert(serverState);
            else cached.remove(write.entityId);
            ctx.writes.refreshed(key);
          } else {
            // The platform's state could not be fetched: the last one known, under the writes still pending.
            ctx.writes.reapply(key);
          }
        })();
        result.conflicts++;
      }
      result.changed.add(write.entity);
    }
  } finally {
    ctx.outbox.markSending(null);
  }
  return result;
}
