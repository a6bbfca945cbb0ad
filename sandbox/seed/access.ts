import type { AccessReview, AccessScope, Department, Employee, Grant, ReviewItem } from '../../shared/api/access';
import { inScope, reviewItemOf, staffLookup } from '../../shared/domain/access';
import { localDate } from '../../shared/domain/calendar';
import type { PlatformStore } from '../store/store';
import { person } from './people';
import { createRandom, type Random } from './random';

const DAY = 86_400_000;

/** Each department's head is a console user; their teams report to them. */
const heads: Record<Department, { staffId: string; name: string; email: string }> = {
  support: { staffId: 'stf_schmitt', name: 'Anna Schmitt', email: 'a.schmitt@lernwerk-akademie.de' },
  finance: { staffId: 'stf_albrecht', name: 'Jonas Albrecht', email: 'j.albrecht@lernwerk-akademie.de' },
  instructors: { staffId: 'stf_yildiz', name: 'Mehmet Yıldız', email: 'm.yildiz@lernwerk-akademie.de' },
  community: { staffId: 'stf_schmitt', name: 'Anna Schmitt', email: 'a.schmitt@lernwerk-akademie.de' },
  analytics: { staffId: 'stf_krueger', name: 'Sabine Krüger', email: 's.krueger@lernwerk-akademie.de' },
  it: { staffId: 'stf_krueger', name: 'Sabine Krüger', email: 's.krueger@lernwerk-akademie.de' },
  legal: { staffId: 'stf_hartmann', name: 'Felix Hartmann', email: 'f.hartmann@lernwerk-akademie.de' },
  privacy: { staffId: 'stf_vogel', name: 'Dr. Katrin Vogel', email: 'k.vogel@lernwerk-akademie.de' },
};

/** Each head answers as data owner for the scopes of their department's data; IT's head for IT's scopes. */
const owners: Record<string, AccessScope[]> = {
  stf_schmitt: ['support:learner_profiles', 'support:export_learner_data', 'community:forum_moderation'],
  stf_albrecht: ['finance:payment_records', 'finance:refunds'],
  stf_yildiz: ['instructors:course_participants'],
  stf_krueger: ['analytics:usage_reports', 'it:platform_admin', 'it:delete_audit_logs', 'it:manage_roles'],
};

/** What the heads hold themselves (their reviews fall to their own manager, never to them). */
const headGrants: Record<string, [AccessScope, string | null][]> = {
  stf_krueger: [
    ['it:platform_admin', null],
    ['it:manage_roles', null],
  ],
  stf_albrecht: [['finance:payment_records', 'DACH']],
  stf_vogel: [['support:export_learner_data', null]],
  stf_hartmann: [['support:learner_profiles', 'DACH']],
};

/** How many people each department has (about 300 in all), and what its people typically hold. */
const departments: Record<Department, { size: number; grants: (random: Random) => [AccessScope, string | null][] }> = {
  support: {
    size: 64,
    grants: (r) => [
      ...regions.filter(() => r.next() < 0.8).map((region) => ['support:learner_profiles', region] as [AccessScope, string]),
      ...(r.next() < 0.3 ? [['support:export_learner_data', null] as [AccessScope, null]] : []),
      ...(r.next() < 0.25 ? [['community:forum_moderation', null] as [AccessScope, null]] : []),
      ...(r.next() < 0.15 ? [['finance:refunds', null] as [AccessScope, null]] : []),
    ],
  },
  finance: {
    size: 22,
    grants: (r) => [
      ...regions.map((region) => ['finance:payment_records', region] as [AccessScope, string]),
      ...(r.next() < 0.6 ? [['finance:refunds', null] as [AccessScope, null]] : []),
      ...(r.next() < 0.2 ? [['analytics:usage_reports', null] as [AccessScope, null]] : []),
    ],
  },
  instructors: {
    size: 130,
    grants: (r) =>
      courses.filter(() => r.next() < 0.65).map((course) => ['instructors:course_participants', course] as [AccessScope, string]),
  },
  community: {
    size: 24,
    grants: (r) => [
      ['community:forum_moderation', null],
      ...regions.filter(() => r.next() < 0.5).map((region) => ['support:learner_profiles', region] as [AccessScope, string]),
    ],
  },
  analytics: {
    size: 16,
    grants: (r) => [
      ['analytics:usage_reports', null],
      ...(r.next() < 0.3 ? [['support:export_learner_data', null] as [AccessScope, null]] : []),
    ],
  },
  it: {
    size: 26,
    grants: (r) => [
      ['it:platform_admin', null],
      ...(r.next() < 0.4 ? [['it:manage_roles', null] as [AccessScope, null]] : []),
      ...(r.next() < 0.3 ? [['it:delete_audit_logs', null] as [AccessScope, null]] : []),
      ...(r.next() < 0.2 ? [['support:export_learner_data', null] as [AccessScope, null]] : []),
    ],
  },
  legal: { size: 8, grants: (r) => (r.next() < 0.5 ? [['support:learner_profiles', 'DACH']] : []) },
  privacy: {
    size: 6,
    grants: () => [
      ['support:learner_profiles', 'DACH'],
      ['support:export_learner_data', null],
    ],
  },
};
const regions = ['DACH', 'EU', 'International'] as const;
const courses = Array.from({ length: 28 }, (_, i) =>
  [
    'Python für Einsteiger',
    'Datenanalyse mit Excel',
    'Projektmanagement kompakt',
    'Englisch B2 – Business',
    'Buchhaltung Grundlagen',
    'UX-Design Basics',
    'Statistik verstehen',
    'Rhetorik im Beruf',
  ][i % 8].concat(i < 8 ? '' : ` (${Math.floor(i / 8) + 1})`),
);
const reasons: Partial<Record<AccessScope, string>> = {
  'support:learner_profiles': 'Bearbeitung von Support-Tickets',
  'support:export_learner_data': 'Erstellung von Datenkopien (Art. 15 DSGVO)',
  'finance:payment_records': 'Zahlungsabgleich und Mahnwesen',
  'finance:refunds': 'Erstattungen nach Widerruf',
  'instructors:course_participants': 'Betreuung der Kursteilnehmenden',
  'community:forum_moderation': 'Moderation des Forums',
  'analytics:usage_reports': 'Monatliche Nutzungsberichte',
  'it:platform_admin': 'Betrieb der Plattform',
  'it:delete_audit_logs': 'Rotation der Protokolle nach Löschkonzept',
  'it:manage_roles': 'Rechtevergabe nach Antrag',
};

