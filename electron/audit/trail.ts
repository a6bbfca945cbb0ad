import type Database from 'better-sqlite3-multiple-ciphers';
import { addDays, zonedInstant } from '../../shared/domain/calendar';
import type { ProblemCode, ProblemParams } from '../../shared/domain/problems';
import type { EntityName } from '../../shared/entities/registry';
import type { AuditAnswer, AuditEntry, AuditKind, AuditOutcome, AuditQuery } from '../../shared/ipc/contract';
import type { PendingWrite } from '../sync/cached-entity';
import { auditedArgs } from './minimize';

interface TrailRow {
  seq: number;
  at: string;
  kind: AuditKind;
  actor: string;
  actor_name: string | null;
  action: string;
  entity: EntityName | null;
  entity_id: string | null;
  detail: string;
  outcome: AuditOutcome;
  answered_at: string | null;
  answer: string | null;
}

const toEntry = (row: TrailRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  kind: row.kind,
  actor: row.actor,
  actorName: row.actor_name,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  outcome: row.outcome,
  answeredAt: row.answered_at,
  answer: row.answer ? (JSON.parse(row.answer) as AuditAnswer) : null,
});

/** Problems the console names when it withholds a write itself, without asking the platform. */
const withheld: ReadonlySet<ProblemCode> = new Set(['refused-unknown-change', 'refused-other-identity', 'refused-invalid-change']);

/** The staff id of a write's identity ("<workspace>/<staff>"). */
export const staffOf = (identity: string | null) => (identity ? identity.slice(identity.indexOf('/') + 1) : null);

/**
 * What this console did, kept in the store that is never thrown away (Art. 5(2), 24 accountability): every write
 * from the moment it is queued until the platform answers, every export with its SHA-256, every sign-in and
 * sign-out. A write's row is made in the transaction that queues it and is answered in the one that takes it out
 * of the outbox, so the trail and the outbox cannot disagree after a crash.
 */
