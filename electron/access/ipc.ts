import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Employee, Grant, ItemDecide, ReviewItem } from '../../shared/api/access';
import { type Finding, findings } from '../../shared/domain/access';
import { daysBetween, localDate } from '../../shared/domain/calendar';
import { RuleError } from '../../shared/domain/rules';
import type { AccessCheckSettings, AccessReminder, ItemQuery, ReviewerProgress, ReviewRow } from '../../shared/ipc/contract';
import type { Setting } from '../cache/settings';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { WritePath } from '../sync/writes';
import { evidenceCsv, evidencePdf } from './evidence';
import type { FindingsLog } from './findings-log';
import type { AccessReviewCache, EmployeeCache, GrantCache, ReviewItemCache } from './store';

export interface AccessHandlerDeps {
  db: Database.Database;
  writes: WritePath;
  employees: EmployeeCache;
  grants: GrantCache;
  reviews: AccessReviewCache;
  items: ReviewItemCache;
  exports: ExportLog;
  actor(): string;
  controllerName(): string;
  /** The controller's Land: a leaver's deadline counts its working days. */
  region(): string;
  /** The checks' thresholds the team set (dormancy, separation of duties). */
  checkSettings: Setting<AccessCheckSettings>;
  /** The findings as they came and went (for the evidence of a review's window). */
  findingsLog: FindingsLog;
}

/** A review's reviewers are reminded by the desktop this many days before it is due. */
const DUE_SOON_DAYS = 3;

/** The most items one decision for a whole selection touches. */
const DECIDE_ALL_LIMIT = 20_000;