/**
 * The operator's organisation: about 300 staff in eight departments under their heads (console users, data
 * owners of their departments' scopes), about 3,000 grants. A few leavers still hold grants, some accounts are
 * dormant or have no MFA, a few grants lack a justification, some ended at their last day (revoked by the
 * platform), and two people hold scopes that should be apart.
 */
export function demoAccess(now: Date): { employees: Employee[]; grants: Grant[] } {
  const random = createRandom(20270115);
  const employees: Employee[] = [];
  const grants: Grant[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const day = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const headIds = new Map<string, string>();
  for (const [department, head] of Object.entries(heads) as [Department, (typeof heads)[Department]][]) {
    const existing = headIds.get(head.staffId);
    if (existing) continue;
    const id = `emp_${head.staffId.replace(/^stf_/, '')}`;
    headIds.set(head.staffId, id);
    employees.push({
      id,
      version: 1,
      updatedAt: at(1),
      name: head.name,
      email: head.email,
      department,
      managerId: head.staffId === 'stf_schmitt' ? null : 'emp_schmitt',
      staffId: head.staffId,
      status: 'active',
      leaveDate: null,
      lastSignInAt: at(random.int(0, 3)),
      mfa: true,
      owns: owners[head.staffId] ?? [],
    });
  }
  let serial = 0;
  for (const [department, spec] of Object.entries(departments) as [Department, (typeof departments)[Department]][]) {
    const managerId = headIds.get(heads[department].staffId) ?? null;
    for (let i = 0; i < spec.size; i++) {
      serial++;
      const who = person(random, 500_000 + serial);
      const id = `emp_${serial.toString().padStart(4, '0')}`;
      const roll = random.next();
      // A few leavers (one left yesterday and still holds everything), some dormant, some without MFA.
      const leaver = serial % 97 === 13;
      const dormant = !leaver && roll < 0.04;
      employees.push({
        id,
        version: 1,
        updatedAt: at(1),
        name: who.name,
        email: `${who.email.split('@')[0]}@lernwerk-akademie.de`,
        department,
        managerId,
        staffId: null,
        status: leaver ? 'leaver' : 'active',
        leaveDate: leaver ? day(serial % 3 === 0 ? 1 : random.int(5, 40)) : null,
        lastSignInAt: dormant ? at(random.int(95, 400)) : at(random.int(0, 20)),
        mfa: random.next() > 0.06,
        owns: [],
      });
      for (const [scope, resource] of spec.grants(random)) grants.push(grant(id, department, scope, resource));
    }
  }
  // Two people hold scopes that should be apart (the separation-of-duties check finds them).
  for (const [department, pair] of [
    ['it', ['support:export_learner_data', 'it:delete_audit_logs']],
    ['finance', ['finance:refunds', 'it:manage_roles']],
  ] as [Department, AccessScope[]][]) {
    const holder = employees.find((e) => e.department === department && !e.staffId && e.status === 'active');
    const held = new Set(grants.filter((g) => g.employeeId === holder?.id).map((g) => g.scope));
    if (holder) for (const scope of pair) if (!held.has(scope)) grants.push(grant(holder.id, department, scope, null));
  }
  for (const [staffId, held] of Object.entries(headGrants)) {
    const holder = employees.find((e) => e.staffId === staffId);
    if (holder) for (const [scope, resource] of held) grants.push(grant(holder.id, holder.department, scope, resource));
  }
  return { employees, grants };

  function grant(employeeId: string, department: Department, scope: AccessScope, resource: string | null): Grant {
    const n = grants.length + 1;
    const grantedAgo = random.int(30, 900);
    const drawn = random.next() < 0.05 ? random.int(-200, Math.min(30, grantedAgo - 1)) : null;
    // A few lapsed yesterday: the platform's nightly run revokes them tonight, until then the checks show them.
    const lastDay = n % 150 === 75 ? 1 : drawn;
    // A last day passed before that: the platform revoked it the day after, as it does.
    const ended = lastDay !== null && lastDay > 1;
    const endedAt = ended ? at(lastDay - 1) : '';
    return {
      id: `grt_${n.toString().padStart(5, '0')}`,
      version: ended ? 2 : 1,
      updatedAt: ended ? endedAt : at(grantedAgo),
      employeeId,
      scope,
      resource,
      grantedAt: at(grantedAgo),
      grantedBy: heads[department].staffId,
      justification: random.next() < 0.03 ? '' : (reasons[scope] ?? ''),
      expiresAt: lastDay === null ? null : day(lastDay),
      state: ended ? 'revoked' : 'live',
      revocation: ended
        ? {
            requestedBy: 'platform',
            requestedAt: endedAt,
            reason: `Its last day (${day(lastDay)}) has passed.`,
            source: 'expiry',
            appliedAt: endedAt,
            failure: null,
            attempts: 1,
            nextAttemptAt: null,
            retriedBy: null,
            retriedAt: null,
          }
        : null,
      reducedFrom: null,
    };
  }
}

/**
 * The last completed review: every grant, half a year ago, every one kept by its reviewer. A review of "what
 * changed since" takes what was given or changed after it took its grants (its start).
 */
export function demoPastReview(
  employees: readonly Employee[],
  grants: readonly Grant[],
  now: Date,
): { review: AccessReview; items: ReviewItem[] } {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const createdAt = at(172);
  const closedAt = at(151);
  const lookup = staffLookup(employees);
  const review: AccessReview = {
    id: 'arv_2026h1',
    version: 1,
    updatedAt: closedAt,
    title: 'Alle Berechtigungen – 1. Halbjahr 2026',
    scope: { kind: 'all' },
    reviewers: { kind: 'manager' },
    dueDate: at(155).slice(0, 10),
    instructions: 'Bitte jede Berechtigung bestätigen oder entziehen; privilegierte und sensible nur mit Begründung.',
    ownerId: 'stf_krueger',
    createdAt,
    state: 'closed',
    closedAt,
    counts: { items: 0, decided: 0, kept: 0, revoked: 0, reduced: 0, expiring: 0 },
    reminders: [],
  };
  const items: ReviewItem[] = [];
  for (const grant of grants) {
    const holder = lookup.employee(grant.employeeId);
    if (!holder || grant.grantedAt >= createdAt || !inScope({ ...grant, state: 'live' }, holder, review.scope)) continue;
    const item = reviewItemOf(review, grant, holder, lookup);
    const decidedAt = at(170 - (items.length % 15));
    const justification = 'Weiterhin für den Betrieb erforderlich.';
    items.push({
      ...item,
      version: 2,
      updatedAt: decidedAt,
      decision: { kind: 'keep', toScope: null, expiresAt: null, justification, by: item.reviewerId, at: decidedAt },
    });
  }
  review.counts = { ...review.counts, items: items.length, decided: items.length, kept: items.length };
  return { review, items };
}

/** The organisation and its grants, seeded once (a store made before them gets them too). */
export function ensureAccess(store: PlatformStore, now: Date): void {
  if (store.count('employee') > 0) return;
  const { employees, grants } = demoAccess(now);
  const past = demoPastReview(employees, grants, now);
  store.transaction(() => {
    for (const employee of employees) store.put('employee', employee);
    for (const grant of grants) store.put('grant', grant);
    store.put('accessReview', past.review);
    for (const item of past.items) store.put('reviewItem', item);
    // The platform's nightly revocation of lapsed grants ran today, before the seed (those lapsed yesterday wait for
    // tonight); a platform started again on a later day runs it at once.
    store.setMeta('expiry_run', localDate(new Date(), 'Europe/Berlin'));
  });
}

/** While the demo runs, someone leaves: their last day was yesterday, and they still hold their grants. */
export function emitLeaver(store: PlatformStore, now: Date = new Date()): Employee | null {
  const holders = new Set(
    store
      .all<Grant>('grant')
      .filter((g) => g.state === 'live')
      .map((g) => g.employeeId),
  );
  const candidate = store
    .all<Employee>('employee')
    .find((e) => e.status === 'active' && e.staffId === null && holders.has(e.id) && e.department === 'support');
  if (!candidate) return null;
  const leaver: Employee = {
    ...candidate,
    version: candidate.version + 1,
    updatedAt: now.toISOString(),
    status: 'leaver',
    leaveDate: new Date(now.getTime() - DAY).toISOString().slice(0, 10),
  };
  store.transaction(() => store.put('employee', leaver));
  return leaver;
}