export function auditTrail(pending: Database.Database, who: () => { id: string; name: string | null } | null) {
  const statements = {
    insert: pending.prepare(
      `INSERT INTO audit_trail (at, kind, actor, actor_name, action, entity, entity_id, detail, ref, outcome, answered_at, answer)
       VALUES (@at, @kind, @actor, @actorName, @action, @entity, @entityId, @detail, @ref, @outcome, @answeredAt, @answer)
       ON CONFLICT (ref) DO NOTHING`,
    ),
    answer: pending.prepare("UPDATE audit_trail SET outcome = ?, answered_at = ?, answer = ? WHERE ref = ? AND outcome = 'queued'"),
    attempt: pending.prepare(
      `UPDATE audit_trail SET answer = json_object('attempts', coalesce(json_extract(answer, '$.attempts'), 0) + 1, 'message', ?)
       WHERE ref = ? AND outcome = 'queued'`,
    ),
  };

  function record(entry: {
    kind: AuditKind;
    action: string;
    detail?: Record<string, unknown>;
    entity?: EntityName | null;
    entityId?: string | null;
    ref?: string | null;
    outcome: AuditOutcome;
    answer?: AuditAnswer | null;
    actor?: { id: string; name: string | null } | null;
    at?: string;
  }): void {
    const actor = entry.actor ?? who();
    const at = entry.at ?? new Date().toISOString();
    statements.insert.run({
      at,
      kind: entry.kind,
      actor: actor?.id ?? 'unknown',
      actorName: actor?.name ?? null,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ref: entry.ref ?? null,
      outcome: entry.outcome,
      answeredAt: entry.outcome === 'queued' ? null : at,
      answer: entry.answer ? JSON.stringify(entry.answer) : null,
    });
  }

  // `answeredAt` only for the platform's answers: what the console decided itself (an undo, a write it withheld) has none.
  const answer = (ref: string, outcome: AuditOutcome, value: AuditAnswer, byPlatform = true) =>
    statements.answer.run(outcome, byPlatform ? new Date().toISOString() : null, JSON.stringify(value), ref);

  return {
    record,
    /** A write was queued (inside the outbox's transaction). */
    queued(write: PendingWrite): void {
      const me = who();
      const staff = staffOf(write.identity) ?? me?.id ?? null;
      record({
        kind: 'write',
        action: write.mutator,
        entity: write.entity,
        entityId: write.entityId,
        detail: auditedArgs(write.entity, write.mutator, write.args),
        ref: write.idempotencyKey,
        outcome: 'queued',
        actor: staff ? { id: staff, name: me?.id === staff ? me.name : null } : null,
      });
    },
    applied: (write: PendingWrite, version: number) => answer(write.idempotencyKey, 'applied', { version }),
    refused: (
      write: PendingWrite,
      kind: 'stale' | 'rejected',
      message: string,
      problem: { code: ProblemCode; params?: ProblemParams } | null,
    ) => {
      // The console's own refusals (a write it cannot send, made as someone else, no longer fitting the contract):
      // not the platform's answer. One that may have reached the platform before says so.
      const local = problem !== null && withheld.has(problem.code);
      answer(
        write.idempotencyKey,
        kind,
        {
          message,
          problem: problem?.code ?? null,
          ...(problem?.params ? { params: problem.params } : {}),
          ...(local ? { local: true, ...(write.maybeSent ? { maybeApplied: true } : {}) } : {}),
        },
        !local,
      );
    },
    undone: (write: PendingWrite) => answer(write.idempotencyKey, 'undone', { local: true }, false),
    /** An attempt ended without the platform's answer: the write stays queued. */
    attempted: (write: PendingWrite, message: string) => statements.attempt.run(message, write.idempotencyKey),
    /**
     * A page of the trail, newest first. The filters narrow by index where they can (kind, entity id); the
     * days are the controller's local days.
     */
    page(query: AuditQuery, timeZone: string): { entries: AuditEntry[]; next: number | null } {
      const rows = select(query, timeZone, query.limit + 1);
      const entries = rows.slice(0, query.limit).map(toEntry);
      return { entries, next: rows.length > query.limit ? (entries.at(-1)?.seq ?? null) : null };
    },
    /** The entries the filters select, newest first (an export): at most `limit`, and whether there were more. */
    some(query: Omit<AuditQuery, 'before' | 'limit'>, timeZone: string, limit: number): { entries: AuditEntry[]; more: boolean } {
      const rows = select({ ...query, before: null, limit }, timeZone, limit + 1);
      return { entries: rows.slice(0, limit).map(toEntry), more: rows.length > limit };
    },
  };

  function select(query: AuditQuery, timeZone: string, limit: number): TrailRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const within = (column: string, values: readonly string[]) => {
      if (!values.length) return;
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    within('kind', query.kinds);
    within('outcome', query.outcomes);
    if (query.actor) {
      where.push('actor = ?');
      params.push(query.actor);
    }
    if (query.from) {
      where.push('at >= ?');
      params.push(dayStart(query.from, timeZone));
    }
    if (query.to) {
      where.push('at < ?');
      params.push(dayStart(addDays(query.to, 1), timeZone));
    }
    if (query.entityId) {
      // A prefix as a range: the index on entity_id answers it.
      where.push('entity_id >= ? AND entity_id < ?');
      params.push(query.entityId, `${query.entityId}\uffff`);
    }
    if (query.before) {
      where.push('seq < ?');
      params.push(query.before);
    }
    const sql = `SELECT * FROM audit_trail ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return pending.prepare<(string | number)[], TrailRow>(sql).all(...params, limit);
  }
}
export type AuditTrail = ReturnType<typeof auditTrail>;

/** The instant a local day begins in the zone. */
const dayStart = (day: string, timeZone: string) => (zonedInstant(`${day}T00:00`, timeZone) ?? new Date(`${day}T00:00:00Z`)).toISOString();
