/**
 * One first connection, measured alone: a platform with N requests (default 100,000) in its own process, the
 * console's bootstrap in another, its peak memory printed (`npx tsx test/bench/memory-probe.ts 1000000`).
 * PROBE_NODE_FLAGS passes flags to the console's node (e.g. --max-old-space-size=100); PROBE_MODE=raw runs the raw limit.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { spawnPlatform } from '../support/platform-process';
import { tempDir } from '../support/temp';

const requests = Number(process.argv[2] ?? 100000);
const work = tempDir('pc-mem-');
const started = Date.now();
const platform = await spawnPlatform(join(work.path, 'platform.sqlite'), requests);
console.log(`platform with ${requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROBE_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    '--import',
    'tsx',
    join(import.meta.dirname, 'bootstrap.ts'),
    process.env.PROBE_MODE ?? 'console',
    platform.url,
    join(work.path, 'c'),
  ],
  {
    env: { ...process.env, BENCH_PLATFORM_TOKEN: platform.token },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
await new Promise((resolve) => child.once('exit', resolve));
await platform.stop();
work.remove();
