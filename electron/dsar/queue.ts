import type Database from 'better-sqlite3-multiple-ciphers';
import { addDays, monthEnd } from '../../shared/domain/calendar';
import { openStatuses } from '../../shared/domain/dsar';
import { foldGerman, requestIdIn } from '../../shared/domain/search';
import { type QueuePage, type QueueQuery, SEARCH_LIMIT } from '../../shared/ipc/contract';
import { empty, ident, join, list, type Sql, sql } from '../cache/sql';
import { type QueueColumns, toQueueRow } from './rows';

const indexes = [
  'dsars_due',
  'dsars_received',
  'dsars_open_due',
  'dsars_open_received',
  'dsars_status_due',
  'dsars_status_received',
  'dsars_type_due',
  'dsars_type_received',
  'dsars_assignee_due',
  'dsars_assignee_received',
  'dsars_assignee_open_due',
  'dsars_assignee_open_received',
  'dsars_answered',
] as const;
type IndexName = (typeof indexes)[number];
const sortColumns = ['due_date', 'received_at'] as const;

const columns = sql`d.id, d.type, d.status, d.subject_name, d.subject_email, d.received_at, d.due_date, d.assignee_id, d.priority, d.pending, d.clock_paused`;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

interface KeysetCursor {
  k: string;
  id: string;
}
const encodeCursor = (cursor: KeysetCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decodeCursor(value: string): KeysetCursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as KeysetCursor;
    if (typeof parsed.k === 'string' && typeof parsed.id === 'string') return parsed;
  } catch {
    // falls through to the error below
  }
  throw new RangeError('the queue cursor is not valid');
}

/**
 * `"anna"* ("müller"* OR "mueller"*)`: every word a prefix, in both German spellings where they differ, quoted
 * so FTS5 syntax in user input is just text.
 */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/[\s@.,;:+\-_/\\()"'*^]+/u)
    .filter(Boolean)
    .slice(0, 8);
  const term = (word: string) => `"${word.replace(/"/g, '""')}"*`;
  return words.length
    ? words
        .map((word) => {
          const folded = foldGerman(word);
          return folded === word.toLocaleLowerCase('de') ? term(word) : `(${term(word)} OR ${term(folded)})`;
        })
        .join(' ')
    : null;
}

/**
 * Builds the statement for one queue page. Each filter-and-sort combination is pinned to the index that
 * serves it (INDEXED BY), so a page is a range walk in index order: no table scan, no sort, at any size.
 */
