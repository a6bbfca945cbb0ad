import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { CacheOpenError } from './errors';

const PLAINTEXT_HEADER = 'SQLite format 3\0';

function startsAsPlaintextSqlite(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === PLAINTEXT_HEADER;
  } finally {
    closeSync(fd);
  }
}

export const isHexKey = (key: string) => /^[0-9a-f]{64}$/i.test(key);

/**
 * Opens (or creates) a SQLCipher-encrypted database with a raw 256-bit key. A plaintext file or a wrong key
 * is refused with a CacheOpenError; nothing is ever recreated unencrypted behind the user's back.
 */
/**
 * Checkpoints the write-ahead log every `everyMs`, between the console's work (PASSIVE: it never waits for
 * readers or writers), so a user's write rarely carries a checkpoint in its commit. Answers how to stop.
 */
export function idleCheckpoints(db: Database.Database, everyMs = 15_000): () => void {
  const timer = setInterval(() => {
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

export function openEncrypted(path: string, hexKey: string): Database.Database {
  if (!isHexKey(hexKey)) throw new Error('the cache key must be 64 hexadecimal characters (256 bits)');
  if (startsAsPlaintextSqlite(path)) {
    throw new CacheOpenError('plaintext', `${path} is an unencrypted SQLite file; the console only opens encrypted caches.`);
  }
  const db = new Database(path);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${hexKey}'"`);
    // The first read decrypts page 1: a wrong key or a damaged file fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Decrypted pages are kept in SQLite's page cache: 64 MiB holds the queue indexes of a million requests,
    // so paging through them does not decrypt the same pages again (the default is 2 MiB).
    db.pragma('cache_size = -65536');
    // Sorts and temporary tables (an index built after a bootstrap sorts the subjects' keys) stay in memory: the
    // cipher does not encrypt SQLite's temporary files, and personal data must not reach the disk in clear.
    db.pragma('temp_store = MEMORY');
    // Moving the write-ahead log into the file (a checkpoint) encrypts every page again: done when the console is
    // idle (see `idleCheckpoints`), not inside the commit of whatever write happened to fill the log. Up to 20,000
    // pages (80 MiB) wait; beyond that SQLite checkpoints at commit as before.
    db.pragma('wal_autocheckpoint = 20000');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Error && 'code' in error && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')) {
      throw new CacheOpenError('wrong_key', `${path} cannot be decrypted with this key, or it is damaged.`);
    }
    if (error instanceof Error && 'code' in error && /^SQLITE_(READONLY|CANTOPEN)/.test(String(error.code))) {
      throw new CacheOpenError('read_only', `${path} cannot be written (${error.message}): the data directory must be writable.`);
    }
    throw error;
  }
}
