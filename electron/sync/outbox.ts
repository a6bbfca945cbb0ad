import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { isProblemCode, type ProblemCode, type ProblemParams } from '../../shared/domain/problems';
import type { EntityName } from '../../shared/entities/registry';
import type { Conflict } from '../../shared/ipc/contract';
import type { AuditTrail } from '../audit/trail';
import type { PendingWrite } from './cached-entity';

interface OutboxRow {
  seq: number;
  entity: EntityName;
  entity_id: string;
  mutator: string;
  args: string;
  base_version: number;
  idempotency_key: string;
  attempts: number;
  hold_until: string | null;
  maybe_sent: number;
  identity: string | null;
}

const toWrite = (row: OutboxRow): PendingWrite => ({
  seq: row.seq,
  entity: row.entity,
  entityId: row.entity_id,
  mutator: row.mutator,
  args: JSON.parse(row.args) as Record<string, unknown>,
  baseVersion: row.base_version,
  idempotencyKey: row.idempotency_key,
  attempts: row.attempts,
  holdUntil: row.hold_until,
  maybeSent: row.maybe_sent === 1,
  identity: row.identity,
});

/**
 * Writes waiting for the platform, in the order the user made them. A write is committed here before the
 * UI shows it and removed only once the platform acknowledged it (or refused it, which makes a conflict).
 */
export class Outbox {
  private readonly statements;
  /** The write being sent right now: it can no longer be undone. */
  private sending: number | null = null;

  /**
   * `identity` says in which workspace and as whom writes are made now ("<workspace>/<staff>"); each write
   * keeps it, and one that no longer matches when it is sent is refused instead of sent as someone else.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly identity: () => string | null = () => null,
    /** Each write's row in the audit trail: made when queued, answered when it leaves the outbox. */
    readonly trail: AuditTrail | null = null,
  ) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO outbox (entity, entity_id, mutator, args, base_version, idempotency_key, created_at, hold_until, identity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      first: db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq LIMIT 1'),
      all: db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq'),
      remove: db.prepare('DELETE FROM outbox WHERE seq = ?'),
      rebase: db.prepare('UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND seq > ? AND base_version = ?'),
      rebaseOne: db.prepare('UPDATE outbox SET base_version = ? WHERE seq = ?'),
      attempt: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, maybe_sent = max(maybe_sent, ?) WHERE seq = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox'),
      release: db.prepare('UPDATE outbox SET hold_until = NULL WHERE entity = ? AND entity_id = ? AND hold_until IS NOT NULL'),
      // What the undo bar offers: the newest held write of the entity, else its newest write that surely never arrived.
      undoable: db.prepare<[string, string, number], OutboxRow>(
        `SELECT * FROM outbox WHERE entity = ? AND entity_id = ? AND maybe_sent = 0 AND seq != ?
         ORDER BY hold_until IS NOT NULL DESC, seq DESC LIMIT 1`,
      ),
      entityIds: db.prepare<[], { entity: EntityName; entity_id: string }>('SELECT DISTINCT entity, entity_id FROM outbox'),
    };
  }

  /** In which workspace and as whom writes are made now. */
  currentIdentity(): string | null {
    return this.identity();
  }

  enqueue(
    entity: EntityName,
    entityId: string,
    mutator: string,
    args: Record<string, unknown>,
    baseVersion: number,
    holdUntil: string | null = null,
  ): PendingWrite {
    const key = `pc-${randomUUID()}`;
    const identity = this.identity();
    const { lastInsertRowid } = this.statements.insert.run(
      entity,
      entityId,
      mutator,
      JSON.stringify(args),
      baseVersion,
      key,
      new Date().toISOString(),
      holdUntil,
      identity,
    );
    const write: PendingWrite = {
      seq: Number(lastInsertRowid),
      entity,
      entityId,
      mutator,
      args,
      baseVersion,
      idempotencyKey: key,
      attempts: 0,
      holdUntil,
      maybeSent: false,
      identity,
    };
    this.trail?.queued(write);
    return write;
  }

  /**
   * The write of this entity the officer can still take back: its newest held one, else its newest one the
   * platform surely does not have (refused connections only; not one that timed out, nor one being sent).
   */
  undoable(entity: EntityName, entityId: string): PendingWrite | null {
    const row = this.statements.undoable.get(entity, entityId, this.sending ?? -1);
    return row ? toWrite(row) : null;
  }

  /** The entity's held writes go with the next push. Answers how many were held. */
  release(entity: EntityName, entityId: string): number {
    return this.statements.release.run(entity, entityId).changes;
  }

  /** The push marks the write it sends (null when done): from then on it is the platform's. */
  markSending(seq: number | null): void {
    this.sending = seq;
  }

  next(): PendingWrite | null {
    const row = this.statements.first.get();
    return row ? toWrite(row) : null;
  }

  all(): PendingWrite[] {
    return this.statements.all.all().map(toWrite);
  }

  /** Entities that have writes waiting, so the cache can keep showing them over pulled state. */
  pendingEntities(): { entity: EntityName; id: string }[] {
    return this.statements.entityIds.all().map((row) => ({ entity: row.entity, id: row.entity_id }));
  }

  /** The platform took the write: later writes to the same entity now build on the version it answered. */
  acknowledge(write: PendingWrite, newVersion: number): void {
    this.db.transaction(() => {
      this.statements.remove.run(write.seq);
      this.statements.rebase.run(newVersion, write.entity, write.entityId, write.seq, write.baseVersion);
      this.trail?.applied(write, newVersion);
    })();
  }

  /** The officer took the write back before the platform had it: it leaves the outbox, the trail says undone. */
  takeBack(write: PendingWrite): void {
    this.db.transaction(() => {
      this.statements.remove.run(write.seq);
      this.trail?.undone(write);
    })();
  }

  /** A write now builds on a newer version the platform holds (only this one: each later write is judged by itself). */
  rebaseOnto(write: PendingWrite, version: number): void {
    this.statements.rebaseOne.run(version, write.seq);
  }

  remove(seq: number): void {
    this.statements.remove.run(seq);
  }

  /** A failed attempt; `uncertain` when it ended without an answer, so the platform may have applied it. */
  recordAttempt(write: PendingWrite, error: string, uncertain = false): void {
    this.db.transaction(() => {
      this.statements.attempt.run(error, uncertain ? 1 : 0, write.seq);
      this.trail?.attempted(write, error);
    })();
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }
}

