import {
  AccessReview,
  Employee,
  Grant,
  GrantRetry,
  GrantRevoke,
  ItemDecide,
  ReviewClose,
  ReviewItem,
  ReviewRemind,
  ReviewStart,
} from '../api/access';
import { type AccessPlatform, closeReview, decideItem, remindReview, retryRevocation, revokeGrant, startReview } from '../domain/access';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

/** The operator's staff with platform accounts: HR and IT keep them; the console reviews what they can see. */
export const employeeEntity = defineEntity<Employee>()({
  name: 'employee',
  label: 'employee',
  schema: Employee,
  path: '/v1/employees',
  list: { key: 'employees', summary: 'Staff accounts on the platform, with department, manager, status, last sign-in and MFA' },
  scopes: { read: 'access:read', write: null },
  mutators: {},
});

const grantUpdate = updateMutator<Grant>();

/** A scope one employee holds; revoked only by the platform, which says when it applied it. */
export const grantEntity = defineEntity<Grant>()({
  name: 'grant',
  label: 'access grant',
  schema: Grant,
  path: '/v1/grants',
  list: { key: 'grants', summary: 'Every grant of every staff account, with the state of its revocation' },
  scopes: { read: 'access:read', write: 'access:write' },
  mutators: {
    revoke: grantUpdate({
      summary: 'Ask the platform to revoke a grant now (a leaver, a finding of the checks)',
      args: GrantRevoke,
      http: { method: 'post', path: '/{id}/revoke' },
      apply: revokeGrant,
      // Still asked of a live grant: the platform's job moving other grants changes nothing of it.
      rebase: (newer) => newer.state === 'live',
    }),
    retry: grantUpdate({
      summary: 'Ask again after the platform failed to revoke',
      args: GrantRetry,
      http: { method: 'post', path: '/{id}/retry' },
      apply: retryRevocation,
      rebase: (newer) => newer.state === 'failed',
    }),
  },
});

const reviewUpdate = updateMutator<AccessReview, AccessPlatform>();

/** An access-review campaign over the grants in its scope. */
export const accessReviewEntity = defineEntity<AccessReview, AccessPlatform>()({
  name: 'accessReview',
  label: 'access review',
  schema: AccessReview,
  path: '/v1/access-reviews',
  list: { key: 'accessReviews', summary: 'Every access review, open and closed' },
  scopes: { read: 'access:read', write: 'access:write' },
  mutators: {
    start: createMutator<AccessReview, AccessPlatform>()({
      summary: 'Start a review: the platform puts every grant in scope in it, each with its reviewer',
      args: ReviewStart,
      http: { method: 'post', path: '' },
      apply: (_, args, ctx) => startReview(args, ctx),
    }),
    remind: reviewUpdate({
      summary: 'Remind the reviewers with grants still open; once overdue, escalated to their managers',
      args: ReviewRemind,
      http: { method: 'post', path: '/{id}/remind' },
      apply: remindReview,
      // Decisions move the review's counts: a reminder still means the same on the newer state (its rule decides anew).
      rebase: () => true,
    }),
    close: reviewUpdate({
      summary: 'Close a review whose grants are all decided',
      args: ReviewClose,
      http: { method: 'post', path: '/{id}/close' },
      apply: closeReview,
      // The platform recounts after every decision: closing means the same on its newer counts (its rule checks them).
      rebase: () => true,
    }),
  },
});

/** One grant in one review, decided by its reviewer. */
export const reviewItemEntity = defineEntity<ReviewItem, AccessPlatform>()({
  name: 'reviewItem',
  label: 'review item',
  schema: ReviewItem,
  path: '/v1/review-items',
  scopes: { read: 'access:read', write: 'access:review' },
  mutators: {
    decide: updateMutator<ReviewItem, AccessPlatform>()({
      summary: 'Keep, revoke, reduce or set an expiry, with the reason where required',
      args: ItemDecide,
      http: { method: 'post', path: '/{id}/decide' },
      apply: decideItem,
    }),
  },
});
