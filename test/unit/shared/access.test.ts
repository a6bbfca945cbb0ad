import { describe, expect, it } from 'vitest';
import { demoAccess } from '../../../sandbox/seed/access';
import type { AccessReview, Employee, Grant, ReviewItem } from '../../../shared/api/access';
import {
  type AccessPlatform,
  closeReview,
  decideItem,
  findings,
  inScope,
  narrowerScopes,
  remindReview,
  retryRevocation,
  reviewerOf,
  reviewOverdue,
  revokeGrant,
  type StaffLookup,
  startReview,
} from '../../../shared/domain/access';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';
import { aGrant } from '../../support/access';

const now = '2026-12-23T10:00:00.000Z';
const employee = (id: string, changes: Partial<Employee> = {}): Employee => ({
  id,
  version: 1,
  updatedAt: now,
  name: id,
  email: `${id}@lernwerk-akademie.de`,
  department: 'finance',
  managerId: null,
  staffId: null,
  status: 'active',
  leaveDate: null,
  lastSignInAt: now,
  mfa: true,
  owns: [],
  ...changes,
});
const grant = (id: string, employeeId: string, changes: Partial<Grant> = {}): Grant =>
  aGrant({ id, employeeId, updatedAt: now, grantedAt: '2025-01-01T00:00:00.000Z', ...changes });
const review: AccessReview = {
  id: 'arv_1',
  version: 1,
  updatedAt: now,
  title: 'Zahlungsdaten',
  scope: { kind: 'categories', categories: ['payments'] },
  reviewers: { kind: 'manager' },
  dueDate: '2027-01-31',
  instructions: '',
  ownerId: 'stf_krueger',
  createdAt: now,
  state: 'open',
  closedAt: null,
  counts: { items: 2, decided: 1, kept: 1, revoked: 0, reduced: 0, expiring: 0 },
  reminders: [],
};
const people: Record<string, Employee> = {
  emp_head: employee('emp_head', { staffId: 'stf_albrecht', managerId: 'emp_boss' }),
  emp_boss: employee('emp_boss', { staffId: 'stf_schmitt' }),
  emp_1: employee('emp_1', { managerId: 'emp_head' }),
  emp_nohead: employee('emp_nohead', { managerId: 'emp_1' }),
};
/** The people by id; the data owner of a scope is whoever `owns` it. */
const lookup = (staff: Record<string, Employee>): StaffLookup => ({
  employee: (id) => staff[id] ?? null,
  ownerOf: (scope) => Object.values(staff).find((e) => e.owns.includes(scope)) ?? null,
});
const item = (changes: Partial<ReviewItem> = {}): ReviewItem => ({
  id: 'rvi_1',
  version: 1,
  updatedAt: now,
  reviewId: 'arv_1',
  grantId: 'grt_1',
  employeeId: 'emp_1',
  holderName: 'emp_1',
  scope: 'finance:payment_records',
  reviewerId: 'stf_albrecht',
  reassigned: null,
  decision: null,
  ...changes,
});
const plain = (actor: string): MutationContext => ({
  actor,
  at: now,
  newId: () => 'x',
  digest: () => '',
  find: (() => null) as MutationContext['find'],
});
const ctx = (actor: string, platform?: Partial<AccessPlatform>): MutationContext<AccessPlatform> => ({
  actor,
  at: now,
  newId: () => 'x',
  digest: () => '',
  find: ((entity: string, id: string) =>
    entity === 'accessReview' ? review : entity === 'employee' ? (people[id] ?? null) : null) as MutationContext['find'],
  platform: platform && {
    populate: () => 0,
    revoke: () => {},
    reduce: () => {},
    expire: () => {},
    counted: () => {},
    recipients: () => [],
    ...platform,
  },
});
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof RuleError) return error.code;
    throw error;
  }
  return 'accepted';
};

