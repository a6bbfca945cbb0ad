import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idleCheckpoints, openEncrypted } from '../../../../electron/cache/encrypted';
import { CacheOpenError } from '../../../../electron/cache/errors';
import { openStores } from '../../../../electron/cache/stores';
import { OTHER_KEY, TEST_KEY, tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('encrypted SQLite', () => {
  it('writes nothing readable to disk', () => {
    const path = join(dir.path, 'x.sqlite');
    const db = openEncrypted(path, TEST_KEY);
    db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('Jürgen Weiß, j.weiss@web.de')");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('j.weiss@web.de'))).toBe(false);
  });

  it('refuses a wrong key with a clear error and leaves the file as it was', () => {
    const path = join(dir.path, 'x.sqlite');
    openEncrypted(path, TEST_KEY).close();
    const before = readFileSync(path);
    expect(() => openEncrypted(path, OTHER_KEY)).toThrow(CacheOpenError);
    expect(() => openEncrypted(path, OTHER_KEY)).toThrow(/cannot be decrypted/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a plaintext database instead of using or replacing it', () => {
    const path = join(dir.path, 'plain.sqlite');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (a)');
    plain.close();
    try {
      openEncrypted(path, TEST_KEY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CacheOpenError);
      expect((error as CacheOpenError).reason).toBe('plaintext');
    }
  });

  it('refuses keys that are not 256 bits of hex', () => {
    expect(() => openEncrypted(join(dir.path, 'x.sqlite'), 'secret')).toThrow(/64 hexadecimal/);
  });
});

describe('the two stores', () => {
  it('rebuilds a damaged cache but keeps the pending writes', () => {
    const stores = openStores(dir.path, TEST_KEY);
    stores.pending
      .prepare(
        `INSERT INTO outbox (entity, entity_id, mutator, args, base_version, idempotency_key, created_at) VALUES ('dsar', 'dsr_1', 'setPriority', '{"priority":"high"}', 1, 'k-1', 'now')`,
      )
      .run();
    stores.close();
    writeFileSync(join(dir.path, 'cache.sqlite'), Buffer.alloc(8192, 0x42));

    const reopened = openStores(dir.path, TEST_KEY);
    expect(reopened.rebuiltFrom).toMatch(/cache\.sqlite\.damaged-/);
    expect(reopened.pending.prepare('SELECT idempotency_key FROM outbox').all()).toEqual([{ idempotency_key: 'k-1' }]);
    expect(reopened.cache.prepare('SELECT count(*) AS n FROM dsars').get()).toEqual({ n: 0 });
    reopened.close();
  });

  it('treats an unreadable cache as a wrong key when there is no pending store to vouch for the key', () => {
    openStores(dir.path, TEST_KEY).close();
    expect(() => openStores(dir.path, OTHER_KEY)).toThrow(CacheOpenError);
  });
});

describe('a start with the wrong key', () => {
  it('is refused before anything is created, moved or written, however often it is tried', () => {
    openStores(dir.path, TEST_KEY).close();
    const before = readdirSync(dir.path).sort();
    const cache = readFileSync(join(dir.path, 'cache.sqlite'));
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(() => openStores(dir.path, OTHER_KEY)).toThrow(/encrypted with another key/);
    }
    expect(readdirSync(dir.path).sort()).toEqual(before);
    expect(readFileSync(join(dir.path, 'cache.sqlite')).equals(cache)).toBe(true);
    openStores(dir.path, TEST_KEY).close();
  });

  it('in a data directory without a key check (an older console, or the pending store lost): never moves the cache aside', () => {
    openStores(dir.path, TEST_KEY).close();
    rmSync(join(dir.path, 'key-check'));
    rmSync(join(dir.path, 'pending.sqlite'));
    for (let attempt = 0; attempt < 3; attempt++) expect(() => openStores(dir.path, OTHER_KEY)).toThrow(CacheOpenError);
    expect(readdirSync(dir.path).filter((name) => name.includes('damaged'))).toEqual([]);
    // No pending store was left behind under the wrong key either: the right key still opens everything.
    expect(existsSync(join(dir.path, 'pending.sqlite'))).toBe(false);
    const reopened = openStores(dir.path, TEST_KEY);
    expect(reopened.rebuiltFrom).toBeNull();
    reopened.close();
  });

  it('a key check cut short by a crash vouches for nothing: the right key opens, and the check is written again', () => {
    openStores(dir.path, TEST_KEY).close();
    writeFileSync(join(dir.path, 'key-check'), '');
    const reopened = openStores(dir.path, TEST_KEY);
    expect(reopened.rebuiltFrom).toBeNull();
    reopened.close();
    expect(readFileSync(join(dir.path, 'key-check'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => openStores(dir.path, OTHER_KEY)).toThrow(/encrypted with another key/);
  });
});

describe('checkpoints while idle', () => {
  it('a large write stays in the write-ahead log at commit; the idle checkpoint moves it into the file', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'idle.sqlite');
    const db = openEncrypted(path, TEST_KEY);
    try {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      db.pragma('wal_checkpoint(TRUNCATE)');
      const before = statSync(path).size;
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      // About 4 MiB: more than SQLite's default of 1,000 pages, which would have checkpointed inside the commit.
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000));
      })();
      expect(statSync(path).size).toBe(before);
      const stop = idleCheckpoints(db, 20);
      await new Promise((resolve) => setTimeout(resolve, 150));
      stop();
      expect(statSync(path).size).toBeGreaterThan(before + 3_000_000);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
