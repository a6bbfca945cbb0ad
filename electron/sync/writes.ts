import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Scope } from '../../shared/api/common';
import { RuleError } from '../../shared/domain/rules';
import type { MutationContext, Mutator, Versioned } from '../../shared/entities/descriptor';
import { type EntityName, type EntityTypes, findEntity, type MutatorArgs, type MutatorName } from '../../shared/entities/registry';
import { HandlerError } from '../ipc/errors';
import type { CachedEntities, CachedEntity, PendingWrite } from './cached-entity';
import type { Outbox } from './outbox';

export interface WritePathDeps {
  cache: Database.Database;
  pending: Database.Database;
  outbox: Outbox;
  entities: CachedEntities;
  /** Staff id of the person at the console. */
  actor(): string;
  /** The scopes of the signed-in person; null while unknown (first start offline): the platform decides. */
  scopes(): readonly Scope[] | null;
  /** A local change happened: tell the UI, and send it. */
  changed(entities: EntityName[]): void;
  /** How long an irreversible write waits before it is sent, so it can be undone. */
  undoMs: number;
}

/** `dsar:dsr_1`: how an entity is named across entities. */
export const entityKey = (entity: string, id: string) => `${entity}:${id}`;

type AnyMutator = Mutator<Versioned, unknown>;

/**
 * The one way the console changes anything: `mutate(entity, id, mutator, args)` runs the entity's mutator on
 * the cached state as the check (a rule error comes back at once, offline too), commits the write to the
 * outbox (from that instant it survives a crash), shows the mutator's result in the cache, and tells the
 * sync. The platform runs the same mutator as the authority.
 *
 * What the cache shows for an entity with pending writes is always computed from the platform's state
 * underneath (kept in `overlay_base`), never from an earlier overlay: after a pull, an acknowledgement or a
 * restart the writes are run again on that state (`refreshed`, `reapply`), so none is shown twice.
 */
