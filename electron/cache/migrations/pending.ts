import type Database from 'better-sqlite3-multiple-ciphers';
import { auditedArgs } from '../../audit/minimize';
import { staffOf } from '../../audit/trail';
import type { Migration } from '../migrate';

/** A write of the first contract (op + body) as the named mutators that replaced it. */
function asMutators(entity: string, op: string, body: Record<string, unknown>): { mutator: string; args: Record<string, unknown> }[] {
  if (op === 'action') return [{ mutator: 'act', args: body }];
  if (op === 'create') return [{ mutator: 'create', args: body }];
  if (entity !== 'dsar') return [{ mutator: 'update', args: body }];
  // A request's patch changed assignee, priority and tags at once; each is its own mutator now.
  const named = { assigneeId: 'assign', priority: 'setPriority', tags: 'setTags' } as const;
  return (Object.keys(named) as (keyof typeof named)[])
    .filter((field) => field in body)
    .map((field) => ({ mutator: named[field], args: { [field]: body[field] } }));
}

/** Rewrites every row of the outbox (in order, keeping each write's place) or of the conflicts. */
function rewriteWrites(db: Database.Database): void {
  type Row = {
    seq: number;
    entity: string;
    entity_id: string;
    op: string;
    body: string;
    base_version: number;
    idempotency_key: string;
    created_at: string;
    attempts: number;
    last_error: string | null;
  };
  const rows = db.prepare<[], Row>('SELECT * FROM outbox ORDER BY seq').all();
  db.exec('DELETE FROM outbox');
  const insert = db.prepare(
    'INSERT INTO outbox (seq, entity, entity_id, op, body, base_version, idempotency_key, created_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let seq = rows[0]?.seq ?? 1;
  for (const row of rows) {
    asMutators(row.entity, row.op, JSON.parse(row.body)).forEach((write) => {
      // A write that keeps its operation (actions, creates, registry patches) keeps its key: if the platform
      // applied it before its answer was lost, the replay answers that. A request's patch goes to new operations,
      // whose key the platform would refuse as reused for another request: those get new keys. If the old patch
      // was applied, the new one meets a newer version (412): a conflict the officer sees, never a double write.
      const key = row.entity === 'dsar' && row.op === 'patch' ? `${row.idempotency_key}-${write.mutator}` : row.idempotency_key;
      insert.run(
        seq++,
        row.entity,
        row.entity_id,
        write.mutator,
        JSON.stringify(write.args),
        row.base_version,
        key,
        row.created_at,
        row.attempts,
        row.last_error,
      );
    });
  }
  type Conflict = {
    id: string;
    entity: string;
    entity_id: string;
    op: string;
    kind: string;
    intended: string;
    detail: string;
    created_at: string;
  };
  const conflicts = db.prepare<[], Conflict>('SELECT * FROM conflicts').all();
  db.exec('DELETE FROM conflicts');
  const keep = db.prepare(
    'INSERT INTO conflicts (id, entity, entity_id, op, kind, intended, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of conflicts) {
    asMutators(row.entity, row.op, JSON.parse(row.intended)).forEach((write, i) => {
      keep.run(
        i === 0 ? row.id : `${row.id}-${write.mutator}`,
        row.entity,
        row.entity_id,
        write.mutator,
        row.kind,
        JSON.stringify(write.args),
        row.detail,
        row.created_at,
      );
    });
  }
}

/**
 * The one store that is not disposable: writes the user made that the platform has not acknowledged, and
 * conflicts awaiting a decision. A separate file, so a damaged cache can be rebuilt without losing them.
 */
export const pendingMigrations: Migration[] = [
  {
    version: 1,
    name: 'outbox and conflicts',
    up(db) {
      db.exec(`
        CREATE TABLE outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          op TEXT NOT NULL,
          body TEXT NOT NULL,
          base_version INTEGER NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT
        );
        CREATE INDEX outbox_by_entity ON outbox (entity, entity_id, seq);
        CREATE TABLE conflicts (
          id TEXT PRIMARY KEY,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          op TEXT NOT NULL,
          kind TEXT NOT NULL,
          intended TEXT NOT NULL,
          detail TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    name: 'console settings and export log',
    up(db) {
      db.exec(`
        -- Settings the user typed (controller and DPO details): not mirrored from anywhere, so not in the cache.
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        -- Every export of the records leaves a trace, as accountability (Art. 5(2)) asks.
        CREATE TABLE export_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          kind TEXT NOT NULL,
          format TEXT NOT NULL,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          actor TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: 'writes name the mutator they run',
    up(db) {
      rewriteWrites(db);
      db.exec(`
        ALTER TABLE outbox RENAME COLUMN op TO mutator;
        ALTER TABLE outbox RENAME COLUMN body TO args;
        ALTER TABLE conflicts RENAME COLUMN op TO mutator;
      `);
    },
  },
  {
    version: 4,
    name: 'conflicts keep the problem the platform named',
    up(db) {
      // Older conflicts have only the platform's English detail: they show it as before.
      db.exec(`
        ALTER TABLE conflicts ADD COLUMN problem TEXT;
        ALTER TABLE conflicts ADD COLUMN params TEXT;
      `);
    },
  },
  {
    version: 5,
    name: 'irreversible writes wait a moment before they are sent',
    up(db) {
      // maybe_sent: an attempt ended without an answer (timeout, server error): the platform may have the write.
      db.exec(`
        ALTER TABLE outbox ADD COLUMN hold_until TEXT;
        ALTER TABLE outbox ADD COLUMN maybe_sent INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    version: 6,
    name: "the access checks' findings as they came and went",
    up(db) {
      // One row per finding while it lasts; a finding seen again later is a new row. Open ones are unique per key.
      db.exec(`
        CREATE TABLE access_findings (
          id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, kind TEXT NOT NULL, employee_id TEXT NOT NULL,
          grant_ids TEXT NOT NULL, first_seen TEXT NOT NULL, closed_at TEXT, closed_how TEXT
        );
        CREATE UNIQUE INDEX access_findings_open ON access_findings (key) WHERE closed_at IS NULL;
        CREATE INDEX access_findings_by_time ON access_findings (first_seen, closed_at);
      `);
    },
  },
  {
    version: 7,
    name: 'every queued write carries the workspace and identity it was made in',
    up(db) {
      // "<workspace id>/<staff id>"; null for writes queued before, which go out as before.
      db.exec('ALTER TABLE outbox ADD COLUMN identity TEXT');
    },
  },
  {
    version: 8,
    name: "the console's audit trail: every write with the platform's answer, every export, every sign-in",
    up(db) {
      // One row per thing the console did. A write's row is made when it is queued (ref: its Idempotency-Key) and
      // carries the platform's answer once there is one; the export log becomes the trail's exports.
      db.exec(`
        CREATE TABLE audit_trail (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          kind TEXT NOT NULL,
          actor TEXT NOT NULL,
          actor_name TEXT,
          action TEXT NOT NULL,
          entity TEXT,
          entity_id TEXT,
          detail TEXT NOT NULL DEFAULT '{}',
          ref TEXT UNIQUE,
          outcome TEXT NOT NULL,
          answered_at TEXT,
          answer TEXT
        );
        CREATE INDEX audit_trail_by_kind ON audit_trail (kind, seq);
        CREATE INDEX audit_trail_by_entity ON audit_trail (entity_id, seq);
        CREATE INDEX audit_trail_by_outcome ON audit_trail (outcome, seq);
        CREATE INDEX audit_trail_by_actor ON audit_trail (actor, seq);
        CREATE INDEX audit_trail_by_time ON audit_trail (at);
        INSERT INTO audit_trail (at, kind, actor, action, detail, outcome)
          SELECT at, 'export', actor, kind, json_object('format', format, 'fileName', file_name, 'sha256', sha256), 'done'
          FROM export_log ORDER BY seq;
        DROP TABLE export_log;
      `);
      // Writes waiting when the console was updated are in the trail too, so their answers have a row to land in.
      type Waiting = {
        entity: string;
        entity_id: string;
        mutator: string;
        args: string;
        idempotency_key: string;
        created_at: string;
        identity: string | null;
      };
      const waiting = db
        .prepare<[], Waiting>('SELECT entity, entity_id, mutator, args, idempotency_key, created_at, identity FROM outbox ORDER BY seq')
        .all();
      const insert = db.prepare(
        `INSERT INTO audit_trail (at, kind, actor, action, entity, entity_id, detail, ref, outcome) VALUES (?, 'write', ?, ?, ?, ?, ?, ?, 'queued')`,
      );
      for (const write of waiting) {
        const actor = staffOf(write.identity) ?? 'unknown';
        const detail = auditedArgs(write.entity, write.mutator, JSON.parse(write.args) as Record<string, unknown>);
        insert.run(write.created_at, actor, write.mutator, write.entity, write.entity_id, JSON.stringify(detail), write.idempotency_key);
      }
    },
  },
];