interface ConflictRow {
  id: string;
  entity: EntityName;
  entity_id: string;
  mutator: string;
  kind: 'stale' | 'rejected';
  intended: string;
  problem: string | null;
  params: string | null;
  detail: string;
  created_at: string;
}

const toConflict = (row: ConflictRow): Conflict => ({
  id: row.id,
  entity: row.entity,
  entityId: row.entity_id,
  mutator: row.mutator,
  kind: row.kind,
  intended: JSON.parse(row.intended) as Record<string, unknown>,
  problem: isProblemCode(row.problem) ? row.problem : null,
  params: row.params ? (JSON.parse(row.params) as ProblemParams) : {},
  detail: row.detail,
  createdAt: row.created_at,
});

/** Writes the platform did not take. The user's intended change is kept until they re-apply or discard it. */
export class Conflicts {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly outbox: Outbox,
  ) {
    this.statements = {
      // A write refused again after a crash (its conflict recorded, its removal from the outbox lost) replaces it.
      insert: db.prepare(
        'INSERT OR REPLACE INTO conflicts (id, entity, entity_id, mutator, kind, intended, problem, params, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      all: db.prepare<[], ConflictRow>('SELECT * FROM conflicts ORDER BY created_at'),
      one: db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE id = ?'),
      remove: db.prepare('DELETE FROM conflicts WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conflicts'),
    };
  }

  /** The platform refused the write: it leaves the outbox and waits here, in one transaction. */
  refuse(
    write: PendingWrite,
    kind: Conflict['kind'],
    detail: string,
    problem: { code: ProblemCode; params?: ProblemParams } | null = null,
  ): void {
    this.db.transaction(() => {
      this.statements.insert.run(
        `cf-${write.idempotencyKey}`,
        write.entity,
        write.entityId,
        write.mutator,
        kind,
        JSON.stringify(write.args),
        problem?.code ?? null,
        problem?.params ? JSON.stringify(problem.params) : null,
        detail,
        new Date().toISOString(),
      );
      this.outbox.remove(write.seq);
      this.outbox.trail?.refused(write, kind, detail, problem);
    })();
  }

  list(): Conflict[] {
    return this.statements.all.all().map(toConflict);
  }

  get(id: string): Conflict | null {
    const row = this.statements.one.get(id);
    return row ? toConflict(row) : null;
  }

  /** Settles a conflict: `work` (a re-applied write, or nothing) and its removal commit together. */
  settle(id: string, work: () => void = () => undefined): void {
    this.db.transaction(() => {
      work();
      this.statements.remove.run(id);
    })();
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }
}
