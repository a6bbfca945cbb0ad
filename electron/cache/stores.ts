import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openEncrypted } from './encrypted';
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
  close(): void;
}

/**
 * Opens both encrypted stores in `dataDir`. The pending store decides whether the key is right: when it
 * opens but the cache does not, the cache is damaged, so it is moved aside and rebuilt from the platform.
 */
export function openStores(dataDir: string, hexKey: string): Stores {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pendingPath = join(dataDir, 'pending.sqlite');
  const cachePath = join(dataDir, 'cache.sqlite');
  const pendingExisted = existsSync(pendingPath);
  const pending = openEncrypted(pendingPath, hexKey);
  let cache: Database.Database;
  let rebuiltFrom: string | null = null;
  try {
    cache = openEncrypted(cachePath, hexKey);
    migrate(cache, cacheMigrations, 'cache');
  } catch (error) {
    const damaged = error instanceof CacheOpenError && error.reason === 'wrong_key' && pendingExisted;
    if (!damaged) {
      pending.close();
      throw error;
    }
    rebuiltFrom = `${cachePath}.damaged-${Date.now()}`;
    renameSync(cachePath, rebuiltFrom);
    for (const suffix of ['-wal', '-shm']) if (existsSync(cachePath + suffix)) renameSync(cachePath + suffix, rebuiltFrom + suffix);
    cache = openEncrypted(cachePath, hexKey);
    migrate(cache, cacheMigrations, 'cache');
  }
  try {
    migrate(pending, pendingMigrations, 'pending-writes store');
  } catch (error) {
    cache.close();
    pending.close();
    throw error;
  }
  return {
    cache,
    pending,
    rebuiltFrom,
    close() {
      cache.close();
      pending.close();
    },
  };
}
