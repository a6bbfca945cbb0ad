import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../../electron/cache/stores';
import { ftsQuery, queuePage, queueStatement } from '../../../../electron/dsar/queue';
import { dsarCache } from '../../../../electron/dsar/store';
import { generateDsars } from '../../../../sandbox/seed/dsars';
import { createRandom } from '../../../../sandbox/seed/random';
import type { Dsar } from '../../../../shared/api/dsar';
import { openStatuses } from '../../../../shared/domain/dsar';
import { defaultClockSettings } from '../../../../shared/domain/dsar-clock';
import { QueueQuery, type QueueQueryInput, type QueueRow } from '../../../../shared/ipc/contract';
import { TEST_KEY, tempDir } from '../../../support/temp';

const officers = ['stf_a', 'stf_b', 'stf_c'];
let dir: ReturnType<typeof tempDir>;
let stores: Stores;
let db: Database.Database;
let all: Dsar[];
const TODAY = '2026-11-27';

beforeAll(() => {
  dir = tempDir();
  stores = openStores(dir.path, TEST_KEY);
  db = stores.cache;
  all = generateDsars(createRandom(7), 3000, new Date('2026-11-27T12:00:00Z'), officers).dsars;
  const dsars = dsarCache(db, { clock: () => defaultClockSettings });
  db.transaction(() => {
    for (const dsar of all) dsars.upsert(dsar);
  })();
  db.exec('ANALYZE');
});
afterAll(() => {
  stores.close();
  dir.remove();
});

const filters: QueueQueryInput[] = [
  {},
  { statuses: [...openStatuses] },
  { statuses: ['new'] },
  { statuses: ['new', 'completed'] },
  { types: ['erasure'] },
  { types: ['erasure', 'access'] },
  { assignee: 'me' },
  { assignee: 'unassigned' },
  { assignee: 'stf_b', statuses: [...openStatuses], types: ['access'] },
  { statuses: ['in_progress'], types: ['objection'] },
];
const sorts = ['due_asc', 'due_desc', 'received_desc', 'received_asc'] as const;
const combos = filters.flatMap((filter) => sorts.map((sort) => ({ ...filter, sort })));

