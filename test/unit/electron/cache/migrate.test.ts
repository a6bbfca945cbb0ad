import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../../../electron/audit/trail';
import { openEncrypted } from '../../../../electron/cache/encrypted';
import { CacheOpenError } from '../../../../electron/cache/errors';
import { migrate } from '../../../../electron/cache/migrate';
import { cacheMigrations } from '../../../../electron/cache/migrations/cache';
import { pendingMigrations } from '../../../../electron/cache/migrations/pending';
import { Conflicts, Outbox } from '../../../../electron/sync/outbox';
import { TEST_KEY, tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe.each([
  ['cache', cacheMigrations],
  ['pending', pendingMigrations],
] as const)('%s migrations', (label, migrations) => {
  it.each(migrations.map((m) => [m.version, m.name, m] as const))('migration %i (%s) runs on a fresh database', (version, _name) => {
    const db = openEncrypted(join(dir.path, `${label}.sqlite`), TEST_KEY);
    migrate(db, migrations.slice(0, version), label);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = openEncrypted(join(dir.path, `${label}.sqlite`), TEST_KEY);
    migrate(db, migrations, label);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    migrate(db, migrations, label);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    db.close();
  });

  it('refuses a database from a newer console', () => {
    const db = openEncrypted(join(dir.path, `${label}.sqlite`), TEST_KEY);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations, label)).toThrow(CacheOpenError);
    db.close();
  });
});

