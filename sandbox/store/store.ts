import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { EntityName } from '../../shared/entities/registry';

export interface StoredEntity {
  id: string;
  version: number;
  doc: string;
}

/** What the store needs of an account (the rest of the document is the sandbox's). */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  locale?: string;
  closedAt?: string | null;
  erased?: readonly string[];
  restricted?: boolean;
}

/** An account the platform still writes to: not closed, its account data not erased, its processing not restricted (Art. 18). */
const isActive = (account: AccountRow) =>
  !account.closedAt && !account.erased?.includes('account') && !account.restricted && account.email !== '';

export interface FeedRow {
  seq: number;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  version: number;
  doc: string | null;
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
  entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (entity, id)
) WITHOUT ROWID;
-- One row per entity: the feed carries each entity's latest state once, so a bootstrap reads no history.
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, version INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS changes_by_entity ON changes (entity, entity_id);
CREATE TABLE IF NOT EXISTS idempotency (
  principal TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
  PRIMARY KEY (principal, key)
) WITHOUT ROWID;
-- Platform accounts: the people a request can be about. Not in the changes feed: the console looks them up.
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL,
  -- Name and e-mail lower-cased by JavaScript (SQLite's lower() leaves Ö and Ü alone).
  search TEXT NOT NULL, doc TEXT NOT NULL,
  -- The language the account reads the platform in, and whether it is open (not closed, not erased).
  locale TEXT NOT NULL, active INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS accounts_by_email ON accounts (email);
CREATE INDEX IF NOT EXISTS accounts_active ON accounts (active, locale, id);
-- Who was told of which policy version, how, and whether they acknowledged it: one row per account and wave.
-- The console never holds these rows: it gets the campaign's counts, and asks for one person's rows.
CREATE TABLE IF NOT EXISTS campaign_deliveries (
  seq INTEGER PRIMARY KEY,
  campaign_id TEXT NOT NULL, wave INTEGER NOT NULL, account_id TEXT NOT NULL,
  -- 0..99, drawn when queued: whether the mail bounces and when (if ever) the person acknowledges.
  roll INTEGER NOT NULL,
  outcome TEXT NOT NULL, sent_at TEXT, settled_step INTEGER,
  -- With the notice in the app as well, a bounced e-mail still leaves the person reached.
  email_bounced INTEGER NOT NULL DEFAULT 0,
  ack_at TEXT, ack_kind TEXT
);
CREATE INDEX IF NOT EXISTS campaign_deliveries_by_account ON campaign_deliveries (account_id);
CREATE INDEX IF NOT EXISTS campaign_deliveries_by_wave ON campaign_deliveries (campaign_id, wave, seq);
-- What each fulfilment job was asked to do (fields to rectify, purposes objected to).
CREATE TABLE IF NOT EXISTS job_specs (job_id TEXT PRIMARY KEY, spec TEXT NOT NULL) WITHOUT ROWID;
-- Delivered data packages (ZIP), kept so the delivery can be proven and re-sent.
CREATE TABLE IF NOT EXISTS packages (job_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, zip BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_entity ON audit (entity, entity_id, seq);`;

/**
 * The shape of the stored data. A store written by an older sandbox (whose documents the contract no longer
 * accepts) is emptied and reseeded under a new epoch, so every console re-bootstraps from it.
 */
const DATA_VERSION = '4';

const isPlaintextSqlite = (path: string) => {
  if (path === ':memory:' || !existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
};

const applyKey = (db: Database.Database, hexKey: string, pragma: 'key' | 'rekey') => {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${hexKey}'"`);
};

/**
 * The platform's own database: the sandbox's stand-in for the LMS backend. With a key (the in-process demo
 * workspace, whose people are as real to a reader of the disk as any) it is encrypted like the console's
 * cache, and a plaintext store from an older demo is encrypted in place.
 */
export class PlatformStore {
  readonly db: Database.Database;
  readonly epoch: string;
  private readonly statements;

