// npm run bench: figures, each beside the raw limit measured in the same run on this machine.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { diffWords } from 'diff';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { queuePage } from '../../electron/dsar/queue';
import { dsarCache } from '../../electron/dsar/store';
import { keepHeapTight } from '../../electron/heap';
import { PlatformClient } from '../../electron/platform/client';
import { generateDsars } from '../../sandbox/seed/dsars';
import { splitPolicy } from '../../sandbox/seed/policies';
import { privacyPolicyText } from '../../sandbox/seed/privacy-policy-text';
import { createRandom } from '../../sandbox/seed/random';
import type { ChangesPage } from '../../shared/api/changes';
import { localDate } from '../../shared/domain/calendar';
import { openStatuses } from '../../shared/domain/dsar';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { diffSections } from '../../shared/domain/policy-diff';
import { dsarEntity } from '../../shared/dsar/entities';
import { QueueQuery, type QueueQueryInput } from '../../shared/ipc/contract';
import { runFaultSuite, summary } from '../faults/suite';
import { spawnPlatform } from '../support/platform-process';
import { TEST_KEY, tempDir } from '../support/temp';
import { accessBench } from './access';
import { bootstrapAlone } from './alone';
import { engineBootstrap, PAGE, PAGES_PER_TRANSACTION, rawLoop } from './bootstrap';
import { campaignBench } from './campaign';
import { printColdStart, printOverviewLatencies, printWriteToOverview } from './overview';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    /** Further cache sizes whose queue latencies are measured on a cache built directly (no HTTP). */
    large: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '2' },
    /** Grants in the access review of the access bench; 0 leaves it out. */
    grants: { type: 'string', default: '100000' },
    /** Learner accounts of the platform a policy campaign goes to; 0 leaves it out. */
    accounts: { type: 'string', default: '1000000' },
    /** Seeds of the fault suite's long form; 0 leaves it out. */
    'fault-seeds': { type: 'string', default: '100' },
    /** Requests of the platform a first connection's memory is measured against; 0 leaves it out. */
    'bootstrap-memory': { type: 'string', default: '1000000' },
  },
});
// The app's heap regime (set by both shells) for everything measured in this process, raw limits included.
keepHeapTight();
const FAULT_SEEDS = Number(values['fault-seeds']);
const REQUESTS = Number(values.requests);
const LARGE = values.large
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const ROUNDS = Number(values.rounds);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function queueLatencies(dataDir: string) {
  const stores = openStores(dataDir, TEST_KEY);
  const me = 'stf_vogel';
  const TODAY = localDate(new Date(), 'Europe/Berlin');
  const views: [string, QueueQueryInput][] = [
    ['open, due soonest (default view)', { statuses: [...openStatuses] }],
    ['overdue (saved view)', { due: 'overdue' }],
    ['due in 7 days (saved view)', { due: 'week' }],
    ['identity pending (saved view)', { statuses: ['identity_pending'] }],
    ['all, received newest', { sort: 'received_desc' }],
    ['status = new', { statuses: ['new'] }],
    ['assigned to me, open', { assignee: 'me', statuses: [...openStatuses] }],
    ['unassigned', { assignee: 'unassigned' }],
    ['type = erasure, due latest', { types: ['erasure'], sort: 'due_desc' }],
    ['two statuses (index walk + filter)', { statuses: ['denied', 'withdrawn'] }],
    ['search "müller"', { search: 'müller' }],
    ['search "anna schmidt web"', { search: 'anna schmidt web' }],
  ];
  const results: { view: string; p50: number; p95: number; rows: number }[] = [];
  for (const [view, input] of views) {
    const first = queuePage(stores.cache, QueueQuery.parse(input), me, TODAY);
    // Page 5 of the view: keyset continuation, not OFFSET.
    let after = first.next;
    for (let i = 0; i < 4 && after; i++) after = queuePage(stores.cache, QueueQuery.parse({ ...input, after }), me, TODAY).next;
    const timings: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = process.hrtime.bigint();
      queuePage(stores.cache, QueueQuery.parse({ ...input, after: i % 2 ? after : null }), me, TODAY);
      timings.push(ms(start));
    }
    timings.sort((a, b) => a - b);
    results.push({ view, p50: percentile(timings, 50), p95: percentile(timings, 95), rows: first.rows.length });
  }
  stores.close();
  return results;
}

