import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headlessCacheKey, KEY_ENV } from '../../../../electron/cache/key-file';
import { tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('headless cache key', () => {
  it('creates a random key file readable by the owner only, and reuses it', () => {
    const key = headlessCacheKey(dir.path, {});
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir.path, 'cache.key')).mode & 0o777).toBe(0o600);
    expect(headlessCacheKey(dir.path, {})).toBe(key);
    expect(headlessCacheKey(tempDir().path, {})).not.toBe(key);
  });

  it('refuses a key file other users can read', () => {
    headlessCacheKey(dir.path, {});
    chmodSync(join(dir.path, 'cache.key'), 0o644);
    expect(() => headlessCacheKey(dir.path, {})).toThrow(/chmod 600/);
  });

  it('refuses a damaged key file', () => {
    writeFileSync(join(dir.path, 'cache.key'), 'short\n', { mode: 0o600 });
    expect(() => headlessCacheKey(dir.path, {})).toThrow(/64-hex/);
  });

  it('takes the key from the environment when given, and checks it', () => {
    expect(headlessCacheKey(dir.path, { [KEY_ENV]: 'AB'.repeat(32) })).toBe('ab'.repeat(32));
    expect(() => headlessCacheKey(dir.path, { [KEY_ENV]: 'abc' })).toThrow(KEY_ENV);
  });
});