/** Access reviews: staff and grants from the cache, reviews and decisions through the outbox, evidence as files. */
export function registerAccessHandlers(ipc: IpcRegistry, deps: AccessHandlerDeps): void {
  const { db, writes } = deps;
  const checks = () => ({ ...deps.checkSettings.get(), region: deps.region() });
  const today = () => localDate(new Date().toISOString(), 'Europe/Berlin');
  /** The checks over the cache now, each time also recorded in the log of findings (new ones open, gone ones close). */
  const check = (employees: Employee[], grants: Grant[]) => {
    const now = new Date().toISOString();
    const found = findings(employees, grants, now, checks());
    deps.findingsLog.observe(found, new Map(employees.map((e) => [e.id, e])), new Map(grants.map((g) => [g.id, g])), now);
    return found;
  };
  // Each filter combination's statements, compiled once.
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const matching = (query: Omit<ItemQuery, 'offset' | 'limit'>, limit: number, offset = 0) => {
    const where = ['i.review_id = @reviewId'];
    if (query.reviewer !== 'all') where.push('i.reviewer_id = @reviewer');
    if (query.decided === 'open') where.push('i.decision IS NULL');
    if (query.decided === 'decided') where.push('i.decision IS NOT NULL');
    if (query.scope) where.push('i.scope = @scope');
    // A name is searched among the staff (a few hundred), then each matching holder's items through an index in
    // the list's order (the name as the review started: the same unless HR renamed someone since).
    if (query.q) where.push("i.holder_name IN (SELECT name FROM employees WHERE name LIKE @q ESCAPE '\\')");
    const params = {
      reviewId: query.reviewId,
      reviewer: query.reviewer === 'me' ? deps.actor() : query.reviewer,
      scope: query.scope,
      q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      limit,
      offset,
    };
    const from = `FROM review_items i WHERE ${where.join(' AND ')}`;
    // Without a name, the totals are sums of the counts the cache keeps per reviewer, scope and decided-or-not.
    const counted = ['c.review_id = @reviewId'];
    if (query.reviewer !== 'all') counted.push('c.reviewer_id = @reviewer');
    if (query.scope) counted.push('c.scope = @scope');
    const sum = (decided: string) =>
      (
        prepared(`SELECT coalesce(sum(c.n), 0) AS n FROM review_item_counts c WHERE ${counted.join(' AND ')}${decided}`).get(params) as {
          n: number;
        }
      ).n;
    // With a name: both totals in one pass over the holders' index entries.
    const counts = () =>
      prepared(`SELECT count(*) AS total, coalesce(sum(i.decision IS NULL), 0) AS open ${from}`).get(params) as {
        total: number;
        open: number;
      };
    const decidedFilter = query.decided === 'open' ? ' AND c.decided = 0' : query.decided === 'decided' ? ' AND c.decided = 1' : '';
    return {
      ids: (prepared(`SELECT i.id ${from} ORDER BY i.holder_name, i.id LIMIT @limit OFFSET @offset`).all(params) as { id: string }[]).map(
        (row) => row.id,
      ),
      totals: () => (query.q ? counts() : { total: sum(decidedFilter), open: sum(' AND c.decided = 0') }),
    };
  };
  const row = (id: string): ReviewRow => {
    const item = deps.items.get(id);
    if (!item) throw new HandlerError('internal', `${id} vanished from the cache.`);
    const employee = deps.employees.get(item.employeeId);
    return {
      ...item,
      employeeName: employee?.name ?? item.employeeId,
      department: employee?.department ?? '',
      grant: deps.grants.get(item.grantId),
    };
  };
  const grant = (id: string) => {
    const doc = deps.grants.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  const review = (id: string) => {
    const doc = deps.reviews.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };

  ipc.handle('access.overview', () => {
    const employees = deps.employees.list();
    const grants = deps.grants.list();
    const settings = checks();
    return {
      employees,
      grants,
      findings: check(employees, grants),
      dormantDays: settings.dormantDays,
    };
  });
  ipc.handle('access.reviews', () => deps.reviews.list().reverse());
  ipc.handle('access.reminders', () => {
    const employees = deps.employees.list();
    const departments = new Map(employees.map((e) => [e.id, e.department]));
    const found = check(employees, deps.grants.list());
    const out: AccessReminder[] = found
      .filter((finding) => finding.kind === 'leaver' && finding.dueDate)
      .map((finding) => ({
        kind: 'leaver',
        key: `access:leaver:${finding.employeeId}:${finding.overdue ? 'overdue' : 'due'}`,
        department: departments.get(finding.employeeId) ?? '',
        grants: finding.grantIds.length,
        dueDate: finding.dueDate ?? '',
        overdue: finding.overdue,
      }));
    // The other findings by kind and count: told again only when someone new is among them.
    const byKind = new Map<Exclude<Finding['kind'], 'leaver'>, Finding[]>();
    for (const finding of found) {
      if (finding.kind === 'leaver') continue;
      byKind.set(finding.kind, [...(byKind.get(finding.kind) ?? []), finding]);
    }
    for (const [kind, list] of byKind) {
      const members = [...new Set(list.map((finding) => `access:${kind}:${finding.employeeId}`))];
      out.push({ kind: 'finding', key: `access:${kind}`, members, finding: kind, people: members.length });
    }
    // The user's own open grants in a review due within three days, or overdue.
    const day = today();
    const mine = prepared(
      'SELECT coalesce(sum(n), 0) AS n FROM review_item_counts WHERE review_id = @review AND reviewer_id = @me AND decided = 0',
    );
    for (const review of deps.reviews.list()) {
      if (review.state !== 'open' || daysBetween(day, review.dueDate) > DUE_SOON_DAYS) continue;
      const open = (mine.get({ review: review.id, me: deps.actor() }) as { n: number }).n;
      if (!open) continue;
      const overdue = day > review.dueDate;
      out.push({
        kind: 'review',
        key: `access:review:${review.id}:${overdue ? 'overdue' : 'due'}`,
        title: review.title,
        open,
        dueDate: review.dueDate,
        overdue,
      });
    }
    return out;
  });
  ipc.handle('access.progress', ({ reviewId }): ReviewerProgress[] => {
    const subject = review(reviewId);
    const rows = prepared(
      `SELECT reviewer_id AS reviewerId, sum(n) AS items, sum(CASE WHEN decided = 1 THEN n ELSE 0 END) AS decided
       FROM review_item_counts WHERE review_id = ? GROUP BY reviewer_id HAVING sum(n) > 0 ORDER BY reviewer_id`,
    ).all(reviewId) as { reviewerId: string; items: number; decided: number }[];
    return rows.map((row) => {
      const last = (subject.reminders ?? []).findLast((reminder) => reminder.recipients.some((r) => r.reviewerId === row.reviewerId));
      return {
        ...row,
        remindedAt: last?.at ?? null,
        escalatedTo: last?.recipients.find((r) => r.reviewerId === row.reviewerId)?.escalatedTo ?? null,
      };
    });
  });
  ipc.handle('access.settings.get', () => deps.checkSettings.get());
  ipc.handle('access.settings.update', (settings) => deps.checkSettings.set(settings));
  ipc.handle('access.review.remind', ({ id, ...args }) => {
    writes.mutate('accessReview', id, 'remind', args);
    return review(id);
  });
  ipc.handle('access.review.start', (input) => {
    const id = `arv_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    writes.mutate('accessReview', id, 'start', { id, ...input });
    return review(id);
  });
  ipc.handle('access.review.close', ({ id, ...args }) => {
    writes.mutate('accessReview', id, 'close', args);
    return review(id);
  });
  ipc.handle('access.items', (query) => {
    const found = matching(query, query.limit, query.offset);
    const { total, open } = found.totals();
    return { rows: found.ids.map(row), total, open: query.decided === 'open' ? total : query.decided === 'decided' ? 0 : open };
  });
  ipc.handle('access.item.decide', ({ id, ...decision }) => {
    writes.mutate('reviewItem', id, 'decide', decision);
    return row(id);
  });
  ipc.handle('access.items.decideAll', ({ query, decision }) => {
    const found = matching({ ...query, decided: 'open' }, DECIDE_ALL_LIMIT + 1);
    if (found.ids.length > DECIDE_ALL_LIMIT) {
      throw new HandlerError('invalid_input', `More than ${DECIDE_ALL_LIMIT} grants match: narrow the filter first.`, {
        problem: 'too-many-matches',
        params: { limit: DECIDE_ALL_LIMIT },
      });
    }
    // Each item is its own write, checked by the same rule as one by one (a sensitive one kept without a reason is refused).
    const refused: { id: string; problem: RuleError['code'] }[] = [];
    // The selection's rows in one query, so the batch does not read them again one by one.
    const docs = found.ids.length
      ? (
          prepared(`SELECT doc FROM review_items WHERE id IN (SELECT value FROM json_each(@ids))`).all({
            ids: JSON.stringify(found.ids),
          }) as { doc: string }[]
        ).map((row) => JSON.parse(row.doc) as ReviewItem)
      : [];
    const decided = writes.batch(() => {
      writes.prime('reviewItem', docs);
      for (const id of found.ids) {
        try {
          writes.mutate('reviewItem', id, 'decide', decision as ItemDecide);
        } catch (error) {
          if (!(error instanceof RuleError)) throw error;
          refused.push({ id, problem: error.code });
        }
      }
    });
    return { decided, refused };
  });
  ipc.handle('access.grant.revoke', ({ id, ...args }) => {
    writes.mutate('grant', id, 'revoke', args);
    return grant(id);
  });
  ipc.handle('access.grant.retry', ({ id, ...args }) => {
    writes.mutate('grant', id, 'retry', args);
    return grant(id);
  });
  ipc.handle('access.evidence', async ({ reviewId, format, language }) => {
    const subject = review(reviewId);
    // This review's items only (the cache holds every review's), each with whether the platform has it yet.
    const items = (
      prepared('SELECT pending, doc FROM review_items WHERE review_id = ? ORDER BY holder_name, id').all(reviewId) as {
        pending: number;
        doc: string;
      }[]
    ).map((row) => ({ ...(JSON.parse(row.doc) as ReviewItem), pending: row.pending === 1 }));
    const employees = new Map(deps.employees.list().map((e) => [e.id, e]));
    const grants = new Map(deps.grants.list().map((g) => [g.id, g]));
    const allFindings = check([...employees.values()], [...grants.values()]);
    const input = {
      review: subject,
      items,
      employees,
      grants,
      findings: allFindings,
      logged: deps.findingsLog.during(subject.createdAt, subject.closedAt ?? new Date().toISOString()),
      checks: checks(),
      language,
      controller: deps.controllerName(),
    };
    const stamp = new Date().toISOString().slice(0, 10);
    const content = format === 'csv' ? Buffer.from(evidenceCsv(input), 'utf8') : await evidencePdf(input);
    return deps.exports.record({
      kind: 'access_evidence',
      format,
      fileName: `access-review-${reviewId}-${stamp}.${format}`,
      mimeType: format === 'csv' ? 'text/csv' : 'application/pdf',
      content,
      actor: deps.actor(),
    });
  });
}
