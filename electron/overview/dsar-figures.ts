import type Database from 'better-sqlite3-multiple-ciphers';
import { DsarType } from '../../shared/api/dsar';
import { addDays, daysBetween, monthEnd, monthFrom, weekStart } from '../../shared/domain/calendar';
import type { DsarOverview, DueBucket } from '../../shared/ipc/overview';

const WEEKS = 12;
const MONTHS = 12;

/**
 * The requests' part of the overview, from the cache: history from the daily tallies the triggers keep
 * (`dsar_tally`), the open queue from index ranges (`dsars_open_due`, `dsars_assignee_open_due`). Every figure
 * carries the filter that lists exactly its rows (see `dsar/queue.ts`).
 */
export function dsarFigures(db: Database.Database) {
  // Prepared at the first use, never while a bootstrap has the indexes dropped (INDEXED BY fails at prepare).
  let statements: ReturnType<typeof prepare> | null = null;
  return function figures(today: string): DsarOverview {
    statements ??= prepare(db);
    return compute(statements, today);
  };
}

const answeredPerMonth = (db: Database.Database) =>
  db.prepare<[string, string], { month: string; on_time: number; n: number }>(
    `SELECT substr(day, 1, 7) AS month, on_time, sum(n) AS n FROM dsar_tally WHERE measure = 'answered' AND day BETWEEN ? AND ?
      GROUP BY month, on_time`,
  );

/** Answered and answered on time per month: the twelve months up to `month`, its days up to `until`. */
function twelveMonths(perMonth: ReturnType<typeof answeredPerMonth>, month: string, until: string) {
  const months = Array.from({ length: MONTHS }, (_, i) => monthFrom(month, i - (MONTHS - 1)));
  const trend = months.map((m) => ({ month: m, answered: 0, onTime: 0 }));
  for (const row of perMonth.all(`${months[0]}-01`, until)) {
    const entry = trend[months.indexOf(row.month)];
    if (!entry) continue;
    entry.answered += row.n;
    if (row.on_time) entry.onTime += row.n;
  }
  return trend;
}

function prepare(db: Database.Database) {
  const perMonth = answeredPerMonth(db);
  const tally = db.prepare<[string, string, string], { day: string; type: string; on_time: number; n: number }>(
    'SELECT day, type, on_time, n FROM dsar_tally WHERE measure = ? AND day BETWEEN ? AND ? AND n > 0',
  );
  // Open requests per due date and assignee, kept by triggers (dsar_open): a few thousand rows at any size.
  const dueCounts = db.prepare<
    Record<string, string>,
    {
      open: number | null;
      overdue: number | null;
      week: number | null;
      fortnight: number | null;
      month: number | null;
      later: number | null;
    }
  >(`SELECT sum(n) AS open, sum(iif(due_date < @today, n, 0)) AS overdue, sum(iif(due_date BETWEEN @today AND @week, n, 0)) AS week,
      sum(iif(due_date BETWEEN @weekAfter AND @fortnight, n, 0)) AS fortnight, sum(iif(due_date BETWEEN @fortnightAfter AND @month, n, 0)) AS month,
      sum(iif(due_date > @month, n, 0)) AS later
    FROM dsar_open`);
  const pausedCount = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM dsars INDEXED BY dsars_paused WHERE is_open = 1 AND clock_paused = 1',
  );
  const loads = db.prepare<[string], { assignee: string; open: number; overdue: number }>(
    `SELECT assignee, sum(n) AS open, sum(iif(due_date < ?, n, 0)) AS overdue FROM dsar_open GROUP BY assignee HAVING sum(n) > 0`,
  );
  return { perMonth, tally, dueCounts, pausedCount, loads };
}

function compute(statements: ReturnType<typeof prepare>, today: string): DsarOverview {
  const { perMonth, tally, dueCounts, pausedCount, loads } = statements;
  const firstWeek = addDays(weekStart(today), -7 * (WEEKS - 1));
  const inflow = Array.from({ length: WEEKS }, (_, i) => {
    const from = addDays(firstWeek, 7 * i);
    return { from, to: addDays(from, 6), counts: Object.fromEntries(DsarType.options.map((t) => [t, 0])) as Record<DsarType, number> };
  });
  for (const row of tally.all('received', firstWeek, today)) {
    const week = inflow[Math.floor(daysBetween(firstWeek, row.day) / 7)];
    if (week && row.type in week.counts) week.counts[row.type as DsarType] += row.n;
  }

  const onTime = twelveMonths(perMonth, today.slice(0, 7), today);

  const bounds = {
    today,
    week: addDays(today, 7),
    weekAfter: addDays(today, 8),
    fortnight: addDays(today, 14),
    fortnightAfter: addDays(today, 15),
    month: addDays(today, 30),
  };
  const due = dueCounts.get(bounds);
  const buckets: DueBucket[] = [
    { bucket: 'overdue', count: due?.overdue ?? 0, from: null, to: addDays(today, -1) },
    { bucket: 'week', count: due?.week ?? 0, from: today, to: bounds.week },
    { bucket: 'fortnight', count: due?.fortnight ?? 0, from: bounds.weekAfter, to: bounds.fortnight },
    { bucket: 'month', count: due?.month ?? 0, from: bounds.fortnightAfter, to: bounds.month },
    { bucket: 'later', count: due?.later ?? 0, from: addDays(bounds.month, 1), to: null },
  ];

  const load = loads.all(today).map((row) => ({ assigneeId: row.assignee || null, open: row.open, overdue: row.overdue }));

  return {
    today,
    open: due?.open ?? 0,
    overdue: due?.overdue ?? 0,
    paused: pausedCount.get()?.n ?? 0,
    inflow,
    onTime,
    due: buckets,
    // Most open first; among equals by id, nobody last.
    load: load.sort((a, b) => b.open - a.open || (a.assigneeId ?? '\uffff').localeCompare(b.assigneeId ?? '\uffff')),
  };
}

/** One month's request figures for the monthly report: received by type, answered on time, the twelve months up to it. */
export function dsarMonth(db: Database.Database) {
  const received = db.prepare<[string, string], { type: string; n: number }>(
    "SELECT type, sum(n) AS n FROM dsar_tally WHERE measure = 'received' AND day BETWEEN ? AND ? GROUP BY type",
  );
  const perMonth = answeredPerMonth(db);
  return (month: string) => {
    const byType = Object.fromEntries(DsarType.options.map((t) => [t, 0])) as Record<DsarType, number>;
    for (const row of received.all(`${month}-01`, monthEnd(month))) if (row.type in byType) byType[row.type as DsarType] += row.n;
    const trend = twelveMonths(perMonth, month, monthEnd(month));
    const { answered, onTime } = trend[trend.length - 1];
    return { received: byType, answered, onTime, trend };
  };
}