/**
 * 1,000 changes made on the platform while the console was idle: how long the next sync takes to apply them,
 * beside the raw limit (the same feed pages fetched, parsed and upserted with the same statements). Two
 * bursts, the order of the two swapped in the second, so neither gains from the other's warm caches.
 */
async function incomingChanges(url: string, token: string, consoleDir: string, rawDir: string) {
  const console_ = await startConsole({
    dataDir: consoleDir,
    cacheKey: TEST_KEY,
    platform: { url, token },
    sync: { pollMs: 3_600_000, pull: { pageSize: PAGE, pagesPerTransaction: PAGES_PER_TRANSACTION } },
  });
  await console_.firstSync;
  const peek = openStores(rawDir, TEST_KEY);
  const client = new PlatformClient({ baseUrl: url, token });
  const dsars = dsarCache(peek.cache, { clock: () => defaultClockSettings });
  const cursorOf = () => {
    const stores = openStores(consoleDir, TEST_KEY);
    const value = stores.cache.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'cursor'").get()?.value ?? '0';
    stores.close();
    return value;
  };
  const runConsole = async () => {
    const start = process.hrtime.bigint();
    const done = await console_.dispatch('sync.now', undefined);
    if (!done.ok) throw new Error('sync failed');
    return ms(start);
  };
  const runRaw = async (cursor: string) => {
    const start = process.hrtime.bigint();
    let after = cursor;
    let more = true;
    let applied = 0;
    while (more) {
      const response = await fetch(`${url}/v1/changes?after=${after}&limit=${PAGE}`, { headers: { authorization: `Bearer ${token}` } });
      const page = JSON.parse(await response.text()) as ChangesPage;
      peek.cache.transaction(() => {
        for (const change of page.changes) if (change.op === 'upsert' && change.entity === 'dsar') dsars.upsert(change.data);
      })();
      applied += page.changes.length;
      after = page.cursor;
      more = page.hasMore;
    }
    return { ms: ms(start), applied };
  };
  const consoleMs: number[] = [];
  const rawMs: number[] = [];
  let applied = 0;
  for (const burst of [0, 1]) {
    const cursor = cursorOf();
    const rows = peek.cache
      .prepare<[], { id: string; version: number; priority: string }>('SELECT id, version, priority FROM dsars ORDER BY id LIMIT 1000')
      .all();
    // Each a real change (a priority set to what it is already changes nothing, and the feed would not carry it).
    for (let i = 0; i < rows.length; i += 20) {
      await Promise.all(
        rows
          .slice(i, i + 20)
          .map(({ id, version, priority }) =>
            client
              .mutate(
                dsarEntity,
                'setPriority',
                id,
                { priority: priority === 'high' ? 'low' : 'high' },
                { version, idempotencyKey: `bench-${burst}-${cursor}-${id}` },
              )
              .catch(() => undefined),
          ),
      );
    }
    if (burst === 0) {
      consoleMs.push(await runConsole());
      const raw = await runRaw(cursor);
      rawMs.push(raw.ms);
      applied = raw.applied;
    } else {
      rawMs.push((await runRaw(cursor)).ms);
      consoleMs.push(await runConsole());
    }
  }
  await console_.close();
  peek.close();
  return { consoleMs: Math.min(...consoleMs), rawMs: Math.min(...rawMs), applied, all: { consoleMs, rawMs } };
}

/** A large cache built directly from generated requests (the HTTP bootstrap is measured at the smaller size). */
/**
 * Comparing two full versions of the privacy policy (every section changed), beside the raw limit: the
 * same texts compared as one string each by the same word diff. Target ≤ 50 ms.
 */
function policyDiff() {
  const { sections } = splitPolicy(privacyPolicyText);
  const changed = sections.map((s, i) => ({
    ...s,
    body: s.body.replace(/Daten/g, i % 2 ? 'Informationen' : 'Angaben').concat(' Neu seit 2027.'),
  }));
  const time = (work: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      work();
      runs.push(performance.now() - started);
    }
    return runs.sort((a, b) => a - b)[10];
  };
  const whole = (list: typeof sections) => list.map((s) => `${s.heading}\n\n${s.body}`).join('\n\n');
  const raw = time(() => diffWords(whole(sections), whole(changed)));
  const console_ = time(() => diffSections(sections, changed));
  console.log(
    `\nPolicy comparison: ${sections.length} sections, ${whole(sections).length.toLocaleString('en')} characters, every section changed (median of 20)`,
  );
  console.log(`  raw limit (one word diff of the whole text): ${raw.toFixed(1)} ms`);
  console.log(`  section by section (diffSections):          ${console_.toFixed(1)} ms   target <= 50 ms`);
}

