import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache page that fails its check (SQLCipher authenticates every page) shows only when it is read, not at
 * open. Whoever meets it marks the cache damaged; the next start moves it aside and rebuilds it from the
 * platform. The pending writes live in the other store and are never part of this.
 */
const MARKER = 'cache-damaged';

export function isCorruption(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

export const CACHE_DAMAGED_MESSAGE =
  'The local cache is damaged: restart the console, and it is rebuilt from the platform (changes not yet sent are kept).';

export function markCacheDamaged(dataDir: string): void {
  writeFileSync(join(dataDir, MARKER), `${new Date().toISOString()}\n`, { mode: 0o600 });
}

export const cacheMarkedDamaged = (dataDir: string) => existsSync(join(dataDir, MARKER));

export function clearCacheDamaged(dataDir: string): void {
  rmSync(join(dataDir, MARKER), { force: true });
}