describe('cache migration 4 (request timelines)', () => {
  it('empties the request mirror of a version-3 cache and rewinds its cursor, so the next pull brings the timelines', () => {
    const db = openEncrypted(join(dir.path, 'cache.sqlite'), TEST_KEY);
    migrate(db, cacheMigrations.slice(0, 3), 'cache');
    db.prepare(
      `INSERT INTO dsars (id, version, type, status, subject_name, subject_email, received_at, due_date, assignee_id, priority, updated_at, is_open, doc)
       VALUES ('dsr_1', 3, 'access', 'new', 'A', 'a@b.de', '2026-11-01T00:00:00Z', '2026-12-01', NULL, 'normal', '2026-11-01T00:00:00Z', 1, '{}')`,
    ).run();
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', 'abc.1234')").run();
    migrate(db, cacheMigrations, 'cache');
    expect(db.prepare('SELECT count(*) AS n FROM dsars').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get()).toEqual({ value: '0' });
    expect(db.prepare("SELECT name FROM pragma_table_info('dsars') WHERE name = 'doc'").get()).toBeUndefined();
    expect(db.prepare("SELECT count(*) AS n FROM dsars_fts WHERE dsars_fts MATCH 'a'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('cache migration 5 (the platform state under pending writes)', () => {
  const cursorAfter = (pendingRow: boolean) => {
    const db = openEncrypted(join(dir.path, `cache-${pendingRow}.sqlite`), TEST_KEY);
    migrate(db, cacheMigrations.slice(0, 4), 'cache');
    db.prepare(
      `INSERT INTO processors (id, version, legal_name, status, pending, doc) VALUES ('prc_1', 2, 'A', 'active', ${pendingRow ? 1 : 0}, '{}')`,
    ).run();
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', 'abc.77')").run();
    // Up to the migration before the breach register (which pulls every cache again, see below).
    migrate(db, cacheMigrations.slice(0, 8), 'cache');
    const cursor = db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'cursor'").get()?.value;
    db.close();
    return cursor;
  };

  it('pulls the mirror again where an older console left a row showing a pending write, and only then', () => {
    expect(cursorAfter(true)).toBe('0');
    expect(cursorAfter(false)).toBe('abc.77');
  });
});

describe('cache migration 9 (the breach register)', () => {
  it('creates the register and pulls the feed again, so incidents the platform already held arrive', () => {
    const db = openEncrypted(join(dir.path, 'cache-9.sqlite'), TEST_KEY);
    migrate(db, cacheMigrations.slice(0, 8), 'cache');
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', 'abc.77')").run();
    migrate(db, cacheMigrations, 'cache');
    expect(db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get()).toEqual({ value: '0' });
    expect(db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('cache migration 7 (registry fields added since)', () => {
  it('reads older registry documents with the new fields at their defaults, and leaves answered ones alone', () => {
    const db = openEncrypted(join(dir.path, 'cache.sqlite'), TEST_KEY);
    migrate(db, cacheMigrations.slice(0, 6), 'cache');
    const processor = {
      id: 'prc_1',
      transfer: { mechanism: 'adequacy' },
      subProcessors: [{ name: 'Sub', transfer: { mechanism: 'scc', dpfCertified: true } }],
      changeNotices: [{ id: 'cn-1' }],
    };
    db.prepare("INSERT INTO processors (id, version, legal_name, status, doc) VALUES ('prc_1', 1, 'P', 'active', ?)").run(
      JSON.stringify(processor),
    );
    db.prepare("INSERT INTO activities (id, version, name, doc) VALUES ('act_1', 1, 'A', ?)").run(JSON.stringify({ id: 'act_1' }));
    db.prepare("INSERT INTO overlay_base (entity, id, doc) VALUES ('activity', 'act_1', ?), ('activity', 'act_2', 'null')").run(
      JSON.stringify({ id: 'act_1', reviewedAt: '2026-01-01' }),
    );
    migrate(db, cacheMigrations, 'cache');
    const doc = (sql: string) => JSON.parse((db.prepare<[], { doc: string }>(sql).get() as { doc: string }).doc);
    expect(doc('SELECT doc FROM processors')).toEqual({
      id: 'prc_1',
      transfer: { mechanism: 'adequacy', dpfCertified: null },
      subProcessors: [{ name: 'Sub', transfer: { mechanism: 'scc', dpfCertified: true } }],
      changeNotices: [{ id: 'cn-1', transfer: null }],
    });
    expect(doc('SELECT doc FROM activities')).toEqual({ id: 'act_1', reviewedAt: null, history: [] });
    expect(doc("SELECT doc FROM overlay_base WHERE id = 'act_1'")).toEqual({ id: 'act_1', reviewedAt: '2026-01-01', history: [] });
    expect(doc("SELECT doc FROM overlay_base WHERE id = 'act_2'")).toBeNull();
    db.close();
  });
});

describe('cache migration 6 (German spellings in the search index)', () => {
  it('indexes the rows already cached in both spellings', () => {
    const db = openEncrypted(join(dir.path, 'cache.sqlite'), TEST_KEY);
    migrate(db, cacheMigrations.slice(0, 5), 'cache');
    db.prepare(
      `INSERT INTO dsars (id, version, type, status, subject_name, subject_email, received_at, due_date, assignee_id, priority, updated_at, is_open)
       VALUES ('dsr_1', 3, 'access', 'new', 'Lena Krüger', 'l@web.de', '2026-11-01T00:00:00Z', '2026-12-01', NULL, 'normal', '2026-11-01T00:00:00Z', 1)`,
    ).run();
    migrate(db, cacheMigrations, 'cache');
    const find = (term: string) =>
      db
        .prepare<[string], { id: string }>('SELECT d.id FROM dsars_fts f JOIN dsars d ON d.rowid = f.rowid WHERE dsars_fts MATCH ?')
        .all(term);
    expect(find('"krueger"*').map((r) => r.id)).toEqual(['dsr_1']);
    expect(find('"kruger"*').map((r) => r.id)).toEqual(['dsr_1']);
    db.close();
  });
});

describe('pending-store migration 3 (writes name their mutator)', () => {
  it('keeps every queued write and conflict, in order, as the mutators that replaced the old operations', () => {
    const db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
    migrate(db, pendingMigrations.slice(0, 2), 'pending');
    const write = db.prepare(
      'INSERT INTO outbox (entity, entity_id, op, body, base_version, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    write.run('dsar', 'dsr_1', 'patch', '{"assigneeId":"stf_vogel","priority":"high"}', 3, 'k-1', 'then');
    write.run('dsar', 'dsr_1', 'action', '{"type":"start"}', 3, 'k-2', 'then');
    write.run('processor', 'prc_1', 'patch', '{"riskRating":"low"}', 2, 'k-3', 'then');
    write.run('activity', 'act_1', 'create', '{"id":"act_1"}', 0, 'k-4', 'then');
    db.prepare(
      "INSERT INTO conflicts (id, entity, entity_id, op, kind, intended, detail, created_at) VALUES ('cf-1', 'dsar', 'dsr_2', 'patch', 'stale', '{\"tags\":[\"x\"]}', 'stale', 'then')",
    ).run();
    migrate(db, pendingMigrations, 'pending');
    expect(db.prepare('SELECT entity_id, mutator, args, base_version, idempotency_key FROM outbox ORDER BY seq').all()).toEqual([
      { entity_id: 'dsr_1', mutator: 'assign', args: '{"assigneeId":"stf_vogel"}', base_version: 3, idempotency_key: 'k-1-assign' },
      { entity_id: 'dsr_1', mutator: 'setPriority', args: '{"priority":"high"}', base_version: 3, idempotency_key: 'k-1-setPriority' },
      { entity_id: 'dsr_1', mutator: 'act', args: '{"type":"start"}', base_version: 3, idempotency_key: 'k-2' },
      { entity_id: 'prc_1', mutator: 'update', args: '{"riskRating":"low"}', base_version: 2, idempotency_key: 'k-3' },
      { entity_id: 'act_1', mutator: 'create', args: '{"id":"act_1"}', base_version: 0, idempotency_key: 'k-4' },
    ]);
    expect(db.prepare('SELECT id, mutator, intended FROM conflicts').all()).toEqual([
      { id: 'cf-1', mutator: 'setTags', intended: '{"tags":["x"]}' },
    ]);
    db.close();
  });
});

describe('pending-store migration 4 (conflicts keep the problem)', () => {
  it('keeps an older conflict with its English detail and no problem; a new one stores its problem', () => {
    const db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
    migrate(db, pendingMigrations.slice(0, 3), 'pending');
    db.prepare(
      "INSERT INTO conflicts (id, entity, entity_id, mutator, kind, intended, detail, created_at) VALUES ('cf-1', 'dsar', 'dsr_2', 'act', 'rejected', '{}', 'No platform account usr_x.', 'then')",
    ).run();
    migrate(db, pendingMigrations, 'pending');
    const conflicts = new Conflicts(db, new Outbox(db));
    expect(conflicts.list()).toEqual([
      expect.objectContaining({ id: 'cf-1', problem: null, params: {}, detail: 'No platform account usr_x.' }),
    ]);
    conflicts.refuse(
      { seq: 0, entity: 'dsar', entityId: 'dsr_3', mutator: 'create', args: {}, baseVersion: 0, idempotencyKey: 'k-9' } as never,
      'rejected',
      'No platform account usr_y.',
      { code: 'unknown-account', params: { id: 'usr_y' } },
    );
    expect(conflicts.get('cf-k-9')).toMatchObject({ problem: 'unknown-account', params: { id: 'usr_y' } });
    db.close();
  });
});

describe('migration registry', () => {
  it('rejects gaps in version numbers', () => {
    const db = openEncrypted(join(dir.path, 'x.sqlite'), TEST_KEY);
    expect(() => migrate(db, [{ version: 2, name: 'skips one', up: () => undefined }], 'x')).toThrow(/expected 1/);
    db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const db = openEncrypted(join(dir.path, 'x.sqlite'), TEST_KEY);
    const failing = {
      version: 1,
      name: 'half',
      up(target: typeof db) {
        target.exec('CREATE TABLE a (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [failing], 'x')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('pending migration 8 (the audit trail)', () => {
  it('keeps every entry of the export log, in order, as the trail’s exports, and drops the old table', () => {
    const db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
    migrate(db, pendingMigrations.slice(0, 7), 'pending');
    const insert = db.prepare('INSERT INTO export_log (at, kind, format, file_name, sha256, actor) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('2026-10-01T08:00:00.000Z', 'dsar_register', 'csv', 'register.csv', 'a'.repeat(64), 'stf_vogel');
    insert.run('2026-10-02T08:00:00.000Z', 'breach_report', 'pdf', 'report.pdf', 'b'.repeat(64), 'stf_krueger');
    migrate(db, pendingMigrations, 'pending');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'export_log'").get()).toBeUndefined();
    const rows = db
      .prepare<[], { kind: string; action: string; actor: string; detail: string; outcome: string; at: string }>(
        'SELECT kind, action, actor, detail, outcome, at FROM audit_trail ORDER BY seq',
      )
      .all();
    expect(rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) }))).toEqual([
      {
        kind: 'export',
        action: 'dsar_register',
        actor: 'stf_vogel',
        outcome: 'done',
        at: '2026-10-01T08:00:00.000Z',
        detail: { format: 'csv', fileName: 'register.csv', sha256: 'a'.repeat(64) },
      },
      {
        kind: 'export',
        action: 'breach_report',
        actor: 'stf_krueger',
        outcome: 'done',
        at: '2026-10-02T08:00:00.000Z',
        detail: { format: 'pdf', fileName: 'report.pdf', sha256: 'b'.repeat(64) },
      },
    ]);
    db.close();
  });
});

describe('pending migration 8 with writes waiting', () => {
  it('puts each waiting write into the trail as queued (without its free text), so its answer has a row to land in', () => {
    const db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
    migrate(db, pendingMigrations.slice(0, 7), 'pending');
    db.prepare(
      `INSERT INTO outbox (entity, entity_id, mutator, args, base_version, idempotency_key, created_at, identity)
       VALUES ('dsar', 'dsr_1', 'act', ?, 3, 'pc-key-1', '2026-10-03T08:00:00.000Z', 'ws_1/stf_vogel')`,
    ).run(JSON.stringify({ type: 'add_note', text: 'Rückruf bei Frau Mustermann' }));
    migrate(db, pendingMigrations, 'pending');
    const outbox = new Outbox(
      db,
      () => 'ws_1/stf_vogel',
      auditTrail(db, () => null),
    );
    const [write] = outbox.all();
    outbox.acknowledge(write, 4);
    expect(db.prepare('SELECT actor, action, entity_id, detail, ref, outcome, answer FROM audit_trail').all()).toEqual([
      {
        actor: 'stf_vogel',
        action: 'act',
        entity_id: 'dsr_1',
        detail: '{"type":"add_note"}',
        ref: 'pc-key-1',
        outcome: 'applied',
        answer: '{"version":4}',
      },
    ]);
    db.close();
  });
});
