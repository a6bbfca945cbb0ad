import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Id, Iso } from './common';
import { DataCategory } from './dsar-workflow';

const Day = z.iso.date();

/**
 * The data scopes and roles a staff account can hold on the platform, each with the data categories it
 * exposes (the same categories as the DSAR packages and the records of processing). Privileged: it can
 * change who sees what, or delete evidence. Sensitive: it exposes payment or learning records wholesale.
 */
export const accessScopes = {
  'support:learner_profiles': { categories: ['account', 'preferences', 'messages'], privileged: false, sensitive: false },
  'support:export_learner_data': {
    categories: ['account', 'preferences', 'enrolments', 'lesson_progress', 'quiz_results', 'messages'],
    privileged: false,
    sensitive: true,
  },
  'finance:payment_records': { categories: ['payments', 'invoices'], privileged: false, sensitive: true },
  'finance:refunds': { categories: ['payments'], privileged: false, sensitive: true },
  'instructors:course_participants': {
    categories: ['enrolments', 'lesson_progress', 'quiz_results', 'submissions'],
    privileged: false,
    sensitive: false,
  },
  'community:forum_moderation': { categories: ['forum_posts', 'account'], privileged: false, sensitive: false },
  'analytics:usage_reports': { categories: ['login_history', 'lesson_progress'], privileged: false, sensitive: false },
  'it:platform_admin': { categories: ['account', 'login_history', 'preferences'], privileged: true, sensitive: true },
  'it:delete_audit_logs': { categories: ['login_history'], privileged: true, sensitive: false },
  'it:manage_roles': { categories: [], privileged: true, sensitive: false },
} as const satisfies Record<string, { categories: readonly DataCategory[]; privileged: boolean; sensitive: boolean }>;
export type AccessScope = keyof typeof accessScopes;
export const AccessScope = z.enum(Object.keys(accessScopes) as [AccessScope, ...AccessScope[]]);

/** Departments of the operator's staff. */
export const Department = z.enum(['support', 'finance', 'instructors', 'community', 'analytics', 'it', 'legal', 'privacy']);
export type Department = z.infer<typeof Department>;

/** A member of the operator's staff with an account on the platform (read-only here: HR and IT keep it). */
export const Employee = EntityBase.extend({
  name: z.string().min(1),
  email: z.email(),
  department: Department,
  /** The employee's manager (an employee id), who reviews their grants by default. */
  managerId: Id.nullable(),
  /** The console user this employee is, where they are one (a reviewer must be). */
  staffId: Id.nullable(),
  status: z.enum(['active', 'leaver']),
  /** The last working day of a leaver. */
  leaveDate: Day.nullable(),
  lastSignInAt: Iso.nullable(),
  mfa: z.boolean(),
  /** The scopes this employee answers for as data owner (reviews with data-owner reviewers fall to them). */
  owns: z.array(AccessScope).default([]),
}).meta({ id: 'Employee' });
export type Employee = z.infer<typeof Employee>;

/** What was asked of the platform for a grant, and what it answered. */
export const Revocation = z.object({
  requestedBy: z.string().min(1).max(64),
  requestedAt: Iso,
  /** Why: the review's decision, or a continuous check's finding. */
  reason: z.string(),
  /** The review item or check it came from. */
  source: z.string(),
  /** The platform's instant; null until it has applied it. */
  appliedAt: Iso.nullable(),
  failure: z.string().nullable(),
  attempts: z.number().int().min(0),
  /** After a failure: when the platform tries again on its own; null once it has stopped trying (escalated). */
  nextAttemptAt: Iso.nullable().default(null),
  /** Who last asked again after a failure, and when (the first request stays as it was). */
  retriedBy: z.string().max(64).nullable().default(null),
  retriedAt: Iso.nullable().default(null),
});
export type Revocation = z.infer<typeof Revocation>;

/** One scope held by one employee: granted when, by whom, why, until when; revoked only by the platform. */
export const Grant = EntityBase.extend({
  employeeId: Id,
  scope: AccessScope,
  /** What the scope is limited to, where it is (a course, a region): null for all of it. */
  resource: z.string().nullable(),
  grantedAt: Iso,
  grantedBy: z.string(),
  /** Why it was granted (empty: no justification on record, a finding of the checks). */
  justification: z.string(),
  expiresAt: Day.nullable(),
  /** live → revoking (asked) → revoked (the platform applied it) or failed (its reason; retried or escalated). */
  state: z.enum(['live', 'revoking', 'revoked', 'failed']),
  revocation: Revocation.nullable(),
  /** A scope this grant was reduced from, and when. */
  reducedFrom: AccessScope.nullable().default(null),
}).meta({ id: 'Grant' });
export type Grant = z.infer<typeof Grant>;

/** POST /v1/grants/{id}/revoke: ask the platform to revoke a grant now (a check's finding, a leaver). */
export const GrantRevoke = z
  .strictObject({ reason: z.string().trim().min(5).max(1000), source: z.string().trim().min(1).max(120) })
  .meta({ id: 'GrantRevoke' });
/** POST /v1/grants/{id}/retry: ask again after the platform failed to revoke. */
export const GrantRetry = z.strictObject({ note: z.string().trim().max(500).default('') }).meta({ id: 'GrantRetry' });