export function queueStatement(query: QueueQuery, myStaffId: string | null, today: string, indexed = true): Sql {
  const sortColumn = query.sort.startsWith('due') ? 'due_date' : 'received_at';
  const descending = query.sort.endsWith('desc');
  const suffix = sortColumn === 'due_date' ? 'due' : 'received';
  const assignee = query.assignee === 'me' ? (myStaffId ?? '\u0000nobody') : query.assignee;
  // A due-date view is about open requests; with no status chosen it means all open ones.
  const onlyOpen =
    sameSet(query.statuses, openStatuses) || ((query.due !== null || query.dueBetween !== null) && query.statuses.length === 0);

  const where: Sql[] = [];
  let index: IndexName;
  if (assignee !== null) {
    index = onlyOpen ? `dsars_assignee_open_${suffix}` : `dsars_assignee_${suffix}`;
    where.push(assignee === 'unassigned' ? sql`d.assignee_id IS NULL` : sql`d.assignee_id = ${assignee}`);
  } else if (onlyOpen) {
    index = `dsars_open_${suffix}`;
  } else if (query.statuses.length === 1) {
    index = `dsars_status_${suffix}`;
  } else if (query.types.length === 1) {
    index = `dsars_type_${suffix}`;
  } else {
    index = `dsars_${suffix}`;
  }
  if (onlyOpen) where.push(sql`d.is_open = 1`);
  else if (query.statuses.length) where.push(sql`d.status IN (${list(query.statuses)})`);
  if (query.types.length) where.push(sql`d.type IN (${list(query.types)})`);
  if (query.due === 'overdue') where.push(sql`d.is_open = 1 AND d.due_date < ${today}`);
  if (query.due === 'week') where.push(sql`d.is_open = 1 AND d.due_date BETWEEN ${today} AND ${addDays(today, 7)}`);
  // The overview's figures: each a range of one index, walked before the rows are sorted (see below).
  let range: IndexName | null = null;
  if (query.received) {
    // A local day lies within a day either side of its UTC date: the index range holds it, the day column decides.
    const { from, to } = query.received;
    where.push(
      sql`d.received_at >= ${addDays(from, -1)} AND d.received_at < ${addDays(to, 2)} AND d.received_on BETWEEN ${from} AND ${to}`,
    );
    range = 'dsars_received';
  }
  if (query.answered) {
    const { month, onTime } = query.answered;
    where.push(sql`d.answered_on BETWEEN ${`${month}-01`} AND ${monthEnd(month)}`);
    if (onTime !== null) where.push(onTime ? sql`d.answered_on <= d.due_date` : sql`d.answered_on > d.due_date`);
    range ??= 'dsars_answered';
  }
  if (query.dueBetween) {
    const { from, to } = query.dueBetween;
    where.push(sql`d.is_open = 1`);
    if (from) where.push(sql`d.due_date >= ${from}`);
    if (to) where.push(sql`d.due_date <= ${to}`);
    range ??= 'dsars_open_due';
  }

  const column = ident(sortColumn, sortColumns);
  const direction = { text: descending ? 'DESC' : 'ASC', params: [] };
  // A request id (it stands in every message's subject) finds that request.
  const id = requestIdIn(query.search);
  if (id) {
    const filters = where.length ? sql` AND ${join(where, ' AND ')}` : empty;
    return sql`SELECT ${columns} FROM dsars AS d WHERE d.id = ${id}${filters}`;
  }
  const search = ftsQuery(query.search);
  if (search) {
    // The best matches by relevance, then in the order the officer chose.
    const filters = where.length ? sql` AND ${join(where, ' AND ')}` : empty;
    return sql`SELECT * FROM (SELECT ${columns} FROM dsars_fts f JOIN dsars d ON d.rowid = f.rowid
      WHERE dsars_fts MATCH ${search}${filters} ORDER BY f.rank LIMIT ${Math.min(query.limit, SEARCH_LIMIT)})
      ORDER BY ${column} ${direction}, id ${direction}`;
  }

  if (query.after) {
    const cursor = decodeCursor(query.after);
    where.push(
      descending ? sql`(d.${column}, d.id) < (${cursor.k}, ${cursor.id})` : sql`(d.${column}, d.id) > (${cursor.k}, ${cursor.id})`,
    );
  }
  const filters = where.length ? sql` WHERE ${join(where, ' AND ')}` : empty;
  // While a bootstrap defers the indexes, the rows so far are scanned and sorted (fewer than at the end).
  if (!indexed) {
    return sql`SELECT ${columns} FROM dsars AS d${filters} ORDER BY d.${column} ${direction}, d.id ${direction} LIMIT ${query.limit + 1}`;
  }
  if (range) {
    // A week, a month, a bucket: a few thousand rows found by their range, then sorted.
    return sql`SELECT * FROM (SELECT ${columns} FROM dsars AS d INDEXED BY ${ident(range, indexes)}${filters})
      ORDER BY ${column} ${direction}, id ${direction} LIMIT ${query.limit + 1}`;
  }
  return sql`SELECT ${columns} FROM dsars AS d INDEXED BY ${ident(index, indexes)}${filters}
    ORDER BY d.${column} ${direction}, d.id ${direction} LIMIT ${query.limit + 1}`;
}

export function queuePage(db: Database.Database, query: QueueQuery, myStaffId: string | null, today: string, indexed = true): QueuePage {
  const statement = queueStatement(query, myStaffId, today, indexed);
  const rows = db.prepare<unknown[], QueueColumns>(statement.text).all(...statement.params);
  if (query.search.trim()) return { rows: rows.map(toQueueRow), next: null };
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  const key = query.sort.startsWith('due') ? last?.due_date : last?.received_at;
  return { rows: page.map(toQueueRow), next: hasMore && last && key ? encodeCursor({ k: key, id: last.id }) : null };
}
