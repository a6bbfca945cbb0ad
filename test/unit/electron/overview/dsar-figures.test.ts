import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsarOpenRebuild, dsarTallyRebuild } from '../../../../electron/cache/migrations/dsar-tally';
import { openStores, type Stores } from '../../../../electron/cache/stores';
import { queuePage } from '../../../../electron/dsar/queue';
import { type DsarCache, dsarCache } from '../../../../electron/dsar/store';
import { dsarFigures } from '../../../../electron/overview/dsar-figures';
import { generateDsars } from '../../../../sandbox/seed/dsars';
import { createRandom } from '../../../../sandbox/seed/random';
import type { Dsar, DsarStatus, DsarType } from '../../../../shared/api/dsar';
import type { ClockSettings, DsarEvent } from '../../../../shared/api/dsar-workflow';
import { openStatuses } from '../../../../shared/domain/dsar';
import { QueueQuery, type QueueQueryInput } from '../../../../shared/ipc/contract';
import { TEST_KEY, tempDir } from '../../../support/temp';

const TODAY = '2026-11-27';
// The identity wait stops the clock: a paused request's due date moves by the wait.
let clock: ClockSettings = { region: 'DE-BE', timeZone: 'Europe/Berlin', pausePolicy: 'identity' };

let n = 0;
const event = (at: string, body: Record<string, unknown>) => ({ id: `e${++n}`, at, actor: 'stf_a', ...body }) as DsarEvent;
const status = (at: string, from: DsarStatus, to: DsarStatus) => event(at, { kind: 'status', from, to });

function request(
  id: string,
  type: DsarType,
  receivedAt: string,
  state: DsarStatus,
  events: DsarEvent[] = [],
  assigneeId: string | null = null,
): Dsar {
  return {
    id,
    version: 1,
    updatedAt: events.at(-1)?.at ?? receivedAt,
    type,
    status: state,
    subject: { userId: null, name: `Person ${id}`, email: `${id}@example.org`, locale: 'de', address: null },
    channel: 'email',
    receivedAt,
    assigneeId,
    priority: 'normal',
    notes: '',
    tags: [],
    duplicateOf: null,
    events: [event(receivedAt, { kind: 'received', channel: 'email' }), ...events],
  };
}
const completedOn = (at: string) => [status('2026-08-01T00:00:00Z', 'new', 'in_progress'), status(at, 'in_progress', 'completed')];

/** Counted by hand (today Friday 27 November 2026, Berlin; see each line). */
const fixture: Dsar[] = [
  // Answered in September, on time (due 1 October).
  request('dsr_r1', 'access', '2026-09-01T10:00:00Z', 'completed', completedOn('2026-09-25T12:00:00Z')),
  // Answered in October, late (due 1 October).
  request('dsr_r2', 'erasure', '2026-09-01T10:00:00Z', 'completed', completedOn('2026-10-05T08:00:00Z')),
  // Extended by two months (due 10 December instead of 10 October): answered in November, on time.
  request('dsr_r3', 'access', '2026-09-10T10:00:00Z', 'completed', [
    status('2026-09-11T08:00:00Z', 'new', 'in_progress'),
    event('2026-09-20T08:00:00Z', { kind: 'extended', reason: 'Umfangreich.', baseDue: '2026-10-12', months: 2, clock }),
    status('2026-11-20T08:00:00Z', 'in_progress', 'completed'),
  ]),
  // 20 days waiting for the identity (due 23 November instead of 2): answered on 10 November, on time.
  request('dsr_r4', 'objection', '2026-10-01T10:00:00Z', 'completed', [
    event('2026-10-02T10:00:00Z', { kind: 'identity_requested' }),
    status('2026-10-02T10:00:00Z', 'new', 'identity_pending'),
    event('2026-10-22T10:00:00Z', { kind: 'identity_recorded', method: 'email_confirmed', outcome: 'verified', note: '' }),
    status('2026-10-22T10:00:00Z', 'identity_pending', 'in_progress'),
    status('2026-11-10T10:00:00Z', 'in_progress', 'completed'),
  ]),
  // Denied in October, on time; a withdrawal is no answer.
  request('dsr_r5', 'access', '2026-10-15T10:00:00Z', 'denied', [
    status('2026-10-16T08:00:00Z', 'new', 'in_progress'),
    status('2026-10-20T08:00:00Z', 'in_progress', 'denied'),
  ]),
  request('dsr_r6', 'access', '2026-10-16T10:00:00Z', 'withdrawn', [status('2026-10-18T08:00:00Z', 'new', 'withdrawn')]),
  // Open: due 20 November, overdue.
  request('dsr_r7', 'access', '2026-10-20T10:00:00Z', 'new', [], 'stf_a'),
  // Open: received 00:30 on 25 November in Berlin (24th in UTC), due 28 December (Christmas, a weekend): later.
  request('dsr_r8', 'erasure', '2026-11-24T23:30:00Z', 'in_progress', [status('2026-11-25T08:00:00Z', 'new', 'in_progress')], 'stf_b'),
  // Open: due 1 December, within the week.
  request(
    'dsr_r9',
    'rectification',
    '2026-11-01T10:00:00Z',
    'in_progress',
    [status('2026-11-02T08:00:00Z', 'new', 'in_progress')],
    'stf_a',
  ),
  // Open: due 10 December, within a fortnight.
  request('dsr_r10', 'access', '2026-11-10T10:00:00Z', 'awaiting_subject', [
    status('2026-11-11T08:00:00Z', 'new', 'in_progress'),
    status('2026-11-12T08:00:00Z', 'in_progress', 'awaiting_subject'),
  ]),
  // Open: received 00:30 on Monday 23 November in Berlin (Sunday 22nd in UTC): this week; due 23 December.
  request('dsr_r11', 'portability', '2026-11-22T23:30:00Z', 'new'),
];

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
let db: Database.Database;
let dsars: DsarCache;