/** Who is in a review: every live grant, those exposing chosen categories, one department, the privileged ones. */
export const ReviewScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('categories'), categories: z.array(DataCategory).min(1) }),
  z.strictObject({ kind: z.literal('department'), department: Department }),
  z.strictObject({ kind: z.literal('privileged') }),
  /** Only grants given or changed since an instant: the last completed review's close. */
  z.strictObject({ kind: z.literal('changed'), since: Iso }),
]);
export type ReviewScope = z.infer<typeof ReviewScope>;

export const ReviewCounts = z.object({
  items: z.number().int().min(0),
  decided: z.number().int().min(0),
  kept: z.number().int().min(0),
  revoked: z.number().int().min(0),
  reduced: z.number().int().min(0),
  expiring: z.number().int().min(0),
});
export type ReviewCounts = z.infer<typeof ReviewCounts>;

/** One reminder: to every reviewer with grants open, how many each had, and whose manager it was escalated to. */
export const ReviewReminder = z
  .object({
    at: Iso,
    by: z.string().min(1).max(64),
    note: z.string(),
    recipients: z.array(
      z.object({ reviewerId: z.string().min(1).max(64), open: z.number().int().min(1), escalatedTo: z.string().nullable() }),
    ),
  })
  .meta({ id: 'ReviewReminder' });
export type ReviewReminder = z.infer<typeof ReviewReminder>;

/** An access-review campaign: its scope, reviewers and due date; its items are decided one grant at a time. */
export const AccessReview = EntityBase.extend({
  title: z.string().min(1).max(200),
  scope: ReviewScope,
  /** Who reviews a grant: the employee's manager, the data owner of its scope, or one named reviewer. */
  reviewers: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('manager') }),
    z.strictObject({ kind: z.literal('owner') }),
    z.strictObject({ kind: z.literal('named'), staffId: Id }),
  ]),
  dueDate: Day,
  instructions: z.string(),
  ownerId: z.string().min(1).max(64),
  createdAt: Iso,
  state: z.enum(['open', 'closed']),
  closedAt: Iso.nullable(),
  counts: ReviewCounts,
  /** Reminders sent to the reviewers with grants still open; after the due date also to their managers. */
  reminders: z.array(ReviewReminder).default([]),
}).meta({ id: 'AccessReview' });
export type AccessReview = z.infer<typeof AccessReview>;

/** POST /v1/access-reviews: start a review (the platform puts every grant in scope in it as an item). */
export const ReviewStart = z
  .strictObject({
    id: Id,
    title: z.string().trim().min(3).max(200),
    scope: ReviewScope,
    reviewers: AccessReview.shape.reviewers,
    dueDate: Day,
    instructions: z.string().trim().max(4000).default(''),
  })
  .meta({ id: 'ReviewStart' });
export type ReviewStart = z.infer<typeof ReviewStart>;

/** POST /v1/access-reviews/{id}/remind: remind the reviewers with grants open (escalated to their managers once overdue). */
export const ReviewRemind = z.strictObject({ note: z.string().trim().max(2000).default('') }).meta({ id: 'ReviewRemind' });

/** POST /v1/access-reviews/{id}/close: only once every item is decided. */
export const ReviewClose = z.strictObject({ note: z.string().trim().max(2000).default('') }).meta({ id: 'ReviewClose' });

export const DecisionKind = z.enum(['keep', 'revoke', 'reduce', 'expire']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** One grant in one review: who reviews it (never its holder), and the decision. */
export const ReviewItem = EntityBase.extend({
  reviewId: Id,
  grantId: Id,
  employeeId: Id,
  /** The holder's name when the review started (the list is sorted and searched by it, the evidence names it). */
  holderName: z.string(),
  scope: AccessScope,
  reviewerId: z.string().min(1).max(64),
  /** Set when the natural reviewer was the holder (or had no console account): reassigned, and to whom it fell. */
  reassigned: z.enum(['self', 'no_reviewer']).nullable(),
  decision: z
    .object({
      kind: DecisionKind,
      /** reduce: the scope it becomes. */
      toScope: AccessScope.nullable(),
      /** expire: the last day it is held. */
      expiresAt: Day.nullable(),
      justification: z.string(),
      by: z.string().min(1).max(64),
      at: Iso,
    })
    .nullable(),
}).meta({ id: 'ReviewItem' });
export type ReviewItem = z.infer<typeof ReviewItem>;

/** What a reviewer chooses for a grant. */
export const ItemDecideFields = z.strictObject({
  kind: DecisionKind,
  toScope: AccessScope.nullable().default(null),
  expiresAt: Day.nullable().default(null),
  justification: z.string().trim().max(2000).default(''),
});

/** POST /v1/review-items/{id}/decide: keep, revoke, reduce to another scope, or set an expiry — with the reason where required. */
export const ItemDecide = ItemDecideFields.refine((d) => d.kind !== 'reduce' || d.toScope !== null, {
  message: 'name the scope it becomes',
  params: problem('required'),
  path: ['toScope'],
})
  .refine((d) => d.kind !== 'expire' || d.expiresAt !== null, {
    message: 'name the last day',
    params: problem('required'),
    path: ['expiresAt'],
  })
  .meta({ id: 'ItemDecide' });
export type ItemDecide = z.infer<typeof ItemDecide>;
