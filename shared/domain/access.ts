import {
  type AccessReview,
  type AccessScope,
  accessScopes,
  type DecisionKind,
  type Employee,
  type Grant,
  type ItemDecide,
  type ReviewItem,
  type ReviewReminder,
  type ReviewScope,
  type ReviewStart,
} from '../api/access';
import type { DataCategory } from '../api/dsar-workflow';
import type { MutationContext } from '../entities/descriptor';
import { daysBetween, localDate } from './calendar';
import { nextWorkingDay } from './deadlines';
import { RuleError } from './rules';

/** What only the platform can do for access reviews: put a review's grants in it, and change grants. */
export interface AccessPlatform {
  /** Every live grant in scope becomes an item with its reviewer (never its holder); answers how many. */
  populate(review: AccessReview): number;
  /** Asks the platform to revoke a grant (a job: applied, or failed with the reason). */
  revoke(grantId: string, reason: string, source: string): void;
  /** Narrows a grant to another scope, or sets the last day it is held. */
  reduce(grantId: string, toScope: AccessScope): void;
  expire(grantId: string, lastDay: string): void;
  /** One more of the review's items decided so (its counts change in the same transaction as the decision). */
  counted(reviewId: string, kind: DecisionKind): void;
  /** Who gets a reminder: every reviewer with grants still open, and (once overdue) to whose manager it escalates. */
  recipients(review: AccessReview, escalate: boolean): ReviewReminder['recipients'];
}

const DAY_ZONE = 'Europe/Berlin';
export const isSensitive = (scope: AccessScope) => accessScopes[scope].sensitive || accessScopes[scope].privileged;

/**
 * The scopes a grant may be reduced to: narrower ones only — no privileged scope, no sensitive one from a grant
 * that was not, and no data category the original did not expose.
 */
export function narrowerScopes(scope: AccessScope): AccessScope[] {
  const from: readonly DataCategory[] = accessScopes[scope].categories;
  return (Object.keys(accessScopes) as AccessScope[]).filter((to) => {
    const target = accessScopes[to];
    return (
      to !== scope &&
      !target.privileged &&
      (!target.sensitive || accessScopes[scope].sensitive) &&
      target.categories.length > 0 &&
      target.categories.every((category) => from.includes(category))
    );
  });
}
export const categoriesOf = (scope: AccessScope): readonly DataCategory[] => accessScopes[scope].categories;

/** Whether a grant belongs in a review of this scope. */
export function inScope(grant: Grant, employee: Employee | null, scope: ReviewScope): boolean {
  if (grant.state !== 'live' && grant.state !== 'failed') return false;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'categories':
      return categoriesOf(grant.scope).some((category) => scope.categories.includes(category));
    case 'department':
      return employee?.department === scope.department;
    case 'privileged':
      return accessScopes[grant.scope].privileged;
    case 'changed':
      return grant.grantedAt > scope.since || grant.updatedAt > scope.since;
  }
}

/** Where a review finds the people it needs: an employee by id, the data owner of a scope. */
export interface StaffLookup {
  employee(id: string): Employee | null;
  ownerOf(scope: AccessScope): Employee | null;
}

/**
 * Who reviews a grant: the holder's manager, the data owner of its scope, or the named reviewer — never the holder.
 * Where that would be the holder, or nobody with a console account, the item falls to the holder's manager (up
 * the line) or the review's owner, marked.
 */
export function reviewerOf(
  holder: Employee,
  scope: AccessScope,
  reviewers: AccessReview['reviewers'],
  ownerId: string,
  lookup: StaffLookup,
): { reviewerId: string; reassigned: ReviewItem['reassigned'] } {
  const { employee } = lookup;
  const manager = employee(holder.managerId ?? '');
  const active = (person: Employee | null) => (person?.status === 'active' ? person.staffId : null);
  const wanted =
    reviewers.kind === 'named' ? reviewers.staffId : reviewers.kind === 'owner' ? active(lookup.ownerOf(scope)) : active(manager);
  if (wanted && wanted !== holder.staffId) return { reviewerId: wanted, reassigned: null };
  // Up the line from the holder: the first active manager with a console account who is not the holder.
  const seen = new Set<string>([holder.id]);
  for (let above = manager; above && !seen.has(above.id); above = employee(above.managerId ?? '')) {
    seen.add(above.id);
    if (above.status === 'active' && above.staffId && above.staffId !== holder.staffId && above.staffId !== wanted) {
      return { reviewerId: above.staffId, reassigned: wanted ? 'self' : 'no_reviewer' };
    }
  }
  // Nobody above: the review's owner — unless the owner holds it; then nobody could, and the review cannot start so.
  if (ownerId === holder.staffId) {
    throw new RuleError('review-no-reviewer', `Nobody but its holder could review a grant of ${holder.name}.`, 'reviewers');
  }
  return { reviewerId: ownerId, reassigned: wanted ? 'self' : 'no_reviewer' };
}