beforeAll(() => {
  dir = tempDir();
  stores = openStores(dir.path, TEST_KEY);
  db = stores.cache;
  dsars = dsarCache(db, { clock: () => clock });
  db.transaction(() => {
    for (const dsar of fixture) dsars.upsert(dsar);
  })();
});
afterAll(() => {
  clock = { ...clock, timeZone: 'Europe/Berlin' };
  stores.close();
  dir.remove();
});

/** Every row a filter lists, through every page. */
function listed(input: QueueQueryInput): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page = queuePage(db, QueueQuery.parse({ ...input, after, limit: 2 }), 'stf_a', TODAY);
    ids.push(...page.rows.map((row) => row.id));
    after = page.next;
  } while (after);
  return ids.sort();
}
const tallies = () => [
  ...db.prepare('SELECT measure, day, type, on_time, n FROM dsar_tally WHERE n > 0 ORDER BY 1, 2, 3, 4').all(),
  // Every row: one that fell to zero is gone, so the kept table equals a fresh count exactly.
  ...db.prepare('SELECT due_date, assignee, n FROM dsar_open ORDER BY 1, 2').all(),
];
function rebuilt() {
  const kept = tallies();
  db.exec(dsarTallyRebuild);
  db.exec(dsarOpenRebuild);
  const fresh = tallies();
  return { kept, fresh };
}
const all = { statuses: [] };
const open = [...openStatuses];