function plan(input: QueueQueryInput): string[] {
  const statement = queueStatement(QueueQuery.parse(input), 'stf_a', TODAY);
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${statement.text}`)
    .all(...statement.params)
    .map((row) => row.detail);
}

describe('queue query plans', () => {
  it.each(combos.map((c) => [JSON.stringify(c), c] as const))('%s walks an index: no table scan, no temp sort', (_label, input) => {
    for (const cursor of [null, 'eyJrIjoiMjAyNi0wNi0wMSIsImlkIjoiZHNyXzAwMDA1MCJ9']) {
      const details = plan({ ...input, after: cursor });
      expect(details.join(' | ')).toMatch(/USING (COVERING )?INDEX dsars_/);
      for (const detail of details) {
        expect(detail).not.toMatch(/^SCAN \w+$|^SCAN d$|TEMP B-TREE/);
      }
    }
  });

  it('search goes through the FTS index, looks rows up by rowid, and sorts only the bounded best matches', () => {
    const details = plan({ search: 'müller web', statuses: [...openStatuses] });
    // The relevance order comes from the index; only the ≤ 500 best matches are sorted as the officer chose.
    expect(details).toEqual([
      'CO-ROUTINE (subquery-1)',
      expect.stringMatching(/^SCAN f VIRTUAL TABLE INDEX/),
      'SEARCH d USING INTEGER PRIMARY KEY (rowid=?)',
      'SCAN (subquery-1)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });

  it('a request id is looked up by its key', () => {
    expect(plan({ search: 'Ihr Antrag – dsr_000042' })).toEqual([
      expect.stringMatching(/^SEARCH d USING INDEX sqlite_autoindex_dsars_1 \(id=\?\)|^SEARCH d USING PRIMARY KEY/),
    ]);
  });
});

const expected = (input: QueueQueryInput): string[] => {
  const query = QueueQuery.parse(input);
  const key = (row: QueueRow) => (query.sort.startsWith('due') ? row.dueDate : row.receivedAt);
  const mine = query.assignee === 'me' ? 'stf_a' : query.assignee;
  return all
    .filter((d) => !query.statuses.length || query.statuses.includes(d.status))
    .filter((d) => !query.types.length || query.types.includes(d.type))
    .filter((d) => mine === null || (mine === 'unassigned' ? d.assigneeId === null : d.assigneeId === mine))
    .map(
      (d) =>
        db
          .prepare<[string], { id: string; due_date: string; received_at: string }>(
            'SELECT id, due_date, received_at FROM dsars WHERE id = ?',
          )
          .get(d.id)!,
    )
    .map((r) => ({ id: r.id, dueDate: r.due_date, receivedAt: r.received_at }) as QueueRow)
    .sort((a, b) => {
      const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return query.sort.endsWith('desc') ? -order : order;
    })
    .map((row) => row.id);
};

describe('queue keyset pagination', () => {
  it.each(combos.map((c) => [JSON.stringify(c), c] as const))('%s pages through exactly the filtered, sorted set', (_label, input) => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = queuePage(db, QueueQuery.parse({ ...input, after, limit: 97 }), 'stf_a', TODAY);
      seen.push(...page.rows.map((row) => row.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(expected(input));
  });

  it('refuses a forged cursor', () => {
    expect(() => queuePage(db, QueueQuery.parse({ after: 'not-a-cursor' }), null, TODAY)).toThrow(RangeError);
  });
});

describe('subject search', () => {
  it('finds by name in every German spelling (Krüger, Kruger, Krueger) and by e-mail part', () => {
    const target = all.find((d) => d.subject.name.includes('ü'))!;
    const lastName = target.subject.name.split(' ').pop()!;
    for (const spelling of [lastName, lastName.replace('ü', 'u'), lastName.replace('ü', 'ue')]) {
      const page = queuePage(db, QueueQuery.parse({ search: spelling }), null, TODAY);
      expect(
        page.rows.map((r) => r.id),
        spelling,
      ).toContain(target.id);
    }
    const written = all.find((d) => /ue/.test(d.subject.name) && !/[äöü]/.test(d.subject.name));
    if (written) {
      const umlaut = written.subject.name
        .split(' ')
        .find((w) => w.includes('ue'))!
        .replace('ue', 'ü');
      expect(queuePage(db, QueueQuery.parse({ search: umlaut }), null, TODAY).rows.map((r) => r.id)).toContain(written.id);
    }
    const byMail = queuePage(db, QueueQuery.parse({ search: (target.subject.email ?? '').split('@')[0] }), null, TODAY);
    expect(byMail.rows.map((r) => r.id)).toContain(target.id);
  });

  it('finds a request by its id, also inside a message subject, and keeps the chosen order', () => {
    const target = all[17];
    expect(
      queuePage(db, QueueQuery.parse({ search: `Ihr Antrag auf Auskunft – ${target.id}` }), null, TODAY).rows.map((r) => r.id),
    ).toEqual([target.id]);
    const byDue = queuePage(db, QueueQuery.parse({ search: 'web', sort: 'due_desc' }), null, TODAY).rows.map((r) => r.dueDate);
    expect(byDue.length).toBeGreaterThan(5);
    expect(byDue).toEqual([...byDue].sort().reverse());
  });

  it('treats FTS syntax in user input as text', () => {
    expect(ftsQuery('NEAR(a b) OR "x" *')).toBe('"NEAR"* "a"* "b"* "OR"* "x"*');
    expect(() => queuePage(db, QueueQuery.parse({ search: 'a" OR b NOT' }), null, TODAY)).not.toThrow();
    expect(ftsQuery('   ')).toBeNull();
  });
});
