import type { FastifyInstance } from 'fastify';
import { type Notice, NoticeAudience } from '../../shared/api/breach-notices';
import { operations } from '../../shared/api/paths';
import type { NoticePlatform } from '../../shared/domain/breach-notices';
import type { Account } from '../accounts/account';
import { coursesOf, platformCourses, signInsOf } from '../accounts/data';
import { requireScope, type TokenRegistry } from '../http/auth';
import type { PlatformOf } from '../http/entity-routes';
import { validationProblem } from '../http/problems';
import { StepTimer } from '../jobs/steps';
import type { PlatformStore } from '../store/store';

/** A notice goes out in this many steps; each one visible in the changes feed as counts. */
const STEPS = 5;

/** Whether the mail server refuses an address (about one in 30, fixed per account so a run can resume). */
function bounces(account: Account): boolean {
  let hash = 0;
  for (const char of account.id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash % 30 === 0 || !account.email;
}

/**
 * Sends Art. 34 notices the way a platform would: the audience resolved over its accounts, then the mails
 * queued, sent and delivered (or bounced) in steps, the counts in the changes feed after each. A notice left
 * sending by a stopped platform resumes from its counts on start.
 */
export class NoticeRunner {
  private readonly steps: StepTimer;

  constructor(
    private readonly store: PlatformStore,
    stepMs: number,
  ) {
    this.steps = new StepTimer(stepMs);
  }

  /** The accounts an audience reaches, in id order, and how many listed ids have no account. */
  resolve(audience: NoticeAudience): { accounts: Account[]; unknown: number } {
    switch (audience.kind) {
      case 'accounts':
      case 'csv': {
        const ids = [...new Set(audience.userIds)].sort();
        const accounts = ids.map((id) => this.store.account<Account>(id)).filter((a): a is Account => a !== null);
        return { accounts, unknown: ids.length - accounts.length };
      }
      case 'enrolled': {
        const course = audience.course.trim().toLocaleLowerCase('de');
        const accounts = this.store.accounts<Account>().filter((a) => coursesOf(a).some((c) => c.toLocaleLowerCase('de') === course));
        return { accounts, unknown: 0 };
      }
      case 'logged_in': {
        const from = `${audience.from}T00:00:00Z`;
        const to = `${audience.to}T23:59:59Z`;
        const accounts = this.store.accounts<Account>().filter(
          (a) =>
            !a.erased.includes('login_history') &&
            signInsOf(a).some((login) => {
              const at = String(login.fields.signedInAt ?? '');
              return at >= from && at <= to;
            }),
        );
        return { accounts, unknown: 0 };
      }
    }
  }

  /**
   * Keeps the accounts the audience reaches now (inside the write's transaction), so the counts always cover the
   * same people however the accounts change while it is sent; the job starts once the write has committed.
   */
  remember(noticeId: string, audience: NoticeAudience): void {
    const ids = this.resolve(audience).accounts.map((account) => account.id);
    this.store.db
      .prepare('INSERT OR REPLACE INTO job_specs (job_id, spec) VALUES (?, ?)')
      .run(`notice:${noticeId}`, JSON.stringify({ ids }));
  }

  start(noticeId: string): void {
    this.schedule(() => this.step(noticeId));
  }

  resume(): void {
    for (const notice of this.store.all<Notice>('notice'))
      if (notice.state === 'queued' || notice.state === 'sending') this.start(notice.id);
  }

  stop(): void {
    this.steps.stop();
  }

  private schedule(work: () => void): void {
    this.steps.schedule(work);
  }

  /** One step: the mails sent in the last step are delivered or bounce; the next batch is sent. */
  private step(noticeId: string): void {
    const notice = this.store.get<Notice>('notice', noticeId);
    const row = this.store.db.prepare<[string], { spec: string }>('SELECT spec FROM job_specs WHERE job_id = ?').get(`notice:${noticeId}`);
    if (!notice || !row || (notice.state !== 'queued' && notice.state !== 'sending')) return;
    const { ids } = JSON.parse(row.spec) as { ids: string[] };
    const c = { ...notice.counts };
    const batch = Math.max(1, Math.ceil(c.recipients / STEPS));
    // What was sent and has not come back yet is delivered or bounces now.
    const settled = c.delivered + c.bounced;
    for (const id of ids.slice(settled, c.sent)) {
      // An account erased meanwhile has no address any more: the mail comes back.
      const account = this.store.account<Account>(id);
      if (!account || bounces(account)) c.bounced++;
      else c.delivered++;
    }
    const next = Math.min(c.queued, batch);
    c.queued -= next;
    c.sent += next;
    const done = c.queued === 0 && c.delivered + c.bounced === c.sent;
    this.store.transaction(() => {
      this.store.put('notice', {
        ...notice,
        version: notice.version + 1,
        updatedAt: new Date().toISOString(),
        state: done ? 'done' : 'sending',
        counts: c,
      } satisfies Notice);
      if (done) this.store.audit('platform', 'notice.done', 'notice', notice.id, { incidentId: notice.incidentId, ...c });
    });
    if (!done) this.schedule(() => this.step(noticeId));
  }
}

/** What the platform lends the notice's mutator: the audience resolved over its accounts, and the job. */
export function noticePlatform(runner: NoticeRunner): PlatformOf<NoticePlatform> {
  return () => {
    const started: string[] = [];
    return {
      capabilities: {
        resolve(audience) {
          const { accounts, unknown } = runner.resolve(audience);
          return { recipients: accounts.length, unknown };
        },
        start(noticeId, audience) {
          runner.remember(noticeId, audience);
          started.push(noticeId);
        },
      },
      committed: () => {
        for (const id of started) runner.start(id);
      },
    };
  };
}

/** The notice's operation beside its entity: whom an audience reaches, before anything is sent. */
export function noticeRoutes(app: FastifyInstance, runner: NoticeRunner, tokens: TokenRegistry): void {
  app.post('/v1/notice-audiences/preview', async (request) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.previewAudience.scope);
    const audience = NoticeAudience.safeParse(request.body);
    if (!audience.success) throw validationProblem(audience.error, 'request body');
    const { accounts, unknown } = runner.resolve(audience.data);
    return { recipients: accounts.length, unknown };
  });
  app.get('/v1/courses', async (request) => {
    requireScope(tokens.authenticate(request), operations.listCourses.scope);
    return { courses: [...platformCourses] };
  });
}