  constructor(path: string, options: { key?: string } = {}) {
    if (options.key && isPlaintextSqlite(path)) {
      const plain = new Database(path);
      plain.pragma('journal_mode = DELETE');
      applyKey(plain, options.key, 'rekey');
      plain.close();
    }
    this.db = new Database(path);
    if (options.key) {
      applyKey(this.db, options.key, 'key');
      this.db.prepare('SELECT count(*) FROM sqlite_master').get();
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const version = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'data_version'").get()?.value;
    const hasData = this.db.prepare("SELECT name FROM sqlite_master WHERE name = 'entities'").get() !== undefined;
    if (hasData && version !== DATA_VERSION) {
      this.db.exec(
        'DROP TABLE IF EXISTS entities; DROP TABLE IF EXISTS changes; DROP TABLE IF EXISTS idempotency; DROP TABLE IF EXISTS accounts; DROP TABLE IF EXISTS packages; DROP TABLE IF EXISTS job_specs; DROP TABLE IF EXISTS campaign_deliveries; DELETE FROM meta;',
      );
    }
    this.db.exec(schema);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('data_version', ?)").run(DATA_VERSION);
    const epoch = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'").get();
    this.epoch = epoch?.value ?? randomUUID().slice(0, 8);
    if (!epoch) this.db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(this.epoch);
    this.statements = {
      get: this.db.prepare<[string, string], StoredEntity>('SELECT id, version, doc FROM entities WHERE entity = ? AND id = ?'),
      all: this.db.prepare<[string], StoredEntity>('SELECT id, version, doc FROM entities WHERE entity = ? ORDER BY id'),
      put: this.db.prepare(
        'INSERT INTO entities (entity, id, version, doc) VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, doc = excluded.doc',
      ),
      drop: this.db.prepare('DELETE FROM entities WHERE entity = ? AND id = ?'),
      forget: this.db.prepare('DELETE FROM changes WHERE entity = ? AND entity_id = ?'),
      change: this.db.prepare('INSERT INTO changes (entity, entity_id, op, version) VALUES (?, ?, ?, ?)'),
      feed: this.db.prepare<[number, number], FeedRow>(
        `SELECT c.seq, c.entity, c.entity_id AS id, c.op, c.version, e.doc
           FROM changes c LEFT JOIN entities e ON e.entity = c.entity AND e.id = c.entity_id
          WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
      ),
      putAccount: this.db.prepare(
        `INSERT INTO accounts (id, name, email, created_at, search, doc, locale, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, search = excluded.search, doc = excluded.doc,
           locale = excluded.locale, active = excluded.active`,
      ),
      lastSeq: this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM changes'),
      idemGet: this.db.prepare<[string, string], { fingerprint: string; status: number; body: string }>(
        'SELECT fingerprint, status, body FROM idempotency WHERE principal = ? AND key = ?',
      ),
      idemPut: this.db.prepare('INSERT INTO idempotency (principal, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      audit: this.db.prepare('INSERT INTO audit (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)'),
      count: this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entities WHERE entity = ?'),
    };
  }

  get<T>(entity: EntityName, id: string): T | null {
    const row = this.statements.get.get(entity, id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  all<T>(entity: EntityName): T[] {
    return this.statements.all.all(entity).map((row) => JSON.parse(row.doc) as T);
  }

  count(entity: EntityName): number {
    return this.statements.count.get(entity)?.n ?? 0;
  }

  /** Stores an entity and moves it to the head of the changes feed. Call inside `transaction`. */
  put<T extends { id: string; version: number }>(entity: EntityName, doc: T): void {
    this.statements.put.run(entity, doc.id, doc.version, JSON.stringify(doc));
    this.statements.forget.run(entity, doc.id);
    this.statements.change.run(entity, doc.id, 'upsert', doc.version);
  }

  /** Deletes an entity; the feed carries a tombstone so every mirror drops it too. Call inside `transaction`. */
  remove(entity: EntityName, id: string): boolean {
    const current = this.statements.get.get(entity, id);
    if (!current) return false;
    this.statements.drop.run(entity, id);
    this.statements.forget.run(entity, id);
    this.statements.change.run(entity, id, 'delete', current.version + 1);
    return true;
  }

  feed(afterSeq: number, limit: number): FeedRow[] {
    return this.statements.feed.all(afterSeq, limit);
  }

  /** A value the platform keeps about itself (when a nightly run last ran), or null. */
  meta(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  lastSeq(): number {
    return this.statements.lastSeq.get()?.seq ?? 0;
  }

  idempotent(principal: string, key: string) {
    return this.statements.idemGet.get(principal, key) ?? null;
  }

  rememberAnswer(principal: string, key: string, fingerprint: string, status: number, body: string): void {
    this.statements.idemPut.run(principal, key, fingerprint, status, body, new Date().toISOString());
  }

  audit(
    actor: string,
    action: string,
    entity: EntityName | 'account',
    entityId: string,
    detail: unknown,
    at = new Date().toISOString(),
  ): void {
    this.statements.audit.run(at, actor, action, entity, entityId, JSON.stringify(detail));
  }

  /** The log after `afterSeq` (0: all of it), oldest first. */
  auditLog(afterSeq = 0): { seq: number; actor: string; action: string; entity_id: string; detail: string }[] {
    return this.db
      .prepare<[number], { seq: number; actor: string; action: string; entity_id: string; detail: string }>(
        'SELECT seq, actor, action, entity_id, detail FROM audit WHERE seq > ? ORDER BY seq',
      )
      .all(afterSeq);
  }

  /** The newest entry of the log (0: none). */
  lastAuditSeq(): number {
    return this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit').get()?.seq ?? 0;
  }

  /** One entity's log, newest first: at most `limit` entries older than `before`. */
  entityAudit(entity: EntityName, entityId: string, before: number | null, limit: number) {
    return this.db
      .prepare<[string, string, number, number], { seq: number; at: string; actor: string; action: string; detail: string }>(
        'SELECT seq, at, actor, action, detail FROM audit WHERE entity = ? AND entity_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      )
      .all(entity, entityId, before ?? Number.MAX_SAFE_INTEGER, limit);
  }

  putAccount(account: AccountRow): void {
    this.statements.putAccount.run(
      account.id,
      account.name,
      account.email.toLowerCase(),
      account.createdAt,
      `${account.name} ${account.email}`.toLocaleLowerCase('de'),
      JSON.stringify(account),
      account.locale ?? 'de',
      isActive(account) ? 1 : 0,
    );
  }

  /** Open accounts (not closed, not erased, not restricted), by the language they read the platform in. */
  countActive(locale: string): number {
    return (
      this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM accounts WHERE active = 1 AND locale = ?').get(locale)?.n ?? 0
    );
  }

  account<T>(id: string): T | null {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM accounts WHERE id = ?').get(id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  /** Every account, in id order (a notice's audience is resolved over them). */
  accounts<T>(): T[] {
    return this.db
      .prepare<[], { doc: string }>('SELECT doc FROM accounts ORDER BY id')
      .all()
      .map((row) => JSON.parse(row.doc) as T);
  }

  /** Accounts whose name or e-mail contains the text (case-insensitive), best: exact e-mail first. */
  searchAccounts<T>(text: string, limit = 20): T[] {
    const needle = text.trim().toLocaleLowerCase('de');
    const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare<[{ needle: string; like: string; limit: number }], { doc: string }>(
        `SELECT doc FROM accounts WHERE email = @needle OR search LIKE @like ESCAPE '\\'
          ORDER BY (email = @needle) DESC, name LIMIT @limit`,
      )
      .all({ needle, like, limit })
      .map((row) => JSON.parse(row.doc) as T);
  }

  savePackage(jobId: string, sha256: string, zip: Uint8Array): void {
    this.db.prepare('INSERT OR REPLACE INTO packages (job_id, sha256, zip) VALUES (?, ?, ?)').run(jobId, sha256, Buffer.from(zip));
  }

  package(jobId: string): Buffer | null {
    return this.db.prepare<[string], { zip: Buffer }>('SELECT zip FROM packages WHERE job_id = ?').get(jobId)?.zip ?? null;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }
}
