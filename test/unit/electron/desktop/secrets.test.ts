import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../support/temp';
import { electronMock } from './electron-mock';

vi.mock('electron', () => electronMock);
const { desktopCacheKey, WeakKeyStorageError } = await import('../../../../electron/desktop/secrets');

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  electronMock.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  electronMock.safeStorage.isEncryptionAvailable.mockReturnValue(true);
});
afterEach(() => dir.remove());

describe('desktop cache key', () => {
  it('creates a random key sealed by safeStorage in a 0600 file, and reads it back', () => {
    const key = desktopCacheKey(dir.path, { allowWeakBackend: false });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir.path, 'cache.key.enc');
    expect(readFileSync(file, 'utf8')).toBe(`sealed:${key}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(desktopCacheKey(dir.path, { allowWeakBackend: false })).toBe(key);
  });

  it.skipIf(process.platform !== 'linux')('refuses the basic_text backend unless the user accepted it', () => {
    electronMock.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(() => desktopCacheKey(dir.path, { allowWeakBackend: false })).toThrow(WeakKeyStorageError);
    expect(existsSync(join(dir.path, 'cache.key.enc'))).toBe(false);
    expect(desktopCacheKey(dir.path, { allowWeakBackend: true })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to run without any secret storage', () => {
    electronMock.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(() => desktopCacheKey(dir.path, { allowWeakBackend: true })).toThrow(/secret storage/);
  });
});