describe("the overview's request figures, counted by hand", () => {
  it('inflow per week (Monday to Sunday, in Berlin) by type, the last twelve', () => {
    const { inflow } = dsarFigures(db)(TODAY);
    expect(inflow).toHaveLength(12);
    expect(inflow[0]).toMatchObject({ from: '2026-09-07', to: '2026-09-13' });
    const nonZero = inflow.map((week) => [week.from, Object.fromEntries(Object.entries(week.counts).filter(([, count]) => count))]);
    expect(nonZero.filter(([, counts]) => Object.keys(counts).length)).toEqual([
      ['2026-09-07', { access: 1 }],
      ['2026-09-28', { objection: 1 }],
      ['2026-10-12', { access: 2 }],
      ['2026-10-19', { access: 1 }],
      ['2026-10-26', { rectification: 1 }],
      ['2026-11-09', { access: 1 }],
      ['2026-11-23', { erasure: 1, portability: 1 }],
    ]);
    // Click-through: exactly the rows behind a bar.
    expect(listed({ ...all, received: { from: '2026-11-23', to: '2026-11-29' } })).toEqual(['dsr_r11', 'dsr_r8']);
    expect(listed({ ...all, received: { from: '2026-11-23', to: '2026-11-29' }, types: ['erasure'] })).toEqual(['dsr_r8']);
    expect(listed({ ...all, received: { from: '2026-11-16', to: '2026-11-22' } })).toEqual([]);
    expect(listed({ ...all, received: { from: '2026-10-12', to: '2026-10-18' }, types: ['access'] })).toEqual(['dsr_r5', 'dsr_r6']);
  });

  it('answered on time per month: extended and paused requests by their own due date; withdrawals are no answer', () => {
    const { onTime } = dsarFigures(db)(TODAY);
    expect(onTime.map((month) => month.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(onTime.filter((month) => month.answered)).toEqual([
      { month: '2026-09', answered: 1, onTime: 1 },
      { month: '2026-10', answered: 2, onTime: 1 },
      { month: '2026-11', answered: 2, onTime: 2 },
    ]);
    expect(listed({ ...all, answered: { month: '2026-10', onTime: false } })).toEqual(['dsr_r2']);
    expect(listed({ ...all, answered: { month: '2026-10', onTime: true } })).toEqual(['dsr_r5']);
    expect(listed({ ...all, answered: { month: '2026-10', onTime: null } })).toEqual(['dsr_r2', 'dsr_r5']);
    expect(listed({ ...all, answered: { month: '2026-11', onTime: true } })).toEqual(['dsr_r3', 'dsr_r4']);
  });

  it('open requests by days left, and each bucket lists its rows', () => {
    const figures = dsarFigures(db)(TODAY);
    expect(figures).toMatchObject({ open: 5, overdue: 1, paused: 0 });
    expect(figures.due.map((bucket) => [bucket.bucket, bucket.count])).toEqual([
      ['overdue', 1],
      ['week', 1],
      ['fortnight', 1],
      ['month', 1],
      ['later', 1],
    ]);
    const rows = figures.due.map((bucket) => listed({ statuses: [], dueBetween: { from: bucket.from, to: bucket.to } }));
    expect(rows).toEqual([['dsr_r7'], ['dsr_r9'], ['dsr_r10'], ['dsr_r11'], ['dsr_r8']]);
    expect(listed({ statuses: [], due: 'overdue' })).toEqual(['dsr_r7']);
  });

  it('load per assignee: open and overdue, most first, the unassigned too', () => {
    expect(dsarFigures(db)(TODAY).load).toEqual([
      { assigneeId: 'stf_a', open: 2, overdue: 1 },
      { assigneeId: null, open: 2, overdue: 0 },
      { assigneeId: 'stf_b', open: 1, overdue: 0 },
    ]);
    expect(listed({ assignee: 'stf_a', statuses: open })).toEqual(['dsr_r7', 'dsr_r9']);
    expect(listed({ assignee: 'unassigned', statuses: open })).toEqual(['dsr_r10', 'dsr_r11']);
  });

  it('the tallies follow every change in the rows’ own transactions: an answer, a removal, another time zone', () => {
    const r9 = fixture[8];
    dsars.upsert({
      ...r9,
      version: 2,
      status: 'completed',
      events: [...r9.events, status('2026-11-27T09:00:00Z', 'in_progress', 'completed')],
    });
    dsars.remove('dsr_r11');
    // An open request changes hands (the load per person and the open tally follow).
    const moved = fixture.find((dsar) => openStatuses.includes(dsar.status as never) && dsar.id !== 'dsr_r11');
    if (!moved) throw new Error('the fixture has open requests');
    dsars.upsert({ ...moved, version: moved.version + 1, assigneeId: moved.assigneeId === 'stf_moved' ? null : 'stf_moved' });
    let figures = dsarFigures(db)(TODAY);
    expect(figures.load.find((entry) => entry.assigneeId === 'stf_moved')?.open).toBe(1);
    expect(figures.onTime.at(-1)).toEqual({ month: '2026-11', answered: 3, onTime: 3 });
    expect(figures.inflow.at(-1)?.counts).toMatchObject({ erasure: 1, portability: 0 });
    expect(figures.due.map((bucket) => bucket.count)).toEqual([1, 0, 1, 0, 1]);
    let { kept, fresh } = rebuilt();
    expect(kept).toEqual(fresh);

    // In UTC, r8 arrived on Tuesday 24th (same week) and a request received at 23:30 UTC on a Sunday moves back.
    dsars.upsert(fixture[10]);
    clock = { ...clock, timeZone: 'UTC' };
    db.transaction(() => dsars.recomputeClock(true))();
    figures = dsarFigures(db)(TODAY);
    expect(figures.inflow.at(-1)?.counts).toMatchObject({ erasure: 1, portability: 0 });
    expect(figures.inflow.at(-2)?.counts).toMatchObject({ portability: 1 });
    expect(listed({ ...all, received: { from: '2026-11-16', to: '2026-11-22' } })).toEqual(['dsr_r11']);
    ({ kept, fresh } = rebuilt());
    expect(kept).toEqual(fresh);
    // The same columns as a fresh row in that zone would have.
    const columns = () => db.prepare('SELECT id, received_on, answered_on FROM dsars ORDER BY id').all();
    const recomputed = columns();
    db.transaction(() => {
      for (const dsar of fixture) dsars.remove(dsar.id);
      for (const dsar of [
        ...fixture.slice(0, 8),
        {
          ...r9,
          version: 2,
          status: 'completed' as const,
          events: [...r9.events, status('2026-11-27T09:00:00Z', 'in_progress', 'completed')],
        },
        ...fixture.slice(9),
      ]) {
        dsars.upsert(dsar);
      }
    })();
    expect(columns()).toEqual(recomputed);
    clock = { ...clock, timeZone: 'Europe/Berlin' };
  });
});

describe("the overview's request figures on generated data", () => {
  it('every figure equals the rows its click-through lists', () => {
    const big = tempDir();
    const generated = openStores(big.path, TEST_KEY);
    try {
      const cache = dsarCache(generated.cache, { clock: () => ({ ...clock, timeZone: 'Europe/Berlin' }) });
      const rows = generateDsars(createRandom(11), 4000, new Date('2026-11-27T12:00:00Z'), ['stf_a', 'stf_b', 'stf_c']).dsars;
      cache.beginBulkLoad();
      generated.cache.transaction(() => {
        for (const dsar of rows.slice(0, 3000)) cache.upsert(dsar);
      })();
      cache.endBulkLoad();
      // The rest row by row, through the triggers.
      generated.cache.transaction(() => {
        for (const dsar of rows.slice(3000)) cache.upsert(dsar);
      })();
      const figures = dsarFigures(generated.cache)(TODAY);
      const count = (input: QueueQueryInput) => {
        let total = 0;
        let after: string | null = null;
        do {
          const page = queuePage(generated.cache, QueueQuery.parse({ ...input, after, limit: 1000 }), null, TODAY);
          total += page.rows.length;
          after = page.next;
        } while (after);
        return total;
      };
      for (const week of figures.inflow) {
        for (const [type, n] of Object.entries(week.counts)) {
          expect(count({ statuses: [], types: [type as DsarType], received: { from: week.from, to: week.to } })).toBe(n);
        }
      }
      expect(figures.onTime.reduce((sum, m) => sum + m.answered, 0)).toBeGreaterThan(100);
      for (const month of figures.onTime) {
        expect(count({ statuses: [], answered: { month: month.month, onTime: true } })).toBe(month.onTime);
        expect(count({ statuses: [], answered: { month: month.month, onTime: null } })).toBe(month.answered);
      }
      for (const bucket of figures.due)
        expect(count({ statuses: [], dueBetween: { from: bucket.from, to: bucket.to } })).toBe(bucket.count);
      expect(figures.due.reduce((sum, b) => sum + b.count, 0)).toBe(figures.open);
      for (const load of figures.load) expect(count({ assignee: load.assigneeId ?? 'unassigned', statuses: open })).toBe(load.open);
      expect(figures.load.reduce((sum, l) => sum + l.open, 0)).toBe(figures.open);
    } finally {
      generated.close();
      big.remove();
    }
  });
});
