import type Database from 'better-sqlite3-multiple-ciphers';
import { isProblemCode, type ProblemCode, type ProblemParams } from '../../shared/domain/problems';
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
/** The platform's types that are not rules of the domain, as the problems the console words. */
const refusals: Record<string, ProblemCode> = {
  forbidden: 'refused-forbidden',
  'not-found': 'refused-not-found',
  exists: 'already-exists',
  'idempotency-key-reused': 'refused-key-reused',
};

/**
 * What a refusal says in the console's words: the rule by its code (the problem type's last segment,
 * …/problems/not-carried-out); for fields that broke the schema, the first field's problem.
 */
function problemOfRefusal(error: PlatformError): { code: ProblemCode; params?: ProblemParams } | null {
  const code = error.problem?.type.split('/').at(-1) ?? '';
  const first = error.problem?.errors?.[0];
  if (code === 'invalid-input' && first && isProblemCode(first.code)) return { code: first.code, params: first.params };
  if (isProblemCode(code)) return { code, params: error.problem?.params };
  return refusals[code] ? { code: refusals[code] } : null;
}

/**
 * Whether a failure is the platform's answer to the write itself (a refusal that becomes a conflict). Not an
 * answer: a transient failure; an answer that cannot be read or does not match the contract (it may say the
 * write applied); 401, which says who is asking is not known (signing in again decides, the write waits).
 */
function isAnswer(error: unknown): error is PlatformError {
  return error instanceof PlatformError && !error.transient && error.kind !== 'invalid_response' && error.status !== 401;
}

/** No undo window is longer. */
export const MAX_HOLD_MS = 5 * 60_000;

/** How often one write is rebased in a run before its staleness counts as a conflict after all. */
const MAX_REBASES = 3;

export async function push(ctx: PushContext): Promise<PushResult> {
  const result: PushResult = { delivered: 0, conflicts: 0, changed: new Set(), heldUntil: null };
  const rebased = new Map<number, number>();
  try {
    for (let write = ctx.outbox.next(); write; write = ctx.outbox.next()) {
      // An irreversible write waits out its moment for undo; the writes after it wait too, so the order holds.
      // A hold further ahead than any undo window (a clock set back) is over.
      const held = write.holdUntil ? Date.parse(write.holdUntil) - Date.now() : 0;
      if (held > 0 && held <= MAX_HOLD_MS) {
        result.heldUntil = write.holdUntil;
        break;
      }
      const descriptor = findEntity(write.entity);
      const key = new Set([entityKey(write.entity, write.entityId)]);
      if (!descriptor?.mutators[write.mutator]) {
        ctx.conflicts.refuse(write, 'rejected', `This console cannot send "${write.mutator}" changes of ${write.entity}.`, {
          code: 'refused-unknown-change',
        });
        ctx.cache.transaction(() => ctx.writes.reapply(key))();
        result.conflicts++;
        result.changed.add(write.entity);
        continue;
      }
      // Made in another workspace or as someone else (the platform was reset, the service token changed hands):
      // sending it would act in someone else's name. It becomes a visible refusal; the cache shows the platform's state.
      const now = ctx.outbox.currentIdentity();
      if (write.identity && now && write.identity !== now) {
        const nameOf = (identity: string) => {
          const staffId = identity.slice(identity.indexOf('/') + 1);
          return ctx.entities.staff.read(staffId)?.name ?? staffId;
        };
        ctx.conflicts.refuse(write, 'rejected', `Queued as ${write.identity}, signed in as ${now}: not sent.`, {
          code: 'refused-other-identity',
          params: { queuedAs: nameOf(write.identity), signedInAs: nameOf(now) },
        });
        ctx.cache.transaction(() => ctx.writes.reapply(key))();
        result.conflicts++;
        result.changed.add(write.entity);
        continue;
      }
      // Queued by a console whose contract differed (an update in between): sending it could only be refused, and
      // waiting would block every write behind it. It becomes a visible refusal, the cache shows the platform's state.
      const valid = descriptor.mutators[write.mutator].args.safeParse(write.args);
      if (!valid.success) {
        // Sent before without an answer: the platform may have applied it. Its state is fetched before refusing.
        const platformState = write.maybeSent ? await ctx.client.get(descriptor, write.entityId).catch(() => null) : null;
        const issue = valid.error.issues[0];
        const detail = `${issue?.path.join('.') || 'args'}: ${issue?.message ?? 'invalid'}`;
        ctx.conflicts.refuse(write, 'rejected', `The change does not fit the contract (${detail}).`, {
          code: 'refused-invalid-change',
          params: { detail },
        });
        ctx.cache.transaction(() => {
          if (platformState) ctx.entities[descriptor.name].upsert(platformState);
          ctx.writes.reapply(key);
        })();
        result.conflicts++;
        result.changed.add(write.entity);
        continue;
      }
      const cached: CachedEntity<Versioned> = ctx.entities[descriptor.name];
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
        // A 2xx says the platform applied it, even when its answer cannot be read or does not match the
        // contract: the entity as the platform holds it now stands for the answer, and the write is done.
        if (error instanceof PlatformError && error.kind === 'invalid_response' && error.status !== null && error.status < 300) {
          const fetched = await ctx.client.get(descriptor, write.entityId).catch(() => null);
          if (fetched) {
            ctx.outbox.acknowledge(write, fetched.version);
            ctx.cache.transaction(() => {
              cached.upsert(fetched);
              ctx.writes.refreshed(key);
            })();
            result.delivered++;
            result.changed.add(write.entity);
            continue;
          }
        }
        if (!isAnswer(error)) {
          // Only a refused connection proves the platform never saw it; a timeout, a server error, a broken or
          // unreadable answer may come after it applied. The write stays and goes again with its key.
          const uncertain = !(error instanceof PlatformError && error.kind === 'network' && error.neverSent);
          ctx.outbox.recordAttempt(write, error instanceof Error ? error.message : String(error), uncertain);
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
        // Its platform job moved the entity on: a change that means the same on the newer state goes again on it.
        const mutator = descriptor.mutators[write.mutator];
        const tries = rebased.get(write.seq) ?? 0;
        if (stale && serverState && mutator.kind === 'update' && mutator.rebase?.(serverState) && tries < MAX_REBASES) {
          rebased.set(write.seq, tries + 1);
          const newer = serverState;
          ctx.outbox.rebaseOnto(write, newer.version);
          ctx.cache.transaction(() => {
            cached.upsert(newer);
            ctx.writes.reapply(key);
          })();
          continue;
        }
        ctx.conflicts.refuse(write, stale ? 'stale' : 'rejected', error.problem?.detail ?? error.message, problemOfRefusal(error));
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
