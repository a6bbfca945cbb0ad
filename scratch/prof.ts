import { openStores } from '../electron/cache/stores';
import { dsarCache } from '../electron/dsar/store';
import { cachedEntities } from '../electron/entities';
import { dsarFigures } from '../electron/overview/dsar-figures';
import { overviewAt } from '../electron/overview/overview';
import { generateDsars } from '../sandbox/seed/dsars';
import { createRandom } from '../sandbox/seed/random';
import { defaultCheckSettings } from '../shared/domain/access';
import { localDate } from '../shared/domain/calendar';
import { defaultClockSettings } from '../shared/domain/dsar-clock';
import { TEST_KEY, tempDir } from '../test/support/temp';

const n = Number(process.argv[2] ?? 200000);
const dir = tempDir();
const stores = openStores(dir.path, TEST_KEY);
const dsars = dsarCache(stores.cache, { clock: () => defaultClockSettings });
dsars.beginBulkLoad();
for (let offset = 0; offset < n; offset += 50000) {
  const { dsars: batch } = generateDsars(createRandom(offset + 1), Math.min(50000, n - offset), new Date(), [
    'stf_vogel',
    'stf_albrecht',
    'stf_yildiz',
  ]);
  stores.cache.transaction(() => {
    for (const [i, d] of batch.entries()) dsars.upsert({ ...d, id: `dsr_${(offset + i).toString(36).padStart(7, '0')}` });
  })();
}
dsars.endBulkLoad();
stores.cache.exec('ANALYZE');
const f = dsarFigures(stores.cache);
const today = localDate(new Date(), 'Europe/Berlin');
const time = (label: string, fn: () => unknown) => {
  const r: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    fn();
    r.push(performance.now() - s);
  }
  r.sort((a, b) => a - b);
  console.log(label, 'p50', r[15].toFixed(2), 'p95', r[28].toFixed(2));
};
time('dsar figures', () => f(today));
const db = stores.cache;
time('  tally received', () =>
  db
    .prepare("SELECT day, type, on_time, n FROM dsar_tally WHERE measure = 'received' AND day BETWEEN ? AND ? AND n > 0")
    .all('2026-09-01', today),
);
time('  due counts', () =>
  db
    .prepare(`SELECT count(*) AS open, sum(due_date < @today) AS overdue FROM dsars INDEXED BY dsars_open_due WHERE is_open = 1`)
    .get({ today }),
);
time('  assignees skip scan', () =>
  db
    .prepare(
      `WITH RECURSIVE a (id) AS (SELECT min(assignee_id) FROM dsars INDEXED BY dsars_assignee_open_due WHERE assignee_id IS NOT NULL UNION ALL SELECT (SELECT min(assignee_id) FROM dsars INDEXED BY dsars_assignee_open_due WHERE assignee_id > a.id) FROM a WHERE a.id IS NOT NULL) SELECT id FROM a WHERE id IS NOT NULL`,
    )
    .all(),
);
time('  unassigned', () =>
  db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(due_date < ?), 0) AS overdue FROM dsars INDEXED BY dsars_assignee_open_due WHERE assignee_id IS NULL AND is_open = 1`,
    )
    .get(today),
);
console.log(
  db.prepare('SELECT count(*) n FROM dsars WHERE is_open = 1').get(),
  db.prepare('SELECT count(*) n FROM dsars WHERE is_open = 1 AND assignee_id IS NULL').get(),
);
const e = cachedEntities(db, { clock: () => defaultClockSettings });
const o = overviewAt({
  db,
  timeZone: () => 'Europe/Berlin',
  processors: e.processor,
  incidents: e.incident,
  campaigns: e.policyCampaign,
  reviews: e.accessReview,
  employees: e.employee,
  grants: e.grant,
  checks: () => defaultCheckSettings,
});
time('whole', () => o(new Date()));
time('answered tally', () =>
  db
    .prepare("SELECT day, type, on_time, n FROM dsar_tally WHERE measure = 'answered' AND day BETWEEN ? AND ? AND n > 0")
    .all('2025-12-01', today),
);
const full = db.prepare(`SELECT count(*) AS open, sum(due_date < @today) AS overdue, sum(due_date BETWEEN @today AND @week) AS week,
      sum(due_date BETWEEN @weekAfter AND @fortnight) AS fortnight, sum(due_date BETWEEN @fortnightAfter AND @month) AS month,
      sum(due_date > @month) AS later, sum(clock_paused) AS paused
    FROM dsars INDEXED BY dsars_open_due WHERE is_open = 1`);
time('full due', () => full.get({ today, week: today, weekAfter: today, fortnight: today, fortnightAfter: today, month: today }));
console.log(
  db
    .prepare('EXPLAIN QUERY PLAN ' + full.source)
    .all({ today, week: today, weekAfter: today, fortnight: today, fortnightAfter: today, month: today }),
);
const loadOf = db.prepare(
  `SELECT count(*) AS open, coalesce(sum(due_date < ?), 0) AS overdue FROM dsars INDEXED BY dsars_assignee_open_due WHERE assignee_id = ? AND is_open = 1`,
);
time('loadOf', () => loadOf.get(today, 'stf_vogel'));
stores.close();
dir.remove();
