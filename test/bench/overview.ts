// The overview in the bench: its figures over a large cache, a local write until row and overview show it, and a
// cold start of the app (headless shell + renderer in Chromium) until the overview is populated.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { cachedEntities } from '../../electron/entities';
import { overviewAt } from '../../electron/overview/overview';
import { defaultCheckSettings } from '../../shared/domain/access';
import { addDays, localDate, monthFrom } from '../../shared/domain/calendar';
import { openStatuses } from '../../shared/domain/dsar';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { unwrap } from '../../shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import { spawnConsole } from '../support/console-process';
import { TEST_KEY } from '../support/temp';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const spread = (runs: number[]) => {
  const sorted = [...runs].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(6)} ms`;
};

/**
 * The whole overview (every module's figures) over the cache, beside the same request figures counted the
 * naive way: one scan of every row, grouped (what the tallies and index ranges avoid).
 */
export function printOverviewLatencies(rows: number, dataDir: string): void {
  const stores = openStores(dataDir, TEST_KEY);
  const entities = cachedEntities(stores.cache, { clock: () => defaultClockSettings });
  const overview = overviewAt({
    db: stores.cache,
    timeZone: () => defaultClockSettings.timeZone,
    processors: entities.processor,
    incidents: entities.incident,
    campaigns: entities.policyCampaign,
    reviews: entities.accessReview,
    employees: entities.employee,
    grants: entities.grant,
    checks: () => defaultCheckSettings,
  });
  const today = localDate(new Date(), defaultClockSettings.timeZone);
  const naive = [
    'SELECT type, received_on, count(*) FROM dsars NOT INDEXED WHERE received_on >= ? GROUP BY 1, 2',
    'SELECT substr(answered_on, 1, 7), answered_on <= due_date, count(*) FROM dsars NOT INDEXED WHERE answered_on >= ? GROUP BY 1, 2',
    'SELECT assignee_id, due_date < ?, count(*) FROM dsars NOT INDEXED WHERE is_open = 1 GROUP BY 1, 2',
  ].map((text) => stores.cache.prepare(text));
  const since = [addDays(today, -84), `${monthFrom(today, -11)}-01`, today];
  const runs: number[] = [];
  const naiveRuns: number[] = [];
  for (let i = 0; i < 60; i++) {
    let start = process.hrtime.bigint();
    overview(new Date());
    runs.push(ms(start));
    if (i < 10) {
      start = process.hrtime.bigint();
      for (const [k, statement] of naive.entries()) statement.all(since[k]);
      naiveRuns.push(ms(start));
    }
  }
  stores.close();
  console.log(`\nOverview on ${rows.toLocaleString('en')} cached requests (every module's figures; 60 runs)`);
  console.log(`  the whole overview (tallies, index ranges, the small registers):   ${spread(runs)}   target p95 <= 100 ms`);
  console.log(`  the request figures by scanning every row, grouped (no tallies):   ${spread(naiveRuns)}`);
}

/**
 * A local write until its row and the overview show it, in the console's main process: assign a request (the
 * write path: rules, outbox, overlay in the cache), then read the queue's default view and the overview, as the
 * renderer does on the `cache.changed` that follows. The platform is out of reach (the write waits in the outbox).
 */
export async function printWriteToOverview(dataDir: string): Promise<void> {
  const app = await startConsole({
    dataDir,
    cacheKey: TEST_KEY,
    platform: { url: 'http://127.0.0.1:9', token: 'bench' },
    sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    client: { retries: 0, timeoutMs: 200 },
    undoMs: 0,
  });
  const call = async <K extends ChannelName>(channel: K, input?: ChannelInput<K>) =>
    unwrap(await app.dispatch(channel, input)) as ChannelOutput<K>;
  const me = (await call('workspace.info')).me?.staff.id;
  if (!me) throw new Error('the cache has no signed-in person to write as');
  const open = await call('dsar.list', { statuses: [...openStatuses], limit: 100 });
  const total: number[] = [];
  const writes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const row = open.rows[i % open.rows.length];
    const assigneeId = i < open.rows.length ? (row.assigneeId === me ? null : me) : row.assigneeId;
    const start = process.hrtime.bigint();
    await call('dsar.assign', { id: row.id, assigneeId });
    writes.push(ms(start));
    await call('dsar.list', { statuses: [...openStatuses] });
    await call('overview.get');
    total.push(ms(start));
  }
  await app.close();
  console.log('\nA local write until its row and the overview show it (main process, 100 assignments)');
  console.log(`  the write (rules, outbox, cache):                 ${spread(writes)}`);
  console.log(`  write + default queue page + whole overview:      ${spread(total)}   target p95 <= 16 ms`);
}