export function writePath(deps: WritePathDeps) {
  const { cache } = deps;
  const bases = {
    get: cache.prepare<[string, string], { doc: string }>('SELECT doc FROM overlay_base WHERE entity = ? AND id = ?'),
    keep: cache.prepare('INSERT OR IGNORE INTO overlay_base (entity, id, doc) VALUES (?, ?, ?)'),
    drop: cache.prepare('DELETE FROM overlay_base WHERE entity = ? AND id = ?'),
    all: cache.prepare<[], { entity: string; id: string }>('SELECT entity, id FROM overlay_base'),
  };
  const store = (name: EntityName) => deps.entities[name] as CachedEntity<Versioned>;

  /** Results of the current batch not yet in the cache: later writes of the batch build on them. */
  let staged: Map<string, { entity: EntityName; doc: Versioned }> | null = null;
  let queued: {
    entity: EntityName;
    id: string;
    mutator: string;
    args: Record<string, unknown>;
    baseVersion: number;
    holdUntil: string | null;
  }[] = [];

  /**
   * What a batch read from the cache, parsed once: nothing changes the cache until the batch commits, and a bulk
   * decision asks for the same review, holders and grants thousands of times.
   */
  let batchReads: Map<string, Versioned | null> | null = null;
  const cached = (name: EntityName, id: string): Versioned | null => {
    if (!batchReads) return store(name).read(id);
    const key = entityKey(name, id);
    let doc = batchReads.get(key);
    if (doc === undefined) {
      doc = store(name).read(id);
      batchReads.set(key, doc);
    }
    return doc;
  };
  const read = (name: EntityName, id: string): Versioned | null => staged?.get(entityKey(name, id))?.doc ?? cached(name, id);
  const context = (): MutationContext => ({
    actor: deps.actor(),
    at: new Date().toISOString(),
    newId: () => `pending-${randomUUID()}`,
    digest: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    find: <N extends keyof EntityTypes>(name: N, id: string) => read(name, id) as EntityTypes[N] | null,
  });
  const apply = (mutator: AnyMutator, current: Versioned | null, args: unknown): Versioned =>
    mutator.kind === 'create'
      ? mutator.apply(null, args as { id: string }, context())
      : mutator.apply(current as Versioned, args, context());

  /** Shows a pending write's result, keeping the platform's state underneath the first time. */
  const show = (name: EntityName, doc: Versioned) => {
    if (!bases.get.get(name, doc.id)) {
      const platform = cached(name, doc.id);
      bases.keep.run(name, doc.id, platform ? JSON.stringify(platform) : 'null');
    }
    store(name).overlay(doc);
  };

  /** Puts the platform's state back where pending writes were shown (whatever version the row shows now). */
  const restore = (name: EntityName, id: string) => {
    const base = bases.get.get(name, id);
    if (!base) return;
    store(name).remove(id);
    if (base.doc !== 'null') store(name).upsert(JSON.parse(base.doc) as Versioned);
    bases.drop.run(name, id);
  };

  /** Runs one pending write again on what the cache holds now. A rule that no longer holds hides it: sending it decides. */
  const reshow = (write: PendingWrite) => {
    const mutator = findEntity(write.entity)?.mutators[write.mutator];
    if (!mutator) return;
    const current = store(write.entity).read(write.entityId);
    // A create the platform already has (its answer was lost), or a change of an entity that is gone.
    if (mutator.kind === 'create' ? current !== null : current === null) return;
    try {
      const next = apply(mutator, current, write.args);
      if (next !== current) show(write.entity, next);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
    }
  };

  /** Commits what was queued: the outbox first (then it survives a crash), the cache's view after. */
  const commit = () => {
    const writes = queued;
    const results = staged ?? new Map();
    queued = [];
    staged = null;
    if (!writes.length) return;
    deps.pending.transaction(() => {
      for (const w of writes) deps.outbox.enqueue(w.entity, w.id, w.mutator, w.args, w.baseVersion, w.holdUntil);
    })();
    cache.transaction(() => {
      for (const { entity, doc } of results.values()) show(entity, doc);
    })();
    // What the batch read is stale once its writes are shown: whatever runs next (a push) reads the cache itself.
    batchReads = null;
    deps.changed([...new Set(writes.map((w) => w.entity))]);
  };

  function mutate<N extends EntityName, M extends MutatorName<N>>(
    name: N,
    id: string,
    mutatorName: M,
    args: MutatorArgs<N, M>,
  ): EntityTypes[N] {
    const descriptor = findEntity(name);
    const mutator = descriptor?.mutators[mutatorName];
    if (!descriptor || !mutator) throw new Error(`${name} has no mutator ${mutatorName}`);
    const scope = mutator.scope ?? descriptor.scopes.write;
    const scopes = deps.scopes();
    if (scopes && (!scope || !scopes.includes(scope))) {
      throw new HandlerError(
        'forbidden',
        `Your platform role may not change a ${descriptor.label} (it lacks ${scope ?? 'a write scope'}).`,
        {
          problem: 'role-lacks-scope',
          params: { scope: scope ?? '–' },
        },
      );
    }
    const parsed = mutator.args.safeParse(args);
    if (!parsed.success) throw RuleError.fromZod(`The change to the ${descriptor.label} is not valid.`, parsed.error);
    if (mutator.kind === 'create' && (parsed.data as { id: string }).id !== id) throw new Error(`a create of ${id} carries another id`);
    const current = read(name, id);
    if (mutator.kind === 'create' && current) {
      throw new HandlerError('invalid_input', `A ${descriptor.label} ${id} exists already.`, { problem: 'already-exists', params: { id } });
    }
    if (mutator.kind === 'update' && !current) throw new HandlerError('not_found', `No ${descriptor.label} ${id} in the cache.`);
    const next = apply(mutator, current, parsed.data);
    // Nothing changes: nothing to send.
    if (next === current) return current as EntityTypes[N];
    const single = staged === null;
    staged ??= new Map();
    staged.set(entityKey(name, id), { entity: name, doc: next });
    const irreversible = mutator.kind === 'update' && mutator.irreversible?.(current as Versioned, parsed.data, deps.actor());
    queued.push({
      entity: name,
      id,
      mutator: mutatorName,
      args: parsed.data as Record<string, unknown>,
      baseVersion: current?.version ?? 0,
      holdUntil: irreversible ? new Date(Date.now() + deps.undoMs).toISOString() : null,
    });
    if (single) commit();
    return next as EntityTypes[N];
  }

  /**
   * Shows the pending writes of these entities (all when absent) again, from the platform's state. Without a
   * set (at start) every kept state is put back, also where no write is pending any more: a crash between a
   * write's acknowledgement and the cache's update leaves one behind, and the next pull brings the newer state.
   */
  function reapply(only?: Set<string>): void {
    const writes = deps.outbox.all().filter((w) => !only || only.has(entityKey(w.entity, w.entityId)));
    const keys =
      only ?? new Set([...bases.all.all().map((b) => entityKey(b.entity, b.id)), ...writes.map((w) => entityKey(w.entity, w.entityId))]);
    for (const key of keys) {
      const [name, id] = key.split(/:(.*)/s) as [EntityName, string];
      restore(name, id);
    }
    for (const write of writes) reshow(write);
  }

  return {
    mutate,
    /** Many writes as one: queued together, shown together, one notification. Answers how many were queued. */
    batch(work: () => void): number {
      if (staged) throw new Error('batches do not nest');
      staged = new Map();
      batchReads = new Map();
      try {
        work();
        const count = queued.length;
        commit();
        return count;
      } finally {
        staged = null;
        batchReads = null;
        queued = [];
      }
    },
    reapply,
    /**
     * Inside a batch: entities the caller has just read from the cache in one query (a selection's rows), so the
     * batch does not read them again one by one. Outside a batch it does nothing.
     */
    prime(name: EntityName, docs: readonly Versioned[]): void {
      if (!batchReads) return;
      for (const doc of docs) batchReads.set(entityKey(name, doc.id), doc);
    },
    /**
     * Takes back the newest write of an entity while it is still in the outbox (held, or waiting for the
     * platform): it leaves the outbox, and the entity shows the platform's state with the writes before it.
     * Answers the write undone, or null when there is none left to undo (sent, or being sent).
     */
    undo(name: EntityName, id: string, seq?: number): PendingWrite | null {
      const write = deps.outbox.undoable(name, id);
      // The officer undoes what the bar showed: if that is no longer what can be undone, nothing happens.
      if (!write || (seq !== undefined && write.seq !== seq)) return null;
      deps.outbox.takeBack(write);
      cache.transaction(() => reapply(new Set([entityKey(name, id)])))();
      deps.changed([name]);
      return write;
    },
    /**
     * The platform's state of these entities has just been stored (a pull, an acknowledged or refused write):
     * it is the new state underneath their pending writes, which are shown again on top of it. Call inside
     * the cache transaction that stored it.
     */
    refreshed(keys: Set<string>): void {
      const affected = new Set<string>();
      for (const { entity, id } of bases.all.all()) if (keys.has(entityKey(entity, id))) affected.add(entityKey(entity, id));
      for (const { entity, id } of deps.outbox.pendingEntities()) if (keys.has(entityKey(entity, id))) affected.add(entityKey(entity, id));
      for (const key of affected) {
        const [name, id] = key.split(/:(.*)/s) as [EntityName, string];
        bases.drop.run(name, id);
      }
      if (affected.size) reapply(affected);
    },
    /** Forgets what lay under pending writes (the mirror is being rebuilt from the platform). */
    forgetBases(): void {
      cache.exec('DELETE FROM overlay_base');
    },
  };
}
export type WritePath = ReturnType<typeof writePath>;
