import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeClient, spawnConsole } from '../support/console-process';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 80);
});
afterEach(async () => {
  await platform.stop();
  dir.remove();
});

const consoleArgs = () => ['--data-dir', `${dir.path}/console`, '--platform', platform.url, '--poll-ms', '200'];
const env = () => ({ PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.token });

describe('the console process killed with writes pending', () => {
  it('delivers each pending write exactly once after a restart', async () => {
    const first = await spawnConsole(consoleArgs(), env());
    const bridge = await bridgeClient(first.url);
    await until(async () => (await bridge.call('sync.status')).state === 'online', 'first sync');
    const ids = (await bridge.call('dsar.list', { statuses: [], limit: 200 })).rows
      .filter((r) => r.assigneeId !== 'stf_vogel')
      .slice(0, 3)
      .map((r) => r.id);

    await platform.stop();
    for (const id of ids) await bridge.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    expect((await bridge.call('sync.status')).pendingWrites).toBe(3);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    await platform.start();
    const second = await spawnConsole(consoleArgs(), env());
    const again = await bridgeClient(second.url);
    await until(async () => {
      const status = await again.call('sync.status');
      return status.state === 'online' && status.pendingWrites === 0;
    }, 'pending writes delivered');
    for (const id of ids) {
      expect(platform.appliedWrites(id)).toHaveLength(1);
      expect(await again.call('dsar.get', { id })).toMatchObject({ dsar: { assigneeId: 'stf_vogel' }, pending: false });
    }
    again.close();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
