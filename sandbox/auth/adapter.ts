import type Database from 'better-sqlite3-multiple-ciphers';

/** What oidc-provider stores: sessions, interactions, grants, codes and tokens, each a JSON payload. */
export interface OidcPayload {
  [key: string]: unknown;
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
}

interface Row {
  payload: string;
  expires_at: number | null;
  consumed_at: number | null;
}

export function createOidcTables(db: Database.Database): void {
  db.exec(`
CREATE TABLE IF NOT EXISTS oidc (
  model TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  grant_id TEXT,
  uid TEXT,
  user_code TEXT,
  expires_at INTEGER,
  consumed_at INTEGER,
  PRIMARY KEY (model, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS oidc_by_grant ON oidc (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_by_uid ON oidc (uid) WHERE uid IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_by_expiry ON oidc (expires_at) WHERE expires_at IS NOT NULL;`);
}

/**
 * oidc-provider's storage in the platform's own SQLite store, so sign-ins, grants and refresh tokens survive a
 * restart of the platform (the in-memory adapter of the library is for development only).
 */
export function sqliteAdapter(db: Database.Database, now: () => number = Date.now) {
  createOidcTables(db);
  const live = (row: Row | undefined): OidcPayload | undefined => {
    if (!row || (row.expires_at !== null && row.expires_at <= now())) return undefined;
    const payload = JSON.parse(row.payload) as OidcPayload;
    return row.consumed_at === null ? payload : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
  };
  const select = (column: 'id' | 'uid' | 'user_code') =>
    db.prepare<[string, string], Row>(`SELECT payload, expires_at, consumed_at FROM oidc WHERE model = ? AND ${column} = ?`);
  const byId = select('id');
  const byUid = select('uid');
  const byUserCode = select('user_code');
  const upsert = db.prepare(
    `INSERT INTO oidc (model, id, payload, grant_id, uid, user_code, expires_at, consumed_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
       user_code = excluded.user_code, expires_at = excluded.expires_at`,
  );
  const consume = db.prepare('UPDATE oidc SET consumed_at = ? WHERE model = ? AND id = ?');
  const destroy = db.prepare('DELETE FROM oidc WHERE model = ? AND id = ?');
  // Revoking a grant ends its codes and tokens, nothing else (an interaction or session may name the grant too).
  const revokeGrant = db.prepare(
    `DELETE FROM oidc WHERE grant_id = ? AND model IN ('AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode')`,
  );
  const expired = db.prepare('DELETE FROM oidc WHERE expires_at IS NOT NULL AND expires_at <= ?');

  return class SqliteOidcAdapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: OidcPayload, expiresIn?: number) {
      const at = now();
      expired.run(at);
      const expiresAt = typeof expiresIn === 'number' ? at + expiresIn * 1000 : null;
      upsert.run(
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.uid ?? null,
        payload.userCode ?? null,
        expiresAt,
      );
    }

    async find(id: string) {
      return live(byId.get(this.model, id));
    }

    async findByUid(uid: string) {
      return live(byUid.get(this.model, uid));
    }

    async findByUserCode(userCode: string) {
      return live(byUserCode.get(this.model, userCode));
    }

    async consume(id: string) {
      consume.run(now(), this.model, id);
    }

    async destroy(id: string) {
      destroy.run(this.model, id);
    }

    async revokeByGrantId(grantId: string) {
      revokeGrant.run(grantId);
    }

    /** The payload of an access token now, synchronously (the API authenticates every request with it). */
    static accessToken(value: string): OidcPayload | undefined {
      return live(byId.get('AccessToken', value));
    }
  };
}
