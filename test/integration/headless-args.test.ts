import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_KEY, tempDir } from '../support/temp';

const root = join(import.meta.dirname, '../..');
const dir = tempDir('pc-headless-args-');
afterAll(() => dir.remove());

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/headless/main.ts'), '--data-dir', join(dir.path, 'data'), ...args], {
    cwd: root,
    env: { ...process.env, PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, PRIVACY_CONSOLE_PLATFORM_TOKEN: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('the headless shell keeps tokens off the command line', () => {
  it('refuses --token, naming the safe ways', () => {
    const result = run(['--platform', 'https://platform.example.org', '--token', 'pct_secret']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--token-file (mode 0600) or PRIVACY_CONSOLE_PLATFORM_TOKEN');
  });

  it('refuses a token file others may read', () => {
    const file = join(dir.path, 'token');
    writeFileSync(file, 'pct_secret\n');
    chmodSync(file, 0o644);
    const result = run(['--platform', 'https://platform.example.org', '--token-file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`chmod 600 ${file}`);
  });

  it('refuses a platform address that is not https (plain http only on this machine)', () => {
    const result = run(['--platform', 'http://platform.example.org']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('only https addresses are allowed');
  });
});
