import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../auth/session';

/** Linux without a keyring: safeStorage would "encrypt" with a hard-coded password. */
export class WeakKeyStorageError extends Error {
  constructor() {
    super('No system keyring is available (safeStorage backend basic_text): the cache key would be stored with a fixed, public password.');
    this.name = 'WeakKeyStorageError';
  }
}

export function usesWeakBackend(): boolean {
  return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
}

/**
 * The cache key, random per install, kept encrypted by the OS keychain (safeStorage) in
 * `<dataDir>/cache.key.enc`. The `basic_text` backend is refused unless the user accepted it explicitly.
 */
export function desktopCacheKey(dataDir: string, options: { allowWeakBackend: boolean }): string {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('The operating system offers no secret storage (safeStorage is unavailable).');
  if (usesWeakBackend() && !options.allowWeakBackend) throw new WeakKeyStorageError();
  const path = join(dataDir, 'cache.key.enc');
  if (existsSync(path)) return safeStorage.decryptString(readFileSync(path));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  return key;
}

/** A secret (a workspace's tokens) sealed by the OS keychain in a file of its own, written atomically. */
export function sealedSecret(path: string): SecretStore {
  return {
    read: () => (existsSync(path) ? safeStorage.decryptString(readFileSync(path)) : null),
    write(value) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(value), { mode: 0o600 });
      renameSync(temp, path);
    },
    clear: () => rmSync(path, { force: true }),
  };
}
