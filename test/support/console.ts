import { type ConsoleOptions, type PrivacyConsole, startConsole } from '../../electron/console';
import { unwrap } from '../../shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { TestPlatform } from './platform';
import { TEST_KEY } from './temp';

/** The real composition root against a test platform; sync runs only when the test asks (`sync.now`). */
export async function testConsole(dataDir: string, platform: TestPlatform, overrides: Partial<ConsoleOptions> = {}) {
  const instance = await startConsole({
    dataDir,
    cacheKey: TEST_KEY,
    platform: { url: platform.url, token: platform.token },
    sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    client: { retries: 2, backoffMs: 5, timeoutMs: 3000 },
    // Irreversible writes go at once, unless a test is about undoing them.
    undoMs: 0,
    ...overrides,
  });
  await instance.firstSync;
  return withCalls(instance);
}

export function withCalls(instance: PrivacyConsole) {
  return Object.assign(instance, {
    async call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> {
      return unwrap(await instance.dispatch(channel, input)) as ChannelOutput<K>;
    },
  });
}
export type TestConsole = Awaited<ReturnType<typeof testConsole>>;
