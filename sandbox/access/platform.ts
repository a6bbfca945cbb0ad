import type { AccessReview, AccessScope, DecisionKind, Employee, Grant, ReviewItem, ReviewReminder } from '../../shared/api/access';
import { type AccessPlatform, inScope, reviewItemOf, staffLookup } from '../../shared/domain/access';
import { localDate } from '../../shared/domain/calendar';
import type { PlatformOf } from '../http/entity-routes';
import { StepTimer } from '../jobs/steps';
import type { PlatformStore } from '../store/store';

/** The audit system accepts changes only in its maintenance window: the first attempt fails, a retry goes through. */
const FAILS_FIRST: ReadonlySet<AccessScope> = new Set(['it:delete_audit_logs']);
const WINDOW_CLOSED = 'The audit-log system refused the change: it accepts changes only in its maintenance window.';
/** How often the platform tries a revocation on its own before it stops and leaves it to people (escalated). */
export const MAX_ATTEMPTS = 3;

export interface AccessRunnerOptions {
  stepMs: number;
  /** How long after a failure the platform tries again on its own (doubling each time). */
  retryMs: number;
  /** Why an attempt fails, or null when it goes through (the platform's systems; tests replace it). */
  failure?: (grant: Grant, attempt: number) => string | null;
}

/**
 * The platform's side of access reviews: a review's items made from the grants in scope; revocations carried out
 * as a job (applied with the platform's instant, or failed with the reason); reductions and expiries applied at
 * once. A grant is shown revoked only once this job has said so.
 */
export class AccessRunner {
  private readonly steps: StepTimer;
  private failure: (grant: Grant, attempt: number) => string | null;

  constructor(
    private readonly store: PlatformStore,
    private readonly options: AccessRunnerOptions,
  ) {
    this.steps = new StepTimer(options.stepMs);
    this.failure = options.failure ?? ((grant, attempt) => (FAILS_FIRST.has(grant.scope) && attempt === 1 ? WINDOW_CLOSED : null));
  }

  /** Replaces why attempts fail (tests: a system that never accepts the change). */
  failWhen(failure: (grant: Grant, attempt: number) => string | null): void {
    this.failure = failure;
  }

  populate(review: AccessReview): number {
    const lookup = staffLookup(this.store.all<Employee>('employee'));
    let count = 0;
    for (const grant of this.store.all<Grant>('grant')) {
      const holder = lookup.employee(grant.employeeId);
      if (!holder || !inScope(grant, holder, review.scope)) continue;
      this.store.put('reviewItem', reviewItemOf(review, grant, holder, lookup));
      count++;
    }
    return count;
  }

  revoke(grantId: string, reason: string, source: string, actor: string, at: string): void {
    const grant = this.store.get<Grant>('grant', grantId);
    if (!grant || grant.state === 'revoked' || grant.state === 'revoking') return;
    this.store.put('grant', {
      ...grant,
      version: grant.version + 1,
      updatedAt: at,
      state: 'revoking',
      revocation: {
        requestedBy: actor,
        requestedAt: at,
        reason,
        source,
        appliedAt: null,
        failure: null,
        attempts: (grant.revocation?.attempts ?? 0) + 1,
        nextAttemptAt: null,
        retriedBy: null,
        retriedAt: null,
      },
    } satisfies Grant);
  }

  reduce(grantId: string, toScope: AccessScope, at: string): void {
    const grant = this.store.get<Grant>('grant', grantId);
    if (!grant) return;
    this.store.put('grant', {
      ...grant,
      version: grant.version + 1,
      updatedAt: at,
      scope: toScope,
      reducedFrom: grant.scope,
    } satisfies Grant);
  }

  expire(grantId: string, lastDay: string, at: string): void {
    const grant = this.store.get<Grant>('grant', grantId);
    if (!grant) return;
    this.store.put('grant', { ...grant, version: grant.version + 1, updatedAt: at, expiresAt: lastDay } satisfies Grant);
  }

  /** One more item of the review decided so: its counts move in the decision's own transaction. */
  counted(reviewId: string, kind: DecisionKind, at: string): void {
    const review = this.store.get<AccessReview>('accessReview', reviewId);
    if (!review) return;
    const field = ({ keep: 'kept', revoke: 'revoked', reduce: 'reduced', expire: 'expiring' } as const)[kind];
    const counts = { ...review.counts, decided: review.counts.decided + 1, [field]: review.counts[field] + 1 };
    this.store.put('accessReview', { ...review, version: review.version + 1, updatedAt: at, counts } satisfies AccessReview);
  }

