import { afterEach, beforeEach } from 'vitest';
import { type TestConsole, testConsole } from './console';
import { type TestPlatform, testPlatform } from './platform';
import { tempDir } from './temp';

/** For each test of the file: a fresh sandbox platform with `requests` DSARs and a console synced to it. */
export function workspacePerTest(requests = 5) {
  const current = {} as { dir: ReturnType<typeof tempDir>; platform: TestPlatform; app: TestConsole };
  beforeEach(async () => {
    current.dir = tempDir();
    current.platform = await testPlatform(current.dir.path, requests);
    current.app = await testConsole(`${current.dir.path}/console`, current.platform);
  });
  afterEach(async () => {
    await current.app.close();
    await current.platform.stop();
    current.dir.remove();
  });
  return current;
}
