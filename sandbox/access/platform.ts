import type { AccessReview, AccessScope, Employee, Grant, ReviewItem } from '../../shared/api/access';
import { type AccessPlatform, inScope, reviewerOf } from '../../shared/domain/access';
import type { PlatformOf } from '../http/entity-routes';
import { StepTimer } from '../jobs/steps';
import type { PlatformStore } from '../store/store';

/** The audit system accepts changes only in its maintenance window: the first attempt fails, a retry goes through. */
const FAILS_FIRST: ReadonlySet<AccessScope> = new Set(['it:delete_audit_logs']);

/**
 * The platform's side of access reviews: a review's items made from the grants in scope; revocations carried out
 * as a job (applied with the platform's instant, or failed with the reason); reductions and expiries applied at
 * once. A grant is shown revoked only once this job has said so.
 */
export class AccessRunner {
  private readonly steps: StepTimer;

  constructor(
    private readonly store: PlatformStore,
    stepMs: number,
  ) {
    this.steps = new StepTimer(stepMs);
  }

  populate(review: AccessReview): number {
    const employees = new Map(this.store.all<Employee>('employee').map((e) => [e.id, e]));
    const employee = (id: string) => employees.get(id) ?? null;
    let count = 0;
    for (const grant of this.store.all<Grant>('grant')) {
      const holder = employee(grant.employeeId);
      if (!holder || !inScope(grant, holder, review.scope)) continue;
      const { reviewerId, reassigned } = reviewerOf(holder, review.reviewers, review.ownerId, employee);
      const item: ReviewItem = {
        id: `rvi_${review.id.replace(/^arv_/, '')}_${grant.id.replace(/^grt_/, '')}`,
        version: 1,
        updatedAt: review.createdAt,
        reviewId: review.id,
        grantId: grant.id,
        employeeId: holder.id,
        holderName: holder.name,
        scope: grant.scope,
        reviewerId,
        reassigned,
        decision: null,
      };
      this.store.put('reviewItem', item);
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

  /** The review's counts from its items, after a decision was committed. */
  recount(reviewId: string): void {
    const review = this.store.get<AccessReview>('accessReview', reviewId);
    if (!review) return;
    const items = this.store.all<ReviewItem>('reviewItem').filter((item) => item.reviewId === reviewId);
    const decided = items.filter((item) => item.decision);
    const of = (kind: string) => decided.filter((item) => item.decision?.kind === kind).length;
    this.store.transaction(() =>
      this.store.put('accessReview', {
        ...review,
        version: review.version + 1,
        updatedAt: new Date().toISOString(),
        counts: {
          items: items.length,
          decided: decided.length,
          kept: of('keep'),
          revoked: of('revoke'),
          reduced: of('reduce'),
          expiring: of('expire'),
        },
      } satisfies AccessReview),
    );
  }

  start(): void {
    this.steps.schedule(() => this.step());
  }

  stop(): void {
    this.steps.stop();
  }

  /** One pass: every revocation asked is applied, or fails with the platform's reason. */
  step(): void {
    const asked = this.store.all<Grant>('grant').filter((grant) => grant.state === 'revoking');
    const at = new Date().toISOString();
    this.store.transaction(() => {
      for (const grant of asked) {
        const revocation = grant.revocation;
        if (!revocation) continue;
        const fails = FAILS_FIRST.has(grant.scope) && revocation.attempts === 1;
        this.store.put('grant', {
          ...grant,
          version: grant.version + 1,
          updatedAt: at,
          state: fails ? 'failed' : 'revoked',
          revocation: fails
            ? { ...revocation, failure: 'The audit-log system refused the change: it accepts changes only in its maintenance window.' }
            : { ...revocation, appliedAt: at, failure: null },
        } satisfies Grant);
        this.store.audit('platform', fails ? 'grant.revoke_failed' : 'grant.revoked', 'grant', grant.id, { source: revocation.source });
      }
    });
    this.start();
  }
}

/** What the platform lends the review mutators: items, revocations and counts on its own store. */
export function accessPlatform(runner: AccessRunner): PlatformOf<AccessPlatform> {
  return (principal) => {
    const recounts = new Set<string>();
    const at = () => new Date().toISOString();
    return {
      capabilities: {
        populate: (review) => runner.populate(review),
        revoke: (grantId, reason, source) => runner.revoke(grantId, reason, source, principal.staff.id, at()),
        reduce: (grantId, toScope) => runner.reduce(grantId, toScope, at()),
        expire: (grantId, lastDay) => runner.expire(grantId, lastDay, at()),
        recount: (reviewId) => recounts.add(reviewId),
      },
      committed: () => {
        for (const id of recounts) runner.recount(id);
      },
    };
  };
}
