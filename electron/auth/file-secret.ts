import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from './session';

/** Refuses a secret file others may read, as ssh refuses a loose private key. */
export function assertPrivate(path: string): void {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users; run: chmod 600 ${path}`);
  }
}

/** A secret in a file only its owner may read (the headless shell's keeping of tokens), written atomically. */
export function fileSecret(path: string): SecretStore {
  return {
    read() {
      if (!existsSync(path)) return null;
      assertPrivate(path);
      return readFileSync(path, 'utf8');
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, value, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, path);
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}

/** A service account's token from a file given with --token-file: only its owner may read it. */
export function readTokenFile(path: string): string {
  assertPrivate(path);
  const token = readFileSync(path, 'utf8').trim();
  if (!token || /\s/.test(token)) throw new Error(`${path} must hold exactly one token`);
  return token;
}
