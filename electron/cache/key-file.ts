import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHexKey } from './encrypted';

export const KEY_ENV = 'PRIVACY_CONSOLE_CACHE_KEY';

/**
 * The headless shell's cache key: from PRIVACY_CONSOLE_CACHE_KEY, else a random key in `<dataDir>/cache.key`
 * created with mode 0600. A key file others can read is refused, as ssh refuses a loose private key.
 */
export function headlessCacheKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined) {
    if (!isHexKey(fromEnv)) throw new Error(`${KEY_ENV} must be 64 hexadecimal characters`);
    return fromEnv.toLowerCase();
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'cache.key');
  if (!existsSync(path)) {
    const key = randomBytes(32).toString('hex');
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return key;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users; run: chmod 600 ${path}`);
  }
  const key = readFileSync(path, 'utf8').trim();
  if (!isHexKey(key)) throw new Error(`${path} does not hold a 64-hex-character key`);
  return key;
}
