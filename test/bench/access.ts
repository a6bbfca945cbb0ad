import { findingsLog } from '../../electron/access/findings-log';
import { registerAccessHandlers } from '../../electron/access/ipc';
import { openStores } from '../../electron/cache/stores';
import { openCore } from '../../electron/core';
import { IpcRegistry } from '../../electron/ipc/registry';
import { demoAccess } from '../../sandbox/seed/access';
import { demoStaff } from '../../sandbox/seed/staff';
import type { AccessReview, ReviewItem } from '../../shared/api/access';
import { type Me, scopesOfRole } from '../../shared/api/common';
import { TEST_KEY } from '../support/temp';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * A review over `count` grants in a console cache built directly (the platform's part is tested elsewhere): the
 * review list filtered and paged (p50/p95), a decision for 10,000 of them queued, and the evidence of all of them
 * exported — each beside the raw limit of the same work measured in the same run.
 */
export async function accessBench(dir: string, count: number): Promise<void> {
  const stores = openStores(dir, TEST_KEY);
  const lead = demoStaff.find((s) => s.id === 'stf_krueger');
  if (!lead) throw new Error('no security lead');
  const me: Me = { staff: lead, scopes: [...scopesOfRole.security_lead], workspace: { id: 'bench', name: 'Bench' } };
  stores.cache.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('me', ?)").run(JSON.stringify(me));
  // An address nothing listens on: the writes wait in the outbox, as offline.
  const core = openCore(stores, { platform: { url: 'http://127.0.0.1:9', token: 'bench' }, sync: { pollMs: 3_600_000 }, undoMs: 0 });
  const ipc = new IpcRegistry();
  registerAccessHandlers(ipc, {
    db: stores.cache,
    writes: core.writes,
    employees: core.entities.employee,
    grants: core.entities.grant,
    reviews: core.entities.accessReview,
    items: core.entities.reviewItem,
    exports: core.exports,
    actor: () => 'stf_krueger',
    controllerName: () => 'Lernwerk Akademie GmbH',
    region: () => 'DE-BE',
    checkSettings: core.accessChecks,
    findingsLog: findingsLog(stores.pending),
  });
  const built = process.hrtime.bigint();
  const { employees, grants: base } = demoAccess(new Date());
  const now = new Date().toISOString();
  const review: AccessReview = {
    id: 'arv_bench',
    version: 1,
    updatedAt: now,
    title: 'Bench',
    scope: { kind: 'all' },
    reviewers: { kind: 'manager' },
    dueDate: '2099-12-31',
    instructions: '',
    ownerId: 'stf_krueger',
    createdAt: now,
    state: 'open',
    closedAt: null,
    counts: { items: count, decided: 0, kept: 0, revoked: 0, reduced: 0, expiring: 0 },
    reminders: [],
  };
  const reviewers = ['stf_albrecht', 'stf_yildiz', 'stf_schmitt', 'stf_krueger', 'stf_hartmann', 'stf_vogel'];
  stores.cache.transaction(() => {
    for (const employee of employees) core.entities.employee.upsert(employee);
    core.entities.accessReview.upsert(review);
    for (let i = 0; i < count; i++) {
      const template = base[i % base.length];
      const grant = { ...template, id: `grt_b${i}`, employeeId: employees[i % employees.length].id };
      core.entities.grant.upsert(grant);
      const item: ReviewItem = {
        id: `rvi_bench_${i}`,
        version: 1,
        updatedAt: now,
        reviewId: review.id,
        grantId: grant.id,
        employeeId: grant.employeeId,
        holderName: employees[i % employees.length].name,
        scope: grant.scope,
        // One reviewer has exactly 10,000 of them (the bulk decision below), the others share the rest.
        reviewerId: i < 10_000 ? 'stf_albrecht' : reviewers[1 + (i % (reviewers.length - 1))],
        reassigned: null,
        decision: null,
      };
      core.entities.reviewItem.upsert(item);
    }
  })();
  stores.cache.exec('ANALYZE');
  console.log(`\nAccess review over ${count.toLocaleString('en')} grants (cache built directly in ${(ms(built) / 1000).toFixed(1)} s)`);

  const call = async (channel: string, input: unknown) => {
    const answer = await ipc.dispatch(channel, input);
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer)}`);
    return answer.value;
  };
  // The review list: pages of 50 under the filters a reviewer uses, through the IPC handler (input checked, rows joined).
  const views: [string, Record<string, unknown>][] = [
    ['open items, first page', { reviewId: review.id, decided: 'open' }],
    ['assigned to me, open, page 5', { reviewId: review.id, reviewer: 'me', decided: 'open', offset: 200 }],
    ['one scope, open', { reviewId: review.id, scope: 'finance:payment_records', decided: 'open' }],
    ['holder name contains "ann"', { reviewId: review.id, q: 'ann' }],
  ];
  const rawPage = stores.cache.prepare('SELECT id, doc FROM review_items WHERE review_id = ? AND decision IS NULL ORDER BY id LIMIT 50');
  const rawRuns: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = process.hrtime.bigint();
    rawPage.all(review.id).map((row) => JSON.parse((row as { doc: string }).doc));
    rawRuns.push(ms(start));
  }
  rawRuns.sort((a, b) => a - b);
  console.log(
    `  raw limit (one indexed page of 50, parsed):      p50 ${percentile(rawRuns, 50).toFixed(2)} ms   p95 ${percentile(rawRuns, 95).toFixed(2)} ms`,
  );
  for (const [name, query] of views) {
    const runs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = process.hrtime.bigint();
      await call('access.items', { limit: 50, ...query });
      runs.push(ms(start));
    }
    runs.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(46)} p50 ${percentile(runs, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(runs, 95).toFixed(2).padStart(6)} ms   target p95 <= 5 ms`,
    );
  }

  // A decision for 10,000 items of one reviewer queued (each its own write, checked by the rule).
  const bulk = { reviewId: review.id, reviewer: 'stf_albrecht', decided: 'open', scope: null, q: '' };
  // The console checkpoints its write-ahead log while idle (idleCheckpoints): each measured write starts from an
  // empty log, as after a moment of idleness, instead of paying for the one before it.
  const idle = () => {
    stores.cache.pragma('wal_checkpoint(TRUNCATE)');
    stores.pending.pragma('wal_checkpoint(TRUNCATE)');
  };
  idle();
  const bulkStart = process.hrtime.bigint();
  const decided = (await call('access.items.decideAll', {
    query: bulk,
    decision: { kind: 'revoke', justification: 'Bench' },
  })) as { decided: number };
  const bulkMs = ms(bulkStart);
  const outbox = stores.pending.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()?.n ?? 0;
  // Raw limits: the same number of rows written to an outbox-shaped table in one transaction; and those rows plus
  // the same number of other items' cache rows rewritten with their decision (the indexes and counts move), no rule.
  stores.pending.exec('CREATE TABLE bench_outbox (seq INTEGER PRIMARY KEY, entity TEXT, entity_id TEXT, args TEXT)');
  const rawBulk = process.hrtime.bigint();
  const insert = stores.pending.prepare('INSERT INTO bench_outbox (entity, entity_id, args) VALUES (?, ?, ?)');
  stores.pending.transaction(() => {
    for (let i = 0; i < decided.decided; i++) insert.run('reviewItem', `rvi_bench_${i}`, '{"kind":"revoke"}');
  })();
  const rawBulkMs = ms(rawBulk);
  idle();
  const others = stores.cache
    .prepare<[number], { id: string; doc: string }>('SELECT id, doc FROM review_items WHERE decision IS NULL LIMIT ?')
    .all(decided.decided);
  const rewrite = stores.cache.prepare("UPDATE review_items SET decision = 'revoke', pending = 1, doc = ? WHERE id = ?");
  const rawRows = process.hrtime.bigint();
  stores.cache.transaction(() => {
    for (const row of others) rewrite.run(row.doc.replace('"decision":null', '"decision":{"kind":"revoke"}'), row.id);
  })();
  const rawRowsMs = ms(rawRows);
  console.log(`  raw limit (insert ${decided.decided.toLocaleString('en')} outbox rows):              ${rawBulkMs.toFixed(0)} ms`);
  console.log(
    `  raw limit (+ ${others.length.toLocaleString('en')} cache rows rewritten, indexes and counts): ${(rawBulkMs + rawRowsMs).toFixed(0)} ms`,
  );
  console.log(
    `  decision for ${decided.decided.toLocaleString('en')} items queued (rule, cache, outbox): ${bulkMs.toFixed(0)} ms   target <= 2000 ms   (${outbox.toLocaleString('en')} writes waiting)`,
  );

  // The evidence of every decision, as CSV and PDF, logged with its checksum.
  for (const format of ['csv', 'pdf'] as const) {
    const start = process.hrtime.bigint();
    const file = (await call('access.evidence', { reviewId: review.id, format, language: 'en' })) as { base64: string };
    console.log(
      `  evidence of ${count.toLocaleString('en')} items as ${format.toUpperCase()}: ${ms(start).toFixed(0)} ms (${((file.base64.length * 0.75) / 1e6).toFixed(1)} MB)   target <= 10000 ms`,
    );
  }
  const rawCsv = process.hrtime.bigint();
  stores.cache
    .prepare('SELECT doc FROM review_items')
    .all()
    .map((row) => JSON.parse((row as { doc: string }).doc));
  console.log(`  raw limit (read and parse every item):           ${ms(rawCsv).toFixed(0)} ms`);
  core.engine.stop?.();
  stores.close();
}
