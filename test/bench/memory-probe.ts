/**
 * One first connection, measured alone: a platform with N requests (default 100,000) in its own process, the
 * console's bootstrap in another, its peak memory printed (`npx tsx test/bench/memory-probe.ts 1000000`).
 * PROBE_NODE_FLAGS passes flags to the console's node (e.g. --cpu-prof); PROBE_MODE=raw runs the raw limit.
 */
import { join } from 'node:path';
import { spawnPlatform } from '../support/platform-process';
import { tempDir } from '../support/temp';
import { bootstrapAlone } from './alone';

const requests = Number(process.argv[2] ?? 100000);
const work = tempDir('pc-mem-');
const started = Date.now();
const platform = await spawnPlatform(join(work.path, 'platform.sqlite'), requests);
console.log(`platform with ${requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const mode = process.env.PROBE_MODE === 'raw' ? 'raw' : 'console';
const flags = (process.env.PROBE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
console.log(JSON.stringify(await bootstrapAlone(platform.url, platform.token, join(work.path, 'c'), mode, flags)));
await platform.stop();
work.remove();
