import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { CACHE_DAMAGED_MESSAGE, cacheMarkedDamaged, clearCacheDamaged, isCorruption, markCacheDamaged } from './damage';
import { idleCheckpoints, openEncrypted } from './encrypted';
import { CacheOpenError } from './errors';
import { migrate } from './migrate';
import { cacheMigrations } from './migrations/cache';
import { pendingMigrations } from './migrations/pending';

export interface Stores {
  /** Disposable mirror of the platform. */
  cache: Database.Database;
  /** Outbox and conflicts: never thrown away. */
  pending: Database.Database;
  /** Set when a damaged cache was moved aside and rebuilt on this open. */
  rebuiltFrom: string | null;
  /**
   * Looks at a failure: a damaged cache page marks the cache for a rebuild at the next start, and the answer is
   * the sentence to show; null for any other failure.
   */
  noteFailure(error: unknown): string | null;
  close(): void;
}

/** A fingerprint of the key (not the key): proves on the next start that the same key is used. */
const fingerprint = (hexKey: string) => createHash('sha256').update(`privacy-console key check\n${hexKey.toLowerCase()}`).digest('hex');

/**
 * Opens both encrypted stores in `dataDir`. Whether the key is right is decided by the key check written at
 * the first successful open: a different key is refused before anything is touched, and nothing is created
 * or moved. Only with the right key proven does an unreadable cache count as damaged: it is moved aside and
 * rebuilt from the platform (the pending writes are in the other store and stay).
 */
export function openStores(dataDir: string, hexKey: string): Stores {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CacheOpenError(
      'read_only',
      `The data directory ${dataDir} cannot be created (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const pendingPath = join(dataDir, 'pending.sqlite');
  const cachePath = join(dataDir, 'cache.sqlite');
  const checkPath = join(dataDir, 'key-check');
  // A check cut short (a crash while it was written) vouches for nothing: as if absent.
  const written = existsSync(checkPath) ? readFileSync(checkPath, 'utf8').trim() : '';
  const check = /^[0-9a-f]{64}$/.test(written) ? written : null;
  if (check !== null && check !== fingerprint(hexKey)) {
    throw new CacheOpenError('wrong_key', `The data in ${dataDir} was encrypted with another key.`);
  }
  const pendingExisted = existsSync(pendingPath);
  const pending = openEncrypted(pendingPath, hexKey);
  // A store this start created is removed again if the start fails: a wrong key leaves nothing behind.
  const fail = (error: unknown): never => {
    pending.close();
    if (!pendingExisted) {
      for (const suffix of ['', '-wal', '-shm']) {
        try {
          rmSync(pendingPath + suffix, { force: true });
        } catch {
          // A directory that refuses the removal refused the creation too.
        }
      }
    }
    throw error;
  };
  let cache: Database.Database;
  let rebuiltFrom: string | null = null;
  try {
    // A page found damaged while the console ran (damage.ts): the cache is rebuilt, as if it did not open.
    if (check !== null && cacheMarkedDamaged(dataDir)) throw new CacheOpenError('corrupt', `${cachePath} was found damaged.`);
    cache = openEncrypted(cachePath, hexKey);
    migrate(cache, cacheMigrations, 'cache');
  } catch (error) {
    // Without a key check (a data directory from before it existed) nobody vouches for the key: refuse.
    const damaged = error instanceof CacheOpenError && (error.reason === 'wrong_key' || error.reason === 'corrupt') && check !== null;
    if (!damaged) return fail(error);
    rebuiltFrom = `${cachePath}.damaged-${Date.now()}`;
    if (existsSync(cachePath)) renameSync(cachePath, rebuiltFrom);
    for (const suffix of ['-wal', '-shm']) if (existsSync(cachePath + suffix)) renameSync(cachePath + suffix, rebuiltFrom + suffix);
    cache = openEncrypted(cachePath, hexKey);
    migrate(cache, cacheMigrations, 'cache');
    clearCacheDamaged(dataDir);
  }
  try {
    migrate(pending, pendingMigrations, 'pending-writes store');
  } catch (error) {
    cache.close();
    return fail(error);
  }
  if (check === null) {
    try {
      // Written aside and renamed: a crash leaves the whole check or none.
      writeFileSync(`${checkPath}.tmp`, `${fingerprint(hexKey)}\n`, { mode: 0o600, flush: true });
      renameSync(`${checkPath}.tmp`, checkPath);
    } catch {
      cache.close();
      return fail(new CacheOpenError('read_only', `${checkPath} cannot be written: the data directory must be writable.`));
    }
  }
  const stopCheckpoints = [idleCheckpoints(cache), idleCheckpoints(pending)];
  return {
    cache,
    pending,
    rebuiltFrom,
    noteFailure(error) {
      if (!isCorruption(error)) return null;
      markCacheDamaged(dataDir);
      return CACHE_DAMAGED_MESSAGE;
    },
    close() {
      for (const stop of stopCheckpoints) stop();
      cache.close();
      pending.close();
    },
  };
}