function buildLargeCache(dataDir: string, count: number): number {
  const stores = openStores(dataDir, TEST_KEY);
  const dsars = dsarCache(stores.cache, { clock: () => defaultClockSettings });
  const start = process.hrtime.bigint();
  const chunk = 50_000;
  dsars.beginBulkLoad();
  for (let offset = 0; offset < count; offset += chunk) {
    const { dsars: batch } = generateDsars(createRandom(offset + 1), Math.min(chunk, count - offset), new Date(), [
      'stf_vogel',
      'stf_albrecht',
      'stf_yildiz',
    ]);
    stores.cache.transaction(() => {
      for (const [i, dsar] of batch.entries()) dsars.upsert({ ...dsar, id: `dsr_${(offset + i).toString(36).padStart(7, '0')}` });
    })();
  }
  dsars.endBulkLoad();
  stores.cache.exec('ANALYZE');
  const elapsed = ms(start);
  stores.close();
  return elapsed;
}

function printLatencies(rows: number, dataDir: string) {
  console.log(`\nQueue queries on ${rows.toLocaleString('en')} cached rows (200-row page; p50/p95 over 300 runs, first and fifth page)`);
  for (const result of queueLatencies(dataDir)) {
    console.log(
      `  ${result.view.padEnd(40)} p50 ${result.p50.toFixed(2).padStart(6)} ms   p95 ${result.p95.toFixed(2).padStart(6)} ms   (${result.rows} rows)`,
    );
  }
}