/**
 * A cold start of the app on a full cache: the headless shell started (bundled, as `npm run start:web` runs it
 * after its build), a page opened in Chromium, until the overview's figures are on screen and until its charts
 * are drawn (the pass after the figures). The moments are taken in the page, by an observer installed before
 * its first script, on the same clock as the start (not by polling from here, which a busy page delays).
 */
export async function printColdStart(rows: number, dataDir: string, platformUrl: string, token: string): Promise<void> {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'dist/index.html'))) execFileSync('npx', ['vite', 'build', '--mode', 'web'], { cwd: root, stdio: 'ignore' });
  // The shell as `npm run start:web` runs it: bundled, started by plain node.
  execFileSync('npx', ['vite', 'build', '--config', 'vite.headless.config.ts'], { cwd: root, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: execSync('which chromium').toString().trim(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const runs: { shell: number; figures: number; charts: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.timeOrigin + performance.now();
      const shell = await spawnConsole(
        ['--data-dir', dataDir, '--platform', platformUrl, '--port', '0'],
        { PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, PRIVACY_CONSOLE_PLATFORM_TOKEN: token },
        { bundled: true },
      );
      const serving = performance.timeOrigin + performance.now() - started;
      const page = await browser.newPage();
      // A string, not a function: the bench runs under tsx, whose helpers a serialised function would miss.
      // Each frame (just before it is painted) notes when the first figure and the third chart are in it.
      await page.addInitScript(`{
        const seen = (window.coldStart = {});
        const frame = () => {
          const now = performance.timeOrigin + performance.now();
          if (!seen.figures && document.querySelector('[data-testid="figure-open"]')) seen.figures = now;
          const charts = [...document.querySelectorAll('[data-testid$="-chart"]')].filter((chart) => chart.querySelector('.recharts-surface'));
          if (!seen.charts && charts.length >= 3) seen.charts = now;
          if (!seen.charts) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }`);
      try {
        await page.goto(shell.url, { timeout: 60_000 });
        const seen = await page.waitForFunction(
          () => {
            const moments = (window as unknown as { coldStart: Record<string, number> }).coldStart;
            return moments.figures && moments.charts ? moments : null;
          },
          undefined,
          { timeout: 60_000 },
        );
        const { figures, charts } = (await seen.jsonValue()) as { figures: number; charts: number };
        runs.push({ shell: serving, figures: figures - started, charts: charts - started });
      } catch (error) {
        console.log(
          `  run ${i + 1}: no populated overview within a minute (${error instanceof Error ? error.message.split('\n')[0] : error})`,
        );
      } finally {
        await page.close();
        shell.child.kill('SIGTERM');
        await shell.exited;
      }
    }
    if (!runs.length) return;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const all = (key: 'figures' | 'charts') => runs.map((run) => run[key].toFixed(0)).join(', ');
    console.log(
      `\nCold start to a populated overview, ${rows.toLocaleString('en')} requests cached (median of ${runs.length}; Chromium already running)`,
    );
    console.log(`  shell serving after ${median(runs.map((r) => r.shell)).toFixed(0)} ms`);
    console.log(
      `  the overview's figures on screen after ${median(runs.map((r) => r.figures)).toFixed(0)} ms   target <= 1500 ms   (all: ${all('figures')} ms)`,
    );
    console.log(`  its three charts drawn after ${median(runs.map((r) => r.charts)).toFixed(0)} ms   (all: ${all('charts')} ms)`);
  } finally {
    await browser.close();
  }
}