  /** The reviewers with grants still open in a review, and (when escalating) the manager each late one answers to. */
  recipients(review: AccessReview, escalate: boolean): ReviewReminder['recipients'] {
    const open = new Map<string, number>();
    for (const item of this.store.all<ReviewItem>('reviewItem')) {
      if (item.reviewId === review.id && !item.decision) open.set(item.reviewerId, (open.get(item.reviewerId) ?? 0) + 1);
    }
    const staff = this.store.all<Employee>('employee');
    const byStaff = new Map(staff.filter((e) => e.staffId).map((e) => [e.staffId, e]));
    const byId = new Map(staff.map((e) => [e.id, e]));
    return [...open].map(([reviewerId, count]) => {
      const manager = byId.get(byStaff.get(reviewerId)?.managerId ?? '');
      // Escalated to the reviewer's manager, or the review's owner where the reviewer has none (or is the owner).
      const above = manager?.status === 'active' && manager.staffId && manager.staffId !== reviewerId ? manager.staffId : null;
      const escalatedTo = escalate ? (above ?? (review.ownerId !== reviewerId ? review.ownerId : null)) : null;
      return { reviewerId, open: count, escalatedTo };
    });
  }

  start(): void {
    this.steps.schedule(() => this.step());
  }

  stop(): void {
    this.steps.stop();
  }

  /**
   * One pass: every revocation asked is applied, or fails with the platform's reason (tried again on its own,
   * later each time, up to MAX_ATTEMPTS; then left to people); once a day, grants whose last day has passed.
   */
  step(): void {
    const at = new Date().toISOString();
    const due = this.store
      .all<Grant>('grant')
      .filter(
        (grant) =>
          grant.state === 'revoking' ||
          (grant.state === 'failed' && grant.revocation?.nextAttemptAt && grant.revocation.nextAttemptAt <= at),
      );
    if (due.length) {
      this.store.transaction(() => {
        for (const grant of due) {
          const revocation = grant.revocation;
          if (!revocation) continue;
          if (grant.state === 'failed') {
            this.attempt(grant, { ...revocation, attempts: revocation.attempts + 1, nextAttemptAt: null }, at, 'retry');
          } else this.attempt(grant, revocation, at, 'request');
        }
      });
    }
    // The nightly run: once a day, the day remembered in the store (a restart after a missed day runs it at once).
    const today = localDate(at, 'Europe/Berlin');
    if (this.store.meta('expiry_run') !== today) {
      this.revokeLapsed(new Date(at));
      this.store.setMeta('expiry_run', today);
    }
    this.start();
  }

  /** The nightly run: every live grant whose last day lies before `now`'s day is revoked (source "expiry"). */
  revokeLapsed(now: Date): number {
    const at = now.toISOString();
    const today = localDate(at, 'Europe/Berlin');
    const lapsed = this.store
      .all<Grant>('grant')
      .filter((grant) => grant.state === 'live' && grant.expiresAt !== null && grant.expiresAt < today);
    this.store.transaction(() => {
      for (const grant of lapsed) {
        this.attempt(
          grant,
          {
            requestedBy: 'platform',
            requestedAt: at,
            reason: `Its last day (${grant.expiresAt}) has passed.`,
            source: 'expiry',
            appliedAt: null,
            failure: null,
            attempts: 1,
            nextAttemptAt: null,
            retriedBy: null,
            retriedAt: null,
          },
          at,
          'expiry',
        );
      }
    });
    return lapsed.length;
  }

  /** One attempt at a revocation: applied with the platform's instant, or failed with the reason. */
  private attempt(grant: Grant, revocation: NonNullable<Grant['revocation']>, at: string, how: string): void {
    const failure = this.failure(grant, revocation.attempts);
    const retryIn = this.options.retryMs * 2 ** (revocation.attempts - 1);
    const nextAttemptAt = failure && revocation.attempts < MAX_ATTEMPTS ? new Date(Date.parse(at) + retryIn).toISOString() : null;
    this.store.put('grant', {
      ...grant,
      version: grant.version + 1,
      updatedAt: at,
      state: failure ? 'failed' : 'revoked',
      revocation: failure
        ? { ...revocation, failure, nextAttemptAt }
        : { ...revocation, appliedAt: at, failure: null, nextAttemptAt: null },
    } satisfies Grant);
    this.store.audit('platform', failure ? 'grant.revoke_failed' : 'grant.revoked', 'grant', grant.id, {
      source: revocation.source,
      attempt: revocation.attempts,
      how,
    });
  }
}

/** What the platform lends the review mutators: items, revocations and counts on its own store. */
export function accessPlatform(runner: AccessRunner): PlatformOf<AccessPlatform> {
  return (principal) => {
    const at = () => new Date().toISOString();
    return {
      capabilities: {
        populate: (review) => runner.populate(review),
        revoke: (grantId, reason, source) => runner.revoke(grantId, reason, source, principal.staff.id, at()),
        reduce: (grantId, toScope) => runner.reduce(grantId, toScope, at()),
        expire: (grantId, lastDay) => runner.expire(grantId, lastDay, at()),
        counted: (reviewId, kind) => runner.counted(reviewId, kind, at()),
        recipients: (review, escalate) => runner.recipients(review, escalate),
      },
      committed: () => {},
    };
  };
}