const work = tempDir('pc-bench-');
try {
  console.log(
    `Privacy Console benchmark: ${REQUESTS.toLocaleString('en')} requests, ${ROUNDS} rounds, page ${PAGE}, ${PAGES_PER_TRANSACTION} pages/transaction`,
  );
  const seedStart = process.hrtime.bigint();
  const platform = await spawnPlatform(join(work.path, 'platform.sqlite'), REQUESTS);
  console.log(`sandbox seeded and listening in ${(ms(seedStart) / 1000).toFixed(1)} s (separate process)`);

  await rawLoop(platform.url, platform.token, join(work.path, 'warmup')); // warms the platform's page cache
  const raw: number[] = [];
  const engine: number[] = [];
  const firstRows: number[] = [];
  const peaks: number[] = [];
  let rows = 0;
  // The ratio: both in this process, alternating, best of the rounds (warm code on both sides).
  for (let round = 0; round < ROUNDS; round++) {
    const r = await rawLoop(platform.url, platform.token, join(work.path, `raw-${round}`));
    const e = await engineBootstrap(platform.url, platform.token, join(work.path, `engine-${round}`));
    if (r.rows !== e.rows) throw new Error(`row counts differ: raw ${r.rows}, engine ${e.rows}`);
    rows = e.rows;
    raw.push(r.ms);
    engine.push(e.ms);
    if (e.firstRowsMs !== null) firstRows.push(e.firstRowsMs);
    console.log(
      `  round ${round + 1}: raw limit ${r.ms.toFixed(0)} ms, console bootstrap ${e.ms.toFixed(0)} ms, first rows after ${e.firstRowsMs?.toFixed(0) ?? '–'} ms`,
    );
  }
  // Memory, and a cold start: each alone in a fresh process, as the app's main process would run it.
  const coldRaw = await bootstrapAlone(platform.url, platform.token, join(work.path, 'raw-cold'), 'raw');
  const cold = await bootstrapAlone(platform.url, platform.token, join(work.path, 'engine-cold'));
  peaks.push(cold.peakRssMb);
  const bestRaw = Math.min(...raw);
  const bestEngine = Math.min(...engine);
  console.log('\nBootstrap into a fresh encrypted cache');
  console.log(`  raw limit (fetch + JSON.parse + upsert):   ${bestRaw.toFixed(0)} ms  = ${((rows / bestRaw) * 1000).toFixed(0)} rows/s`);
  console.log(
    `  console (client + contract + sync engine): ${bestEngine.toFixed(0)} ms  = ${((rows / bestEngine) * 1000).toFixed(0)} rows/s`,
  );
  console.log(`  ratio (raw time / console time): ${(bestRaw / bestEngine).toFixed(2)}   target >= 0.9`);
  console.log(
    `  first rows of the default queue view while it goes on: ${firstRows.length ? Math.max(...firstRows).toFixed(0) : '–'} ms (slowest round)   target <= 1000 ms`,
  );
  console.log(
    `  each alone in a fresh process (cold code): raw limit ${coldRaw.ms.toFixed(0)} ms (peak RSS ${coldRaw.peakRssMb.toFixed(0)} MB), console ${cold.ms.toFixed(0)} ms, ratio ${(coldRaw.ms / cold.ms).toFixed(2)}`,
  );
  console.log(`  peak RSS of the console's process while bootstrapping (it runs alone): ${Math.max(...peaks).toFixed(0)} MB`);

  printLatencies(rows, join(work.path, 'engine-0'));
  printOverviewLatencies(rows, join(work.path, 'engine-0'));

  const incoming = await incomingChanges(platform.url, platform.token, join(work.path, 'engine-0'), join(work.path, 'raw-0'));
  console.log(`\n${incoming.applied.toLocaleString('en')} incoming changes (made on the platform while the console was idle)`);
  console.log(
    `  raw limit (fetch + JSON.parse + upsert):   ${incoming.rawMs.toFixed(0)} ms   (bursts: ${incoming.all.rawMs.map((v) => v.toFixed(0)).join(', ')} ms)`,
  );
  console.log(
    `  console sync.now (push, pull, overlays):   ${incoming.consoleMs.toFixed(0)} ms   (bursts: ${incoming.all.consoleMs.map((v) => v.toFixed(0)).join(', ')} ms)`,
  );
  console.log(`  ratio (raw time / console time): ${(incoming.rawMs / incoming.consoleMs).toFixed(2)}`);
  await printColdStart(rows, join(work.path, 'engine-0'), platform.url, platform.token);
  await printWriteToOverview(join(work.path, 'engine-0'));
  await platform.stop();

  const memorySize = Number(values['bootstrap-memory']);
  if (memorySize > 0) {
    const seeded = process.hrtime.bigint();
    const big = await spawnPlatform(join(work.path, 'platform-memory.sqlite'), memorySize);
    console.log(
      `\nFirst connection to a platform with ${memorySize.toLocaleString('en')} requests (seeded in ${(ms(seeded) / 1000).toFixed(0)} s)`,
    );
    const e = await bootstrapAlone(big.url, big.token, join(work.path, 'engine-memory'));
    console.log(
      `  console bootstrap ${(e.ms / 1000).toFixed(1)} s = ${((e.rows / e.ms) * 1000).toFixed(0)} rows/s, first rows after ${e.firstRowsMs?.toFixed(0) ?? '–'} ms`,
    );
    console.log(
      `  peak RSS of the console's process: ${e.peakRssMb.toFixed(0)} MB   target <= 300 MB   (at the peak: JS heap ${e.atPeak?.heapUsedMb} of ${e.atPeak?.heapTotalMb} MB, buffers ${e.atPeak?.externalMb} MB)`,
    );
    await big.stop();
  }

  for (const size of LARGE) {
    const dir = join(work.path, `large-${size}`);
    const built = buildLargeCache(dir, size);
    console.log(
      `\nLarge cache: ${size.toLocaleString('en')} requests built directly in ${(built / 1000).toFixed(1)} s (generation + upsert + index build)`,
    );
    printLatencies(size, dir);
    printOverviewLatencies(size, dir);
    // The platform is not the one this cache came from: the console opens it offline, as from a laptop on a train.
    await printColdStart(size, dir, 'http://127.0.0.1:9', 'bench');
  }

  policyDiff();
  if (Number(values.accounts) > 0) await campaignBench(join(work.path, 'campaign'), Number(values.accounts));
  if (Number(values.grants) > 0) await accessBench(join(work.path, 'access'), Number(values.grants));

  // The long form of the fault suite (npm run test:faults runs 50 seeds, npm test a short form).
  if (FAULT_SEEDS > 0) {
    const faultsStarted = Date.now();
    const faults = await runFaultSuite({ seeds: FAULT_SEEDS });
    for (const problem of faults.problems) console.log(`  ${problem}`);
    console.log(`\n${summary(faults)} (${((Date.now() - faultsStarted) / 1000).toFixed(0)} s)`);
  }
} finally {
  work.remove();
}
