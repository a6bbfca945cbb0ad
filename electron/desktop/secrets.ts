import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';

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

export function sealSecret(secret: string): string {
  return safeStorage.encryptString(secret).toString('base64');
}

export function openSecret(sealed: string): string {
  return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
}