/** The staff as a review looks them up: by id, and each scope's owner who can review (active, with a console account). */
export function staffLookup(staff: readonly Employee[]): StaffLookup {
  const byId = new Map(staff.map((e) => [e.id, e]));
  const owners = new Map<AccessScope, Employee>();
  for (const person of staff) {
    for (const scope of person.owns) if (person.status === 'active' && person.staffId && !owners.has(scope)) owners.set(scope, person);
  }
  return { employee: (id) => byId.get(id) ?? null, ownerOf: (scope) => owners.get(scope) ?? null };
}

/** The item a review makes of one grant in its scope, with its reviewer (never the holder), undecided. */
export function reviewItemOf(review: AccessReview, grant: Grant, holder: Employee, lookup: StaffLookup): ReviewItem {
  const { reviewerId, reassigned } = reviewerOf(holder, grant.scope, review.reviewers, review.ownerId, lookup);
  return {
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
}

/** A review starts with its scope and reviewers; the platform puts its items in it. */
export function startReview(args: ReviewStart, ctx: MutationContext<AccessPlatform>): AccessReview {
  const today = localDate(ctx.at, DAY_ZONE);
  if (args.dueDate <= today) throw new RuleError('due-in-past', 'A review is due after today.', 'dueDate');
  if (args.scope.kind === 'changed' && args.scope.since >= ctx.at) {
    throw new RuleError('changed-since-future', 'Changes are counted from an instant in the past.', 'scope');
  }
  if (args.reviewers.kind === 'named') {
    const staff = ctx.find('staff', args.reviewers.staffId);
    if (!staff?.active) throw new RuleError('invalid-assignee', 'The named reviewer is not an active console user.', 'reviewers');
  }
  const review: AccessReview = {
    id: args.id,
    version: 0,
    updatedAt: ctx.at,
    title: args.title,
    scope: args.scope,
    reviewers: args.reviewers,
    dueDate: args.dueDate,
    instructions: args.instructions,
    ownerId: ctx.actor,
    createdAt: ctx.at,
    state: 'open',
    closedAt: null,
    counts: { items: 0, decided: 0, kept: 0, revoked: 0, reduced: 0, expiring: 0 },
    reminders: [],
  };
  const items = ctx.platform?.populate(review);
  if (ctx.platform && items === 0) throw new RuleError('review-empty', 'No live grant is in this scope.', 'scope');
  return { ...review, counts: { ...review.counts, items: items ?? 0 } };
}

/** The longest a reminder waits for the next: reviewers are not reminded twice within a day. */
const REMINDER_GAP_MS = 20 * 3_600_000;

/**
 * The reviewers with grants still open are reminded; once the review is past its due date, the reminder is
 * escalated to each late reviewer's manager. Not twice within a day; not when nothing is open.
 */
export function remindReview(current: AccessReview, args: { note: string }, ctx: MutationContext<AccessPlatform>): AccessReview {
  if (current.state === 'closed') throw new RuleError('review-closed', 'The review is closed.', 'id');
  if (current.counts.decided >= current.counts.items) throw new RuleError('review-all-decided', 'Every grant is decided.', 'id');
  const last = (current.reminders ?? []).at(-1);
  if (last && Date.parse(ctx.at) - Date.parse(last.at) < REMINDER_GAP_MS) {
    throw new RuleError('reminder-too-soon', 'The reviewers were reminded less than a day ago.', 'id');
  }
  const overdue = localDate(ctx.at, DAY_ZONE) > current.dueDate;
  const recipients = ctx.platform?.recipients(current, overdue) ?? [];
  return {
    ...current,
    updatedAt: ctx.at,
    reminders: [...(current.reminders ?? []), { at: ctx.at, by: ctx.actor, note: args.note.trim(), recipients }],
  };
}

/** Past its due date with grants still open. */
export const reviewOverdue = (review: AccessReview, today: string) =>
  review.state === 'open' && review.dueDate < today && review.counts.decided < review.counts.items;

/** Closed only when every grant in it is decided. */
export function closeReview(current: AccessReview, _: { note: string }, ctx: MutationContext<AccessPlatform>): AccessReview {
  if (current.state === 'closed') throw new RuleError('review-closed', 'The review is closed.', 'id');
  const open = current.counts.items - current.counts.decided;
  if (open > 0) throw new RuleError('review-undecided', `${open} grants are not decided yet.`, 'id', { count: open });
  return { ...current, updatedAt: ctx.at, state: 'closed', closedAt: ctx.at };
}

/**
 * One grant decided by its reviewer: keep (with the reason for a sensitive or privileged one), revoke, reduce to
 * another scope, or set the last day it is held. The platform carries it out (revocation as a job).
 */
export function decideItem(current: ReviewItem, args: ItemDecide, ctx: MutationContext<AccessPlatform>): ReviewItem {
  const review = ctx.find('accessReview', current.reviewId);
  if (review?.state !== 'open') throw new RuleError('review-closed', 'The review is closed.', 'id');
  if (current.decision) throw new RuleError('already-decided', 'This grant is decided in this review.', 'id');
  if (ctx.actor !== current.reviewerId && ctx.actor !== review.ownerId) {
    throw new RuleError('not-reviewer', 'Only its reviewer (or the review’s owner) decides a grant.', 'id');
  }
  const holder = ctx.find('employee', current.employeeId);
  if (holder?.staffId && holder.staffId === ctx.actor) {
    throw new RuleError('self-review', 'Nobody decides on their own access.', 'id');
  }
  // The grant as it is now (it may have changed since the review started).
  const grant = ctx.find('grant', current.grantId);
  if (grant && grant.state !== 'live' && grant.state !== 'failed') {
    throw new RuleError('grant-not-live', 'The grant is revoked or its revocation is under way: there is nothing left to decide.', 'id');
  }
  const scope = grant?.scope ?? current.scope;
  const justification = args.justification.trim();
  if (args.kind === 'keep' && isSensitive(scope) && justification.length < 10) {
    throw new RuleError(
      'justification-required',
      'Keeping a sensitive or privileged grant needs the reason (10 characters or more).',
      'justification',
    );
  }
  if (args.kind === 'reduce' && (args.toScope === null || !narrowerScopes(scope).includes(args.toScope))) {
    throw new RuleError('reduce-same-scope', 'Reduce to a narrower scope: fewer data categories, nothing privileged.', 'toScope');
  }
  if (args.kind === 'expire') {
    const today = localDate(ctx.at, DAY_ZONE);
    // Never later than a last day the grant already has: an expiry shortens, it does not extend.
    const latest = grant?.expiresAt ?? null;
    if (
      !args.expiresAt ||
      args.expiresAt <= today ||
      daysBetween(today, args.expiresAt) > 366 ||
      (latest !== null && args.expiresAt > latest)
    ) {
      throw new RuleError(
        'expiry-out-of-range',
        'The last day lies after today, within a year, and not after the one it has.',
        'expiresAt',
      );
    }
  }
  if (args.kind === 'revoke') ctx.platform?.revoke(current.grantId, justification || 'Access review', current.id);
  if (args.kind === 'reduce' && args.toScope) ctx.platform?.reduce(current.grantId, args.toScope);
  if (args.kind === 'expire' && args.expiresAt) ctx.platform?.expire(current.grantId, args.expiresAt);
  ctx.platform?.counted(current.reviewId, args.kind);
  return {
    ...current,
    updatedAt: ctx.at,
    decision: {
      kind: args.kind,
      toScope: args.kind === 'reduce' ? args.toScope : null,
      expiresAt: args.kind === 'expire' ? args.expiresAt : null,
      justification,
      by: ctx.actor,
      at: ctx.at,
    },
  };
}

/** A revocation asked outside a review (a leaver, a check's finding): only of a live grant, or one that failed. */
export function revokeGrant(current: Grant, args: { reason: string; source: string }, ctx: MutationContext): Grant {
  if (current.state === 'revoked' || current.state === 'revoking') {
    throw new RuleError('already-revoked', 'The platform has this revocation already.', 'id');
  }
  return {
    ...current,
    updatedAt: ctx.at,
    state: 'revoking',
    revocation: {
      requestedBy: ctx.actor,
      requestedAt: ctx.at,
      reason: args.reason,
      source: args.source,
      appliedAt: null,
      failure: null,
      attempts: (current.revocation?.attempts ?? 0) + 1,
      nextAttemptAt: null,
      retriedBy: null,
      retriedAt: null,
    },
  };
}

/** Asked again after the platform failed to revoke. */
export function retryRevocation(current: Grant, _: { note: string }, ctx: MutationContext): Grant {
  if (current.state !== 'failed' || !current.revocation)
    throw new RuleError('not-failed', 'Only a failed revocation is asked again.', 'id');
  return {
    ...current,
    updatedAt: ctx.at,
    state: 'revoking',
    revocation: {
      ...current.revocation,
      failure: null,
      attempts: current.revocation.attempts + 1,
      nextAttemptAt: null,
      retriedBy: ctx.actor,
      retriedAt: ctx.at,
    },
  };
}

export type FindingKind = 'leaver' | 'revocation_failed' | 'dormant' | 'no_mfa' | 'sod' | 'expired' | 'unjustified';
/** The most urgent first. */
export const findingKinds: readonly FindingKind[] = ['leaver', 'revocation_failed', 'no_mfa', 'sod', 'expired', 'dormant', 'unjustified'];
export interface Finding {
  kind: FindingKind;
  employeeId: string;
  grantIds: string[];
  /** leaver: the day by which the grants must be gone (end of the next working day after leaving). */
  dueDate: string | null;
  overdue: boolean;
}

export interface CheckSettings {
  dormantDays: number;
  /** Pairs of scopes nobody should hold together. */
  sodPairs: readonly (readonly [AccessScope, AccessScope])[];
  region: string;
}

export const defaultCheckSettings: CheckSettings = {
  dormantDays: 90,
  sodPairs: [
    ['support:export_learner_data', 'it:delete_audit_logs'],
    ['finance:refunds', 'it:manage_roles'],
  ],
  region: 'DE-BE',
};

/**
 * The continuous checks over the live grants: leavers still holding grants (due gone by the end of the next
 * working day after leaving, in the controller's Land), dormant accounts, sensitive or privileged grants without
 * MFA, separation-of-duties conflicts, grants past their expiry or without a justification.
 */
export function findings(
  employees: readonly Employee[],
  grants: readonly Grant[],
  now: string,
  settings: CheckSettings = defaultCheckSettings,
): Finding[] {
  const today = localDate(now, DAY_ZONE);
  const live = new Map<string, Grant[]>();
  for (const grant of grants) {
    if (grant.state === 'revoked') continue;
    const list = live.get(grant.employeeId) ?? [];
    list.push(grant);
    live.set(grant.employeeId, list);
  }
  const out: Finding[] = [];
  for (const employee of employees) {
    // A leaver's finding stays until the platform has revoked everything (asked is not done).
    const unrevoked = live.get(employee.id) ?? [];
    const held = unrevoked.filter((grant) => grant.state !== 'revoking');
    const ids = (list: Grant[]) => list.map((grant) => grant.id);
    // The platform stopped trying on its own: escalated to whoever handles the checks (a leaver's too).
    const stuck = unrevoked.filter((grant) => grant.state === 'failed' && !grant.revocation?.nextAttemptAt);
    if (stuck.length) {
      out.push({ kind: 'revocation_failed', employeeId: employee.id, grantIds: ids(stuck), dueDate: null, overdue: true });
    }
    if (employee.status === 'leaver' && employee.leaveDate) {
      if (!unrevoked.length) continue;
      const due = nextWorkingDay(employee.leaveDate, settings.region);
      out.push({ kind: 'leaver', employeeId: employee.id, grantIds: ids(unrevoked), dueDate: due, overdue: today > due });
      continue;
    }
    if (!held.length) continue;
    const lastSeen = employee.lastSignInAt ? localDate(employee.lastSignInAt, DAY_ZONE) : null;
    if (!lastSeen || daysBetween(lastSeen, today) > settings.dormantDays) {
      out.push({ kind: 'dormant', employeeId: employee.id, grantIds: ids(held), dueDate: null, overdue: false });
    }
    const unprotected = held.filter((grant) => isSensitive(grant.scope));
    if (!employee.mfa && unprotected.length) {
      out.push({ kind: 'no_mfa', employeeId: employee.id, grantIds: ids(unprotected), dueDate: null, overdue: false });
    }
    for (const [a, b] of settings.sodPairs) {
      const both = held.filter((grant) => grant.scope === a || grant.scope === b);
      if (both.some((g) => g.scope === a) && both.some((g) => g.scope === b)) {
        out.push({ kind: 'sod', employeeId: employee.id, grantIds: ids(both), dueDate: null, overdue: false });
      }
    }
    const expired = held.filter((grant) => grant.expiresAt !== null && grant.expiresAt < today);
    if (expired.length) out.push({ kind: 'expired', employeeId: employee.id, grantIds: ids(expired), dueDate: null, overdue: true });
    const unjustified = held.filter((grant) => grant.justification.trim() === '');
    if (unjustified.length)
      out.push({ kind: 'unjustified', employeeId: employee.id, grantIds: ids(unjustified), dueDate: null, overdue: false });
  }
  return out;
}