describe('access reviews', () => {
  it('a grant is reviewed by the holder’s manager, never by the holder; without a reviewing manager it falls above, marked', () => {
    const find = lookup(people);
    const scope = 'finance:payment_records';
    expect(reviewerOf(people.emp_1, scope, { kind: 'manager' }, 'stf_krueger', find)).toEqual({
      reviewerId: 'stf_albrecht',
      reassigned: null,
    });
    // The head's own grant, reviewed by "the manager" named as the head themself: to their manager.
    expect(reviewerOf(people.emp_head, scope, { kind: 'named', staffId: 'stf_albrecht' }, 'stf_krueger', find)).toEqual({
      reviewerId: 'stf_schmitt',
      reassigned: 'self',
    });
    // A manager without a console account: above them, or the owner.
    expect(reviewerOf(people.emp_nohead, scope, { kind: 'manager' }, 'stf_krueger', find)).toEqual({
      reviewerId: 'stf_albrecht',
      reassigned: 'no_reviewer',
    });
  });

  it('keeping a sensitive grant needs the reason; nobody decides their own; only the reviewer or the owner decides; once', () => {
    expect(code(() => decideItem(item(), { kind: 'keep', toScope: null, expiresAt: null, justification: '' }, ctx('stf_albrecht')))).toBe(
      'justification-required',
    );
    expect(
      code(() =>
        decideItem(item(), { kind: 'keep', toScope: null, expiresAt: null, justification: 'Kernaufgabe der Stelle' }, ctx('stf_albrecht')),
      ),
    ).toBe('accepted');
    expect(code(() => decideItem(item(), { kind: 'revoke', toScope: null, expiresAt: null, justification: '' }, ctx('stf_yildiz')))).toBe(
      'not-reviewer',
    );
    expect(
      code(() =>
        decideItem(
          item({ employeeId: 'emp_head' }),
          { kind: 'revoke', toScope: null, expiresAt: null, justification: '' },
          ctx('stf_albrecht'),
        ),
      ),
    ).toBe('self-review');
    const decided = item({ decision: { kind: 'keep', toScope: null, expiresAt: null, justification: 'x', by: 'stf_albrecht', at: now } });
    expect(
      code(() => decideItem(decided, { kind: 'revoke', toScope: null, expiresAt: null, justification: '' }, ctx('stf_albrecht'))),
    ).toBe('already-decided');
    // A revocation is asked of the platform, never done by the console itself.
    const asked: string[] = [];
    decideItem(
      item(),
      { kind: 'revoke', toScope: null, expiresAt: null, justification: 'Wechsel' },
      ctx('stf_albrecht', { revoke: (id) => asked.push(id) }),
    );
    expect(asked).toEqual(['grt_1']);
    expect(
      code(() => decideItem(item(), { kind: 'expire', toScope: null, expiresAt: '2026-12-01', justification: '' }, ctx('stf_albrecht'))),
    ).toBe('expiry-out-of-range');
    expect(
      code(() =>
        decideItem(item(), { kind: 'reduce', toScope: 'finance:payment_records', expiresAt: null, justification: '' }, ctx('stf_albrecht')),
      ),
    ).toBe('reduce-same-scope');
  });

  it('reduce only to a narrower scope; an expiry never extends; nothing left to decide on a revoked grant', () => {
    const withGrant = (g: Grant) => ({
      ...ctx('stf_albrecht'),
      find: ((entity: string, id: string) =>
        entity === 'grant'
          ? g
          : entity === 'accessReview'
            ? review
            : entity === 'employee'
              ? (people[id] ?? null)
              : null) as MutationContext['find'],
    });
    const learner = grant('grt_1', 'emp_1', { scope: 'support:export_learner_data' });
    expect(narrowerScopes('support:export_learner_data')).toContain('support:learner_profiles');
    expect(narrowerScopes('support:learner_profiles')).not.toContain('it:manage_roles');
    expect(narrowerScopes('support:learner_profiles')).not.toContain('it:platform_admin');
    const reduce = (toScope: Grant['scope']) => () =>
      decideItem(item({ scope: learner.scope }), { kind: 'reduce', toScope, expiresAt: null, justification: '' }, withGrant(learner));
    expect(code(reduce('it:manage_roles'))).toBe('reduce-same-scope');
    expect(code(reduce('support:learner_profiles'))).toBe('accepted');
    const expiring = grant('grt_1', 'emp_1', { expiresAt: '2027-01-15' });
    const expire = (day: string) => () =>
      decideItem(item(), { kind: 'expire', toScope: null, expiresAt: day, justification: '' }, withGrant(expiring));
    expect(code(expire('2027-06-30'))).toBe('expiry-out-of-range');
    expect(code(expire('2027-01-10'))).toBe('accepted');
    const revoked = withGrant(grant('grt_1', 'emp_1', { state: 'revoked' }));
    expect(code(() => decideItem(item(), { kind: 'keep', toScope: null, expiresAt: null, justification: 'Weiter nötig.' }, revoked))).toBe(
      'grant-not-live',
    );
  });

  it('the owner never reviews a grant they hold: up the line, or the review cannot start', () => {
    const scope = 'finance:payment_records';
    // The boss holds a grant and owns the review, nobody above: refused.
    expect(code(() => reviewerOf(people.emp_boss, scope, { kind: 'manager' }, 'stf_schmitt', lookup(people)))).toBe('review-no-reviewer');
    // A leaver manager is skipped: up the line.
    const leaverHead: Record<string, Employee> = { ...people, emp_head: { ...people.emp_head, status: 'leaver' } };
    expect(reviewerOf(leaverHead.emp_1, scope, { kind: 'manager' }, 'stf_krueger', lookup(leaverHead))).toEqual({
      reviewerId: 'stf_schmitt',
      reassigned: 'no_reviewer',
    });
  });

  it('a review closes only when every grant is decided', () => {
    expect(code(() => closeReview(review, { note: '' }, ctx('stf_krueger')))).toBe('review-undecided');
    expect(closeReview({ ...review, counts: { ...review.counts, decided: 2 } }, { note: '' }, ctx('stf_krueger')).state).toBe('closed');
  });

  it('a revocation goes to the platform; only a failed one is asked again', () => {
    const asked = revokeGrant(grant('grt_1', 'emp_1'), { reason: 'Austritt', source: 'check:leaver' }, plain('stf_krueger'));
    expect(asked).toMatchObject({ state: 'revoking', revocation: { appliedAt: null, attempts: 1 } });
    expect(code(() => revokeGrant(asked, { reason: 'Austritt', source: 'check:leaver' }, plain('stf_krueger')))).toBe('already-revoked');
    expect(code(() => retryRevocation(asked, { note: '' }, plain('stf_krueger')))).toBe('not-failed');
    const failed = { ...asked, state: 'failed' as const, revocation: { ...asked.revocation!, failure: 'Wartungsfenster' } };
    expect(retryRevocation(failed, { note: '' }, plain('stf_krueger'))).toMatchObject({
      state: 'revoking',
      revocation: { failure: null, attempts: 2 },
    });
  });

  it('a leaver’s grants are due gone by the end of the next working day in the Land; then overdue', () => {
    // Left on Wednesday 23 December 2026: 24 (not a holiday), so due Thursday 24th.
    const left = employee('emp_l', { status: 'leaver', leaveDate: '2026-12-23' });
    const [finding] = findings([left], [grant('grt_l', 'emp_l')], now);
    expect(finding).toMatchObject({ kind: 'leaver', dueDate: '2026-12-24', overdue: false });
    // Left on Thursday 24th: 25th and 26th are holidays, 27th a Sunday: due Monday 28th.
    const christmas = findings([{ ...left, leaveDate: '2026-12-24' }], [grant('grt_l', 'emp_l')], '2026-12-28T10:00:00Z');
    expect(christmas[0]).toMatchObject({ dueDate: '2026-12-28', overdue: false });
    expect(findings([{ ...left, leaveDate: '2026-12-24' }], [grant('grt_l', 'emp_l')], '2026-12-29T08:00:00Z')[0].overdue).toBe(true);
    // Asked is not done: the finding stays until the platform has revoked.
    expect(findings([left], [grant('grt_l', 'emp_l', { state: 'revoking' })], now)).toHaveLength(1);
    expect(findings([left], [grant('grt_l', 'emp_l', { state: 'revoked' })], now)).toHaveLength(0);
  });

  it('dormant, no MFA on sensitive grants, separation of duties, past expiry, no justification', () => {
    const kinds = (e: Employee, g: Grant[]) => findings([e], g, now).map((f) => f.kind);
    expect(kinds(employee('emp_d', { lastSignInAt: '2026-08-01T00:00:00Z' }), [grant('g', 'emp_d')])).toEqual(['dormant']);
    expect(kinds(employee('emp_m', { mfa: false }), [grant('g', 'emp_m')])).toEqual(['no_mfa']);
    expect(kinds(employee('emp_m', { mfa: false }), [grant('g', 'emp_m', { scope: 'community:forum_moderation' })])).toEqual([]);
    expect(
      kinds(employee('emp_s'), [
        grant('a', 'emp_s', { scope: 'support:export_learner_data' }),
        grant('b', 'emp_s', { scope: 'it:delete_audit_logs' }),
      ]),
    ).toEqual(['sod']);
    expect(kinds(employee('emp_e'), [grant('g', 'emp_e', { expiresAt: '2026-12-01' })])).toEqual(['expired']);
    expect(kinds(employee('emp_j'), [grant('g', 'emp_j', { justification: '' })])).toEqual(['unjustified']);
  });

  it('a data owner reviews the grants of their scope; their own goes up their line', () => {
    const owned: Record<string, Employee> = { ...people, emp_head: { ...people.emp_head, owns: ['finance:payment_records'] } };
    const other = employee('emp_2', { managerId: 'emp_boss', department: 'support' });
    const staff: Record<string, Employee> = { ...owned, emp_2: other };
    expect(reviewerOf(other, 'finance:payment_records', { kind: 'owner' }, 'stf_krueger', lookup(staff))).toEqual({
      reviewerId: 'stf_albrecht',
      reassigned: null,
    });
    // The owner's own grant of the scope: to the owner's manager, marked.
    expect(reviewerOf(staff.emp_head, 'finance:payment_records', { kind: 'owner' }, 'stf_krueger', lookup(staff))).toEqual({
      reviewerId: 'stf_schmitt',
      reassigned: 'self',
    });
    // A scope nobody owns: the holder's line, marked as having no reviewer.
    expect(reviewerOf(other, 'it:manage_roles', { kind: 'owner' }, 'stf_krueger', lookup(staff))).toEqual({
      reviewerId: 'stf_schmitt',
      reassigned: 'no_reviewer',
    });
  });

  it('"changed since" takes grants given or changed after the last completed review, counted from the past', () => {
    const since = '2026-06-01T00:00:00.000Z';
    const scope = { kind: 'changed', since } as const;
    expect(inScope(grant('old', 'emp_1', { grantedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }), null, scope)).toBe(
      false,
    );
    expect(inScope(grant('new', 'emp_1', { grantedAt: '2026-07-01T00:00:00Z', updatedAt: '2026-07-01T00:00:00Z' }), null, scope)).toBe(
      true,
    );
    // Reduced or given a last day since: changed.
    expect(inScope(grant('cut', 'emp_1', { grantedAt: '2025-01-01T00:00:00Z', updatedAt: '2026-09-01T00:00:00Z' }), null, scope)).toBe(
      true,
    );
    expect(inScope(grant('gone', 'emp_1', { grantedAt: '2026-07-01T00:00:00Z', state: 'revoked' }), null, scope)).toBe(false);
    const args = {
      id: 'arv_2',
      title: 'Seit Juni',
      scope: { kind: 'changed' as const, since: '2027-01-01T00:00:00.000Z' },
      reviewers: { kind: 'manager' as const },
      dueDate: '2027-01-31',
      instructions: '',
    };
    expect(code(() => startReview(args, ctx('stf_krueger')))).toBe('changed-since-future');
    expect(code(() => startReview({ ...args, scope }, ctx('stf_krueger')))).toBe('accepted');
  });

  it('reminders go to the reviewers with grants open, escalated once overdue; not twice a day; not when all is decided', () => {
    const escalations: boolean[] = [];
    const platform = {
      recipients: (_: AccessReview, escalate: boolean) => {
        escalations.push(escalate);
        return [{ reviewerId: 'stf_albrecht', open: 1, escalatedTo: escalate ? 'stf_schmitt' : null }];
      },
    };
    const first = remindReview(review, { note: 'Bitte bis Freitag' }, ctx('stf_krueger', platform));
    expect(first.reminders).toEqual([
      { at: now, by: 'stf_krueger', note: 'Bitte bis Freitag', recipients: [{ reviewerId: 'stf_albrecht', open: 1, escalatedTo: null }] },
    ]);
    expect(code(() => remindReview(first, { note: '' }, ctx('stf_krueger', platform)))).toBe('reminder-too-soon');
    // Past the due date: escalated to the managers.
    const late = { ...review, dueDate: '2026-12-20' };
    expect(remindReview(late, { note: '' }, ctx('stf_krueger', platform)).reminders[0].recipients[0].escalatedTo).toBe('stf_schmitt');
    expect(escalations).toEqual([false, true]);
    expect(reviewOverdue(late, '2026-12-23')).toBe(true);
    expect(reviewOverdue(review, '2026-12-23')).toBe(false);
    const done = { ...review, counts: { ...review.counts, decided: 2 } };
    expect(code(() => remindReview(done, { note: '' }, ctx('stf_krueger', platform)))).toBe('review-all-decided');
    expect(reviewOverdue({ ...done, dueDate: '2026-12-20' }, '2026-12-23')).toBe(false);
  });

  it('a decision counts on the platform in its own transaction, by kind', () => {
    const counted: string[] = [];
    decideItem(
      item(),
      { kind: 'keep', toScope: null, expiresAt: null, justification: 'Kernaufgabe der Stelle' },
      ctx('stf_albrecht', { counted: (id, kind) => counted.push(`${id}:${kind}`) }),
    );
    expect(counted).toEqual(['arv_1:keep']);
  });

  it('a revocation the platform stopped retrying is escalated to the checks; one it will retry is not yet', () => {
    const failed = (nextAttemptAt: string | null) =>
      grant('grt_f', 'emp_f', {
        state: 'failed',
        revocation: {
          requestedBy: 'stf_krueger',
          requestedAt: now,
          reason: 'Austritt',
          source: 'check:dormant',
          appliedAt: null,
          failure: 'Wartungsfenster',
          attempts: 3,
          nextAttemptAt,
          retriedBy: null,
          retriedAt: null,
        },
      });
    const kinds = (g: Grant) => findings([employee('emp_f')], [g], now).map((f) => f.kind);
    expect(kinds(failed(null))).toEqual(['revocation_failed']);
    expect(kinds(failed('2026-12-23T12:00:00.000Z'))).toEqual([]);
    // A leaver's too: escalated as well as still a leaver holding it.
    const leaver = employee('emp_f', { status: 'leaver', leaveDate: '2026-12-20' });
    expect(findings([leaver], [failed(null)], now).map((f) => f.kind)).toEqual(['revocation_failed', 'leaver']);
  });

  it('the dormancy threshold and the separation-of-duties pairs are the team’s settings', () => {
    const quiet = employee('emp_q', { lastSignInAt: '2026-10-01T00:00:00Z' });
    const settings = { dormantDays: 90, sodPairs: [], region: 'DE-BE' };
    expect(findings([quiet], [grant('g', 'emp_q')], now, settings)).toHaveLength(0);
    expect(findings([quiet], [grant('g', 'emp_q')], now, { ...settings, dormantDays: 60 }).map((f) => f.kind)).toEqual(['dormant']);
    const both = [grant('a', 'emp_q', { scope: 'finance:refunds' }), grant('b', 'emp_q', { scope: 'finance:payment_records' })];
    expect(findings([employee('emp_q')], both, now, settings)).toHaveLength(0);
    expect(
      findings([employee('emp_q')], both, now, { ...settings, sodPairs: [['finance:refunds', 'finance:payment_records']] }).map(
        (f) => f.kind,
      ),
    ).toEqual(['sod']);
  });

  it('the demo organisation is about 300 staff and 3,000 grants with leavers, dormant and no-MFA accounts', () => {
    const { employees, grants } = demoAccess(new Date(now));
    expect(employees.length).toBeGreaterThan(280);
    expect(grants.length).toBeGreaterThan(2500);
    const found = findings(employees, grants, now).map((f) => f.kind);
    for (const kind of ['leaver', 'dormant', 'no_mfa', 'sod', 'expired', 'unjustified'] as const) expect(found).toContain(kind);
  });
});
