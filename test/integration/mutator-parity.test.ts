import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../electron/cache/stores';
import { type Core, openCore } from '../../electron/core';
import { PlatformError } from '../../electron/platform/errors';
import { demoActivities } from '../../sandbox/seed/activities';
import { generateIncidents } from '../../sandbox/seed/incidents';
import { demoProcessors } from '../../sandbox/seed/processors';
import { createRandom } from '../../sandbox/seed/random';
import { demoStaff } from '../../sandbox/seed/staff';
import type { AccessReview, Grant, ReviewItem, ReviewScope } from '../../shared/api/access';
import type { Playbook } from '../../shared/api/breach-playbooks';
import type { Incident } from '../../shared/api/breaches';
import type { Dsar } from '../../shared/api/dsar';
import { DataCategory, DenialReason, type DsarEvent, IdentityMethod, type Message, MessageKind } from '../../shared/api/dsar-workflow';
import type { Job } from '../../shared/api/jobs';
import { type PolicyVersion, policyVersionId } from '../../shared/api/policies';
import { campaignIdOf, type PolicyCampaign } from '../../shared/api/policy-campaigns';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { RuleError } from '../../shared/domain/rules';
import type { Versioned } from '../../shared/entities/descriptor';
import { type EntityName, entities, findEntity, type MutatorArgs, type MutatorName } from '../../shared/entities/registry';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';

/**
 * Every mutator through both sides on the same inputs: the console runs it to check and show the write, the
 * platform runs it as the authority. Both must agree on whether the write is allowed, with the same rule,
 * and an allowed write must look in the console exactly as the platform stored it, timeline included.
 * Inputs are generated (fast-check), valid and invalid, on requests in whatever state earlier runs left them.
 */

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let stores: Stores;
let core: Core;

beforeAll(async () => {
  dir = tempDir();
  // Jobs never progress here: the platform's answer is compared before a job could add to the timeline.
  platform = await testPlatform(dir.path, 40, {
    jobStepMs: 3_600_000,
    noticeStepMs: 3_600_000,
    campaignStepMs: 3_600_000,
    accessStepMs: 3_600_000,
  });
  stores = openStores(join(dir.path, 'console'), TEST_KEY);
  core = openCore(stores, {
    // The administrator may run every mutator (incidents are written by security leads, decided by officers).
    platform: { url: platform.url, token: platform.sandbox.tokens.stf_schmitt },
    sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    client: { retries: 0, timeoutMs: 5000 },
    undoMs: 0,
  });
  await core.refreshMe();
  seedPackageToReview();
  seedPoliciesInReview();
  seedAccessReview();
  await core.engine.kick();
});

/** A request whose data package is ready for review: the package steps (withhold, include, deliver) run on it. */
const packaged = { dsarId: '', jobId: 'job_parity-package', items: ['lgn-1', 'lgn-2', 'lgn-3'] };
/**
 * Versions another author (legal) drafted, in review, approved and scheduled (each the next number of its
 * document): the administrator may approve, schedule and tell users of them.
 */
const reviewed: Record<string, string> = {};
const plannable = (version: PolicyVersion) => version.status === 'scheduled' && version.classification?.kind === 'material';
function seedPoliciesInReview(): void {
  const store = platform.sandbox.store;
  const material = {
    answers: ['new_recipient' as const],
    proposed: 'material' as const,
    kind: 'material' as const,
    reason: 'Ein neuer Empfänger wird genannt.',
    needsConsent: false,
    by: 'stf_hartmann',
    at: new Date().toISOString(),
  };
  for (const [key, document, language, status, step] of [
    ['cookies_de', 'cookies', 'de', 'in_review', 1],
    ['cookies_en', 'cookies', 'en', 'in_review', 1],
    ['privacy_de', 'privacy', 'de', 'approved', 1],
    // One told already (its campaign sent: reminders go out), one still to be told (campaigns are planned for it).
    ['privacy_en', 'privacy', 'en', 'scheduled', 1],
    ['privacy_en_untold', 'privacy', 'en', 'scheduled', 2],
  ] as const) {
    const base = store
      .all<PolicyVersion>('policyVersion')
      .filter((v) => v.document === document && v.language === language && v.status === 'published')[0];
    if (!base) throw new Error(`no published ${document} ${language}`);
    const id = policyVersionId(document, language, base.number + step);
    reviewed[key] = id;
    store.put('policyVersion', {
      ...base,
      id,
      version: 1,
      number: base.number + step,
      basedOn: base.number,
      status,
      classification: status === 'in_review' ? null : material,
      authorId: 'stf_hartmann',
      approvedBy: status === 'in_review' ? null : 'stf_vogel',
      approvedAt: status === 'in_review' ? null : base.updatedAt,
      effectiveAt: status === 'scheduled' ? new Date(Date.now() + 45 * 86_400_000).toISOString() : null,
      publishedAt: null,
      sha256: null,
      timeline: [],
    } satisfies PolicyVersion);
  }
  // The told one's campaign has gone out (the rows per person copied from the demo's past campaign).
  const told = store.get<PolicyVersion>('policyVersion', reviewed.privacy_en);
  const past = store.get<PolicyCampaign>('policyCampaign', campaignIdOf(policyVersionId('cookies', 'de', 2)));
  if (!told?.effectiveAt || !past) throw new Error('nothing to build the sent campaign from');
  const id = campaignIdOf(told.id);
  store.put('policyCampaign', {
    ...past,
    id,
    version: 1,
    versionId: told.id,
    document: told.document,
    language: told.language,
    number: told.number,
    effectiveAt: told.effectiveAt,
    changeSummary: told.changeSummary,
    waves: past.waves.slice(0, 1),
  } satisfies PolicyCampaign);
  store.db
    .prepare(
      `INSERT INTO campaign_deliveries (campaign_id, wave, account_id, roll, outcome, sent_at, settled_step, email_bounced, ack_at, ack_kind)
       SELECT ?, wave, account_id, roll, outcome, sent_at, settled_step, email_bounced, ack_at, ack_kind FROM campaign_deliveries WHERE campaign_id = ? AND wave = 1`,
    )
    .run(id, past.id);
}

/**
 * An open review the administrator owns (so may decide every item), with items of several holders, one of them
 * the administrator's own; a review whose items are all decided (closing it is accepted); a failed revocation.
 */
const access = { reviewId: 'arv_parity', doneId: 'arv_parity_done', itemIds: [] as string[], failedGrant: '' };
function seedAccessReview(): void {
  const store = platform.sandbox.store;
  const grants = store.all<Grant>('grant');
  const at = new Date().toISOString();
  const base: AccessReview = {
    id: access.reviewId,
    version: 1,
    updatedAt: at,
    title: 'Parität',
    scope: { kind: 'all' },
    reviewers: { kind: 'manager' },
    dueDate: '2099-12-31',
    instructions: '',
    ownerId: 'stf_schmitt',
    createdAt: at,
    state: 'open',
    closedAt: null,
    counts: { items: 30, decided: 0, kept: 0, revoked: 0, reduced: 0, expiring: 0 },
    reminders: [],
  };
  store.put('accessReview', base);
  store.put('accessReview', { ...base, id: access.doneId, counts: { items: 1, decided: 1, kept: 1, revoked: 0, reduced: 0, expiring: 0 } });
  const own = grants.filter((grant) => grant.employeeId === 'emp_schmitt').slice(0, 2);
  for (const grant of [...grants.filter((g) => g.employeeId !== 'emp_schmitt').slice(0, 28), ...own]) {
    const id = `rvi_parity_${grant.id.replace(/^grt_/, '')}`;
    access.itemIds.push(id);
    store.put('reviewItem', {
      id,
      version: 1,
      updatedAt: at,
      reviewId: access.reviewId,
      grantId: grant.id,
      employeeId: grant.employeeId,
      holderName: grant.employeeId,
      scope: grant.scope,
      reviewerId: 'stf_schmitt',
      reassigned: null,
      decision: null,
    } satisfies ReviewItem);
  }
  const failed = grants.find((grant) => grant.scope === 'it:delete_audit_logs');
  if (!failed) throw new Error('no grant to fail');
  access.failedGrant = failed.id;
  store.put('grant', {
    ...failed,
    version: failed.version + 1,
    state: 'failed',
    revocation: {
      requestedBy: 'stf_krueger',
      requestedAt: at,
      reason: 'Austritt',
      source: 'check:leaver',
      appliedAt: null,
      failure: 'Wartungsfenster',
      attempts: 1,
      nextAttemptAt: null,
      retriedBy: null,
      retriedAt: null,
    },
  } satisfies Grant);
}

function seedPackageToReview(): void {
  const store = platform.sandbox.store;
  const dsar = store.all<Dsar>('dsar').find((d) => d.type === 'access' && d.status === 'in_progress' && d.subject.userId);
  if (!dsar) throw new Error('the seed has no access request in progress');
  packaged.dsarId = dsar.id;
  const at = new Date().toISOString();
  const job: Job = {
    id: packaged.jobId,
    version: 3,
    updatedAt: at,
    dsarId: dsar.id,
    kind: 'package',
    state: 'succeeded',
    progress: 1,
    step: null,
    error: null,
    result: {
      kind: 'package',
      categories: [{ category: 'login_history', count: 3, items: packaged.items.map((id) => ({ id, label: id, detail: '', fields: {} })) }],
    },
  };
  store.transaction(() => {
    store.put('job', job);
    store.put('dsar', {
      ...dsar,
      version: dsar.version + 1,
      events: [...dsar.events, { id: 'ev-parity-job', at, actor: 'stf_vogel', kind: 'job_started', jobId: job.id, job: 'package' }],
    });
  });
}
afterAll(async () => {
  await core.engine.stop();
  stores.close();
  await platform.stop();
  dir.remove();
});

type Case<N extends EntityName, M extends MutatorName<N>> = fc.Arbitrary<{ id: string; args: MutatorArgs<N, M> }>;
/** One generator per mutator of every entity: the compiler refuses a registry mutator without one. */
type Cases = { [N in EntityName]: { [M in MutatorName<N>]: Case<N, M> } };

const processorIds = demoProcessors.map((p) => p.id);
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
const message = (kind: MessageKind): fc.Arbitrary<Message> =>
  fc.record({
    // Now and then the wrong kind of message for the step.
    kind: fc.oneof({ weight: 9, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: fc.constant<MessageKind>('denial') }),
    locale: fc.constantFrom('de' as const, 'en' as const),
    subject: text(1, 40),
    body: text(1, 200),
    closing: text(0, 40),
    delivery: fc.constantFrom('email' as const, 'post' as const),
  });
const day = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10));
const accountIds = () =>
  platform.sandbox.store.db
    .prepare<[], { id: string }>('SELECT id FROM accounts ORDER BY id LIMIT 20')
    .all()
    .map((row) => row.id);

const action = (dsarId: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record({ type: fc.constant('add_note' as const), text: text(1, 80) }),
    fc.constant({ type: 'start' as const }),
    fc.record({ type: fc.constant('acknowledge' as const), message: message('acknowledgement') }),
    fc.record({ type: fc.constant('request_identity' as const), message: message('identity_request') }),
    fc.record({
      type: fc.constant('record_identity' as const),
      method: fc.constantFrom(...IdentityMethod.options),
      outcome: fc.constantFrom('verified' as const, 'failed' as const),
      note: text(0, 40),
    }),
    fc.record({ type: fc.constant('request_clarification' as const), message: message('clarification_request') }),
    fc.record({ type: fc.constant('record_clarification' as const), note: text(1, 40) }),
    fc.record({
      type: fc.constant('extend' as const),
      reason: text(5, 60),
      months: fc.constantFrom(1 as const, 2 as const),
      message: message('extension_notice'),
      clock: fc.constant(defaultClockSettings),
    }),
    fc.record({
      type: fc.constant('deny' as const),
      reason: fc.constantFrom(...DenialReason.options),
      explanation: text(5, 60),
      message: message('denial'),
      clock: fc.constant(defaultClockSettings),
    }),
    fc.record({ type: fc.constant('withdraw' as const), note: text(0, 40) }),
    fc.record({ type: fc.constant('mark_duplicate' as const), of: fc.oneof(dsarId, fc.constant('dsr_nope')) }),
    fc.record({ type: fc.constant('complete' as const), message: message('completion'), clock: fc.constant(defaultClockSettings) }),
    fc.record({
      type: fc.constant('start_job' as const),
      jobId: fc.uuid().map((u) => `job_${u.replace(/-/g, '').slice(0, 16)}`),
      job: fc.constantFrom('package' as const, 'erasure' as const, 'restriction' as const, 'objection' as const, 'rectification' as const),
      objections: fc.option(fc.constant<'web_analytics'[]>(['web_analytics']), { nil: undefined }),
    }),
    fc.record({
      type: fc.constant('exclude_item' as const),
      jobId: fc.constant('job_none'),
      category: fc.constantFrom(...DataCategory.options),
      itemId: fc.constant('item-1'),
      reason: text(10, 40),
    }),
    fc.record({ type: fc.constant('inform_recipient' as const), processorId: fc.constantFrom(...processorIds), informedOn: day(-90, 1) }),
  );

const country = fc.constantFrom('DE', 'FR', 'IE', 'US', 'IN', 'CH', 'GB', 'JP');
const transfer = fc.record({
  mechanism: fc.constantFrom('none' as const, 'adequacy' as const, 'scc' as const, 'bcr' as const, 'art49' as const),
  sccModule: fc.constantFrom(null, '1' as const, '2' as const, '3' as const),
  tiaDate: fc.constantFrom(null, '2026-01-15'),
  dpfCertified: fc.constantFrom(null, true, false),
});
const processorPatch = fc.record(
  {
    legalName: text(0, 30),
    countries: fc.uniqueArray(country, { minLength: 0, maxLength: 3 }),
    transfer,
    riskRating: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    reviewCadenceMonths: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: [] },
);
const activityPatch = fc.record(
  {
    name: text(0, 30),
    legalBasis: fc.constantFrom('art6_1_a' as const, 'art6_1_b' as const, 'art6_1_f' as const),
    legitimateInterest: fc.constantFrom('', 'Betrieb und Sicherheit der Plattform'),
    specialCategories: fc.boolean(),
    art9Ground: fc.constantFrom(null, 'art9_2_a' as const),
    recipientIds: fc.uniqueArray(fc.constantFrom(...processorIds, 'prc_unknown-one'), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const newId = (prefix: string) => fc.uuid().map((u) => `${prefix}_${u.replace(/-/g, '').slice(0, 12)}`);

/** A valid incident's facts (the demo's first), and changes that the rules now and then refuse. */
const incidentBase = (() => {
  const {
    id: _,
    version: __,
    updatedAt: ___,
    status: ____,
    assessments: _____,
    decision: ______,
    timeline: _______,
    playbook: ________,
    reports: _________,
    authorityReference: __________,
    exemption: ___________,
    ...facts
  } = generateIncidents(createRandom(7), 1, new Date()).incidents[0];
  return facts;
})();
const incidentFacts = fc.record(
  {
    title: text(3, 40),
    categories: fc.uniqueArray(fc.constantFrom('account' as const, 'payments' as const, 'login_history' as const), {
      minLength: 0,
      maxLength: 3,
    }),
    people: fc.record({ min: fc.integer({ min: 0, max: 300 }), max: fc.integer({ min: 0, max: 300 }) }),
    encryption: fc.constantFrom('none' as const, 'encrypted_key_safe' as const),
    // Now and then aware before the discovery, or in the future: refused by both.
    awareAt: fc.integer({ min: -30, max: 2 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
    processorIds: fc.uniqueArray(fc.constantFrom(...processorIds, 'prc_unknown-one'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const noticeParts = {
  what: 'Ein Angreifer hat Daten kopiert.',
  consequences: 'Es kann zu Phishing-Mails kommen.',
  measures: 'Wir haben die Lücke geschlossen.',
  advice: 'Bitte ändern Sie Ihr Passwort.',
};

const cases = (): Cases => {
  const accountList = platform.sandbox.store.accounts<{ id: string }>().map((account) => account.id);
  const requestIds = platform.sandbox.store
    .all<Versioned>('dsar')
    .map((dsar) => dsar.id)
    .slice(0, 40);
  const dsarId = fc.constantFrom(...requestIds);
  // The whole register: closed ones, and the newest, still undecided (closing them is refused).
  const policyIds = platform.sandbox.store.all<Versioned>('policyVersion').map((version) => version.id);
  const policyId = fc.constantFrom(...policyIds);
  // The approved one is kept for scheduling: an edit would void its approval before it is scheduled.
  // The seeded versions another author wrote stay untouched for approving and scheduling: an edit would void
  // an approval, and make the administrator one of their writers (four eyes).
  const changeableId = fc.constantFrom(...policyIds.filter((id) => !Object.values(reviewed).includes(id)));
  // Mostly versions in the state the step needs, so that both outcomes are seen.
  const inState = (status: string, also: (version: PolicyVersion) => boolean = () => true, otherwise = policyId) => {
    const ids = platform.sandbox.store
      .all<PolicyVersion>('policyVersion')
      .filter((version) => version.status === status && also(version))
      .map((version) => version.id);
    return ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: otherwise }) : otherwise;
  };
  const incidentId = fc.constantFrom(...platform.sandbox.store.all<Versioned>('incident').map((incident) => incident.id));
  // Half the notices go to incidents where telling the people was decided (a few of thirty), half to the others:
  // drawn evenly from all, thirty runs missed every decided one now and then and proved only the refusal.
  const incidents = platform.sandbox.store.all<Incident>('incident');
  const told = incidents.filter((incident) => incident.decision?.subjects).map((incident) => incident.id);
  const untold = incidents.filter((incident) => !incident.decision?.subjects).map((incident) => incident.id);
  const noticeIncidentId = told.length && untold.length ? fc.oneof(fc.constantFrom(...told), fc.constantFrom(...untold)) : incidentId;
  const reportable = platform.sandbox.store
    .all<Incident>('incident')
    .filter((incident) => incident.decision?.authority && !incident.reports.some((report) => report.phase === 'final'))
    .map((incident) => incident.id);
  const reportableId = reportable.length ? fc.constantFrom(...reportable) : incidentId;
  return {
    dsar: {
      create: fc
        .record({
          id: newId('dsr'),
          type: fc.constantFrom('access' as const, 'erasure' as const, 'objection' as const),
          channel: fc.constantFrom('email' as const, 'letter' as const),
          // Now and then in the future: refused by both.
          receivedAt: fc.integer({ min: -60, max: 2 }).map((offset) => new Date(Date.now() + offset * 86_400_000).toISOString()),
          subject: fc.record({
            userId: fc.constantFrom(null, ...accountIds()),
            name: text(1, 30),
            // A letter may come without an e-mail address (then it needs a postal address).
            email: fc.constantFrom('erika.muster@example.de', 'j.weiss@web.de', 'not-an-address', null),
            locale: fc.constantFrom('de' as const, 'en' as const),
            address: fc.constantFrom(null, 'Lindenstraße 12, 10115 Berlin'),
          }),
          notes: text(0, 40),
          priority: fc.constantFrom('low' as const, 'normal' as const, 'high' as const),
          duplicateOf: fc.constantFrom(null, ...requestIds.slice(0, 5), 'dsr_nope'),
        })
        .map((args) => ({ id: args.id, args })),
      assign: fc.record({
        id: dsarId,
        args: fc.record({ assigneeId: fc.constantFrom(null, 'stf_nobody', ...demoStaff.map((s) => s.id)) }),
      }),
      setPriority: fc.record({
        id: dsarId,
        args: fc.record({ priority: fc.constantFrom('low' as const, 'normal' as const, 'high' as const) }),
      }),
      setTags: fc.record({ id: dsarId, args: fc.record({ tags: fc.array(text(0, 12), { maxLength: 4 }) }) }),
      act: fc.oneof(
        { weight: 4, arbitrary: fc.record({ id: dsarId, args: action(dsarId) }) },
        // The package steps on the request whose package is ready, until it is delivered.
        {
          weight: 1,
          arbitrary: fc.record({
            id: fc.constant(packaged.dsarId),
            args: fc.oneof(
              fc.record({
                type: fc.constant('exclude_item' as const),
                jobId: fc.constant(packaged.jobId),
                category: fc.constantFrom('login_history' as const, 'invoices' as const),
                itemId: fc.constantFrom(...packaged.items, 'lgn-x'),
                reason: text(10, 40),
              }),
              fc.record({
                type: fc.constant('include_item' as const),
                jobId: fc.constant(packaged.jobId),
                category: fc.constant('login_history' as const),
                itemId: fc.constantFrom(...packaged.items),
              }),
              fc.record({ type: fc.constant('deliver' as const), jobId: fc.constant(packaged.jobId), information: text(1, 60) }),
            ),
          }),
        },
      ),
    },
    job: {},
    template: {
      save: fc.record({
        id: fc.constantFrom('tpl_de', 'tpl_en'),
        args: fc.record({
          messages: fc.record(
            Object.fromEntries(
              MessageKind.options.map((kind) => [
                kind,
                fc.record({
                  // Now and then without the request id, or with a placeholder nobody fills: refused by both.
                  subject: fc.oneof(
                    { weight: 30, arbitrary: fc.constant('Ihr Antrag – {{requestId}}') },
                    { weight: 1, arbitrary: fc.constantFrom('Ihr Antrag', 'Betreff {{requestId}} {{unbekannt}}') },
                  ),
                  body: fc.oneof(
                    { weight: 1, arbitrary: text(1, 80) },
                    { weight: 6, arbitrary: fc.constant('Frist: {{dueDate}}, {{name}}.') },
                  ),
                }),
              ]),
            ) as { [K in MessageKind]: fc.Arbitrary<{ subject: string; body: string }> },
          ),
          signature: fc.constantFrom('Mit freundlichen Grüßen\n{{controller}}', 'Kind regards'),
          note: text(0, 30),
        }),
      }),
    },
    staff: {},
    incident: {
      create: fc
        .record({ id: newId('inc'), patch: incidentFacts })
        .map(({ id, patch }) => ({ id, args: { ...incidentBase, ...patch, id } })),
      update: fc.record({ id: incidentId, args: incidentFacts }),
      assess: fc.record({
        id: incidentId,
        args: fc.record({
          identifiers: fc.uniqueArray(
            fc.constantFrom('negligible' as const, 'limited' as const, 'significant' as const, 'maximum' as const),
            {
              minLength: 0,
              maxLength: 3,
            },
          ),
          circumstances: fc.record({
            confidentiality: fc.constantFrom(0 as const, 0.25 as const, 0.5 as const),
            integrity: fc.constantFrom(0 as const, 0.25 as const, 0.5 as const),
            availability: fc.constantFrom(0 as const, 0.25 as const, 0.5 as const),
            malicious: fc.boolean(),
          }),
          adjustments: fc.array(
            fc.record({
              category: fc.constantFrom('account' as const, 'payments' as const),
              score: fc.integer({ min: 1, max: 4 }),
              reason: fc.constantFrom('', 'Konten Minderjähriger'),
            }),
            { maxLength: 2 },
          ),
        }),
      }),
      decide: fc.record({
        id: incidentId,
        args: fc.record({
          authority: fc.boolean(),
          subjects: fc.boolean(),
          justification: fc.constantFrom('', 'zu kurz', 'Verschlüsselt, Schlüssel nachweislich sicher.'),
        }),
      }),
      setStatus: fc.record({
        id: incidentId,
        args: fc.record({
          status: fc.constantFrom('open' as const, 'contained' as const, 'closed' as const),
          note: fc.constantFrom('Ursache behoben.', 'Nachbereitung abgeschlossen.', 'kurz'),
        }),
      }),
      tickTask: fc.record({
        id: incidentId,
        args: fc.record({
          // Now and then a task the playbook lacks, or one that needs evidence ticked without it.
          key: fc.constantFrom('preserve-evidence', 'assess-severity', 'contain-isolate', 'no-such-task'),
          done: fc.boolean(),
          evidence: fc.constantFrom('', 'Ticket SEC-1'),
        }),
      }),
      submitReport: fc.record({
        // Mostly incidents a report can still go for (notified, no final report yet), so both outcomes are seen.
        id: fc.oneof({ weight: 1, arbitrary: incidentId }, { weight: 4, arbitrary: reportableId }),
        args: fc.record({
          reportId: newId('rep'),
          phase: fc.constantFrom('initial' as const, 'follow_up' as const, 'final' as const),
          // Now and then in the future, or before the company knew: refused by both.
          sentAt: fc.oneof(
            { weight: 6, arbitrary: fc.constant(null).map(() => new Date(Date.now() - 60_000).toISOString()) },
            { weight: 1, arbitrary: fc.constantFrom('2000-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z') },
          ),
          timeZone: fc.constant('Europe/Berlin'),
          channel: fc.constantFrom('portal' as const, 'email' as const),
          language: fc.constantFrom('de' as const, 'en' as const),
          region: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('DE-BE', 'DE-BY') }, { weight: 1, arbitrary: fc.constant('DE-XX') }),
          controller: fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constant({
                name: 'Lernwerk Akademie GmbH',
                address: 'Friedrichstraße 68, 10117 Berlin',
                contact: 'kontakt@lernwerk-akademie.de',
              }),
            },
            { weight: 1, arbitrary: fc.constant({ name: '', address: '', contact: '' }) },
          ),
          contact: fc.oneof(
            { weight: 6, arbitrary: fc.constant({ name: 'Dr. Katrin Vogel', contact: 'datenschutz@lernwerk-akademie.de' }) },
            { weight: 1, arbitrary: fc.constant({ name: '', contact: '' }) },
          ),
          delayReasons: fc.constantFrom('', 'Die Forensik dauerte länger als erwartet.'),
          update: fc.oneof(
            { weight: 4, arbitrary: fc.constant('Neue Erkenntnisse aus der Forensik.') },
            { weight: 1, arbitrary: fc.constant('') },
          ),
        }),
      }),
      setReference: fc.record({ id: incidentId, args: fc.record({ reference: fc.constantFrom('BlnBDI-DP-2026-0042', 'X') }) }),
      setAftermath: fc.record({
        id: incidentId,
        args: fc.record({
          // Never emptied here: the reports generated after this rely on them. Now and then too long: refused by both.
          consequences: fc.constantFrom('Phishing mit echten Namen möglich.', 'Rechnungen kamen verspätet.'),
          // (one in four: with one in six, thirty runs missed a refusal about once in 250)
          measures: fc.oneof(
            { weight: 3, arbitrary: fc.constant('Schlüssel rotiert, Zugänge gesperrt.') },
            { weight: 1, arbitrary: fc.constant('x'.repeat(5001)) },
          ),
        }),
      }),
      recordExemption: fc.record({
        id: incidentId,
        args: fc.record({
          ground: fc.constantFrom('unintelligible' as const, 'risk_removed' as const, 'disproportionate' as const),
          reason: fc.constantFrom('kurz', 'Der Schlüssel lag nachweislich getrennt und sicher.'),
          publicCommunication: fc.constantFrom(null, { where: 'Startseite der Plattform', at: '2026-11-20T10:00:00.000Z' }),
        }),
      }),
    },
    playbook: {
      save: fc.record({
        id: fc.constantFrom('pb_ransomware', 'pb_other'),
        args: fc.record({
          tasks: fc.uniqueArray(
            fc.record({
              // Now and then the same key twice: refused by both.
              key: fc.constantFrom('contain-first', 'preserve-evidence', 'review-lessons'),
              phase: fc.constantFrom('contain' as const, 'review' as const),
              role: fc.constantFrom('security_lead' as const, 'privacy_officer' as const),
              dueHours: fc.integer({ min: 0, max: 400 }),
              title: fc.record({
                de: fc.constantFrom('Eindämmen', 'Beweise sichern'),
                en: fc.constantFrom('Contain', 'Preserve evidence'),
              }),
              evidence: fc.record({ de: fc.constantFrom('', 'Ticket'), en: fc.constantFrom('', 'Ticket') }),
            }),
            { minLength: 0, maxLength: 3, selector: (task) => `${task.key}${task.dueHours}` },
          ),
          note: text(0, 30),
        }),
      }),
    },
    policyVersion: {
      draft: fc
        .record({
          document: fc.constantFrom('privacy' as const, 'cookies' as const),
          language: fc.constantFrom('de' as const, 'en' as const),
          // Now and then one number too far (a gap): refused by both.
          skip: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }),
          heading: fc.constantFrom('1. Wer wir sind', ''),
        })
        .map(({ document, language, skip, heading }) => {
          const last = platform.sandbox.store
            .all<PolicyVersion>('policyVersion')
            .filter((v) => v.document === document && v.language === language)
            .reduce((max, v) => Math.max(max, v.number), 0);
          const id = policyVersionId(document, language, last + skip);
          return {
            id,
            args: {
              id,
              document,
              language,
              basedOn: last > 0 ? last : null,
              title: 'Datenschutzerklärung',
              sections: [{ id: 's-1', heading, body: 'Wir verarbeiten Ihre Daten nach Art. 6 DSGVO.' }],
              changeSummary: 'Neue Fassung',
            },
          };
        }),
      edit: fc.record({
        id: changeableId,
        args: fc.oneof(
          fc.record({ changeSummary: fc.constantFrom('Abschnitt 3 klarer gefasst', 'Neue Empfänger') }),
          // The same section twice: refused by both.
          fc.record({
            sections: fc.constantFrom<{ id: string; heading: string; body: string }[][]>(
              [{ id: 's-1', heading: '1. Einleitung', body: 'Text' }],
              [
                { id: 's-1', heading: '1. Einleitung', body: 'Text' },
                { id: 's-1', heading: '1. Nochmals', body: 'Text' },
              ],
            ),
          }),
        ),
      }),
      classify: fc.record({
        // Never the seeded versions of another author: classifying makes one their writer (four eyes).
        id: inState('draft', () => true, changeableId),
        args: fc.record({
          answers: fc.uniqueArray(fc.constantFrom('new_purpose' as const, 'new_recipient' as const, 'new_consent' as const), {
            maxLength: 2,
          }),
          kind: fc.constantFrom('material' as const, 'minor' as const),
          // Now and then without a real reason: refused by both.
          reason: fc.oneof(
            { weight: 5, arbitrary: fc.constant('Neuer Empfänger, Nutzer werden informiert.') },
            { weight: 1, arbitrary: fc.constant('kurz') },
          ),
        }),
      }),
      comment: fc.record({
        id: changeableId,
        args: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record({
              commentId: newId('cmt'),
              sectionId: fc.constantFrom('s-1', 's-99'),
              text: fc.constantFrom('Bitte präzisieren', 'Quelle?'),
            }),
          },
          { weight: 1, arbitrary: fc.record({ resolve: fc.constantFrom('cmt_missing') }) },
        ),
      }),
      dismissHint: fc.record({
        id: changeableId,
        args: fc.record({
          key: fc.constantFrom('activity:act_support', 'processor:prc_payments-zahlwerk'),
          reason: fc.oneof(
            { weight: 4, arbitrary: fc.constant('Steht bereits in Abschnitt 19.') },
            { weight: 1, arbitrary: fc.constant('kurz') },
          ),
        }),
      }),
      // Mostly classified drafts (an unclassified change is refused review).
      submit: fc.record({
        id: inState('draft', (version) => version.classification !== null),
        args: fc.record({ note: fc.constantFrom('', 'Bitte prüfen') }),
      }),
      // Mostly versions someone else wrote (four eyes refuses the administrator's own).
      approve: fc.record({
        id: inState('in_review', (version) => version.authorId !== 'stf_schmitt'),
        args: fc.record({ note: fc.constantFrom('', 'Geprüft') }),
      }),
      // Not the version seeded scheduled for the campaigns (they need one to plan).
      unschedule: fc.record({
        id: inState(
          'scheduled',
          (version) => version.id !== reviewed.privacy_en && version.id !== reviewed.privacy_en_untold,
          changeableId,
        ),
        args: fc.record({
          reason: fc.oneof(
            { weight: 4, arbitrary: fc.constant('Abschnitt 11 ist noch falsch.') },
            { weight: 1, arbitrary: fc.constant('kurz') },
          ),
        }),
      }),
      schedule: fc.record({
        id: inState('approved'),
        args: fc.record({
          effectiveAt: fc.constantFrom(new Date(Date.now() + 30 * 86_400_000).toISOString(), '2020-01-01T00:00:00.000Z'),
        }),
      }),
    },
    policyCampaign: {
      // A scheduled material version without a campaign when one is left (each is planned once), else one refused.
      plan: fc
        .record({
          pick: fc.nat(),
          channels: fc.constantFrom(['email', 'in_app'] as const, ['in_app'] as const, ['email'] as const),
          lead: fc.oneof(
            { weight: 1, arbitrary: fc.constant({ leadDays: 30, shortLeadReason: null }) },
            { weight: 4, arbitrary: fc.constant({ leadDays: 7, shortLeadReason: 'Die Aufsicht hat die Änderung angeordnet.' }) },
            // Shorter without a reason: refused by the schema on both sides.
            { weight: 1, arbitrary: fc.constant({ leadDays: 7, shortLeadReason: null }) },
          ),
          sendAt: fc.oneof(
            { weight: 3, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constant(new Date(Date.now() + 20 * 86_400_000).toISOString()) },
          ),
        })
        .map(({ pick, channels, lead, sendAt }) => {
          const free = platform.sandbox.store
            .all<PolicyVersion>('policyVersion')
            .filter((v) => !platform.sandbox.store.get('policyCampaign', campaignIdOf(v.id)))
            .sort((a, b) => Number(plannable(b)) - Number(plannable(a)));
          const version = free[pick % 4 === 3 ? pick % free.length : 0];
          const id = campaignIdOf(version.id);
          return { id, args: { id, versionId: version.id, channels: [...channels], ...lead, sendAt } };
        }),
      // The told version's campaign has gone out: a reminder is accepted, then refused while it sends.
      remind: fc.record({
        id: fc.constantFrom(campaignIdOf(reviewed.privacy_en)),
        args: fc.record({ note: fc.constantFrom('', 'Zweite Erinnerung') }),
      }),
      cancel: fc.record({
        id: fc.constantFrom(...platform.sandbox.store.all<Versioned>('policyCampaign').map((campaign) => campaign.id)),
        args: fc.record({ reason: fc.constantFrom('Die Fassung wird noch einmal überarbeitet.', 'kurz') }),
      }),
    },
    breachPolicy: {
      save: fc.record({
        id: fc.constant('bp_default'),
        args: fc.record({
          authorityFrom: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
          // Now and then telling the people below the authority: refused by both.
          subjectsFrom: fc.constantFrom('medium' as const, 'high' as const, 'low' as const),
        }),
      }),
    },
    notice: {
      send: fc
        .record({ id: newId('ntc'), incidentId: noticeIncidentId, count: fc.integer({ min: 1, max: 3 }) })
        .map(({ id, incidentId: incident, count }) => ({
          id,
          args: {
            id,
            incidentId: incident,
            parts: {
              de: noticeParts,
              en: noticeParts,
            },
            contact: 'datenschutz@lernwerk-akademie.de',
            // Accounts the platform has: the console cannot resolve an audience, so both must find someone.
            audience: { kind: 'accounts' as const, userIds: accountList.slice(0, count) },
          },
        })),
    },
    employee: {},
    grant: {
      revoke: fc.record({
        id: fc.constantFrom(
          ...platform.sandbox.store
            .all<Versioned>('grant')
            .map((grant) => grant.id)
            .slice(0, 200),
        ),
        args: fc.record({
          reason: fc.constantFrom('Ausgeschieden am 26.11.', 'kurz'),
          source: fc.constantFrom('check:leaver', 'check:dormant'),
        }),
      }),
      retry: fc.record({
        id: fc.oneof(
          { weight: 3, arbitrary: fc.constant(access.failedGrant) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              ...platform.sandbox.store
                .all<Versioned>('grant')
                .map((g) => g.id)
                .slice(0, 20),
            ),
          },
        ),
        args: fc.record({ note: fc.constantFrom('', 'Im Wartungsfenster') }),
      }),
    },
    accessReview: {
      start: fc
        .record({
          id: newId('arv'),
          scope: fc.constantFrom<ReviewScope>(
            { kind: 'categories', categories: ['payments'] },
            { kind: 'department', department: 'finance' },
            { kind: 'privileged' },
          ),
          reviewers: fc.constantFrom<AccessReview['reviewers']>(
            { kind: 'manager' },
            { kind: 'named', staffId: 'stf_krueger' },
            { kind: 'named', staffId: 'stf_berger' },
          ),
          dueDate: fc.constantFrom('2099-06-30', '2020-01-01'),
        })
        .map(({ id, ...rest }) => ({ id, args: { id, title: 'Zahlungsdaten prüfen', instructions: '', ...rest } })),
      remind: fc.record({
        id: fc.constantFrom(access.reviewId, access.doneId),
        args: fc.record({ note: fc.constantFrom('', 'Bitte bis Freitag') }),
      }),
      close: fc.record({
        id: fc.constantFrom(access.reviewId, access.doneId),
        args: fc.record({ note: fc.constant('') }),
      }),
    },
    reviewItem: {
      decide: fc.record({
        id: fc.constantFrom(...access.itemIds),
        args: fc.oneof(
          fc.record({
            kind: fc.constantFrom('keep' as const, 'revoke' as const),
            justification: fc.constantFrom('', 'Weiterhin im Team tätig.'),
          }),
          fc.record({
            kind: fc.constant('reduce' as const),
            toScope: fc.constantFrom('analytics:usage_reports' as const, null),
            justification: fc.constant(''),
          }),
          fc.record({
            kind: fc.constant('expire' as const),
            expiresAt: fc.constantFrom('2099-01-01', new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)),
          }),
        ),
      }),
    },
    processor: {
      create: fc.record({ id: newId('prc'), patch: processorPatch }).map(({ id, patch }) => {
        const { id: _, version: __, updatedAt: ___, ...draft } = demoProcessors[1];
        return { id, args: { ...draft, id, ...patch } };
      }),
      update: fc.record({ id: fc.constantFrom(...processorIds), args: processorPatch }),
    },
    activity: {
      create: fc.record({ id: newId('act'), patch: activityPatch }).map(({ id, patch }) => {
        const { id: _, version: __, updatedAt: ___, history: ____, ...draft } = demoActivities[0];
        return { id, args: { ...draft, id, ...patch } };
      }),
      update: fc.record({ id: fc.constantFrom(...demoActivities.map((a) => a.id)), args: activityPatch }),
    },
  };
};

/** What both sides must agree on: everything but the version, the instants and the ids of timeline entries. */
function comparable(doc: Versioned | null): unknown {
  if (!doc) return null;
  const { version: _, updatedAt: __, ...rest } = doc as Versioned & { events?: DsarEvent[] };
  // A playbook's revision records when it was saved; a notice's counts are the platform's to say.
  if ('revision' in rest) return { ...rest, savedAt: '', history: (rest as Playbook).history.map((old) => ({ ...old, savedAt: '' })) };
  // A reminder's recipients are the platform's to find (the console has no items to count from).
  if ('counts' in rest)
    return {
      ...rest,
      createdAt: '',
      counts: null,
      state: null,
      ...('closedAt' in rest && { closedAt: rest.closedAt && '' }),
      ...('reminders' in rest && { reminders: (rest as AccessReview).reminders.map(({ at: _a, recipients: _r, ...r }) => r) }),
    };
  // A decision and a revocation carry each side's own instant.
  if ('reviewId' in rest) {
    const item = rest as Omit<ReviewItem, 'version' | 'updatedAt'>;
    return { ...item, decision: item.decision && { ...item.decision, at: '' } };
  }
  if ('revocation' in rest) {
    const grant = rest as Omit<Grant, 'version' | 'updatedAt'>;
    return {
      ...grant,
      revocation: grant.revocation && { ...grant.revocation, requestedAt: '', retriedAt: grant.revocation.retriedAt && '' },
    };
  }
  // A campaign's audience is the platform's to count, and each side plans it at its own instant.
  if ('waves' in rest) {
    const campaign = rest as Omit<PolicyCampaign, 'version' | 'updatedAt'>;
    return {
      ...campaign,
      createdAt: '',
      sendAt: '',
      recipients: 0,
      waves: campaign.waves.map((wave) => ({ ...wave, requestedAt: '', recipients: 0, queued: 0 })),
    };
  }
  // A policy version's timeline and approval carry each side's own instants and entry ids.
  if ('sections' in rest) {
    const policy = rest as Omit<PolicyVersion, 'version' | 'updatedAt'>;
    return {
      ...policy,
      approvedAt: policy.approvedAt && '',
      classification: policy.classification && { ...policy.classification, at: '' },
      dismissedHints: policy.dismissedHints.map((hint) => ({ ...hint, at: '' })),
      comments: policy.comments.map((comment) => ({ ...comment, at: '' })),
      timeline: policy.timeline.map(({ id: _i, at: _a, ...entry }) => entry),
    };
  }
  // An entry's history records the instant of each change: each side has its own.
  const history = (rest as { history?: { at: string }[] }).history;
  if (history) return { ...rest, history: history.map(({ at: _at, ...change }) => change) };
  // An incident's timeline, assessments, decision, tasks and reports carry each side's own instants and entry ids
  // (and a report's fingerprint covers its instant).
  const incident = rest as Partial<Incident>;
  if (incident.timeline) {
    return {
      ...rest,
      timeline: incident.timeline.map(({ id: _id, at: _at, ...entry }) => entry),
      assessments: incident.assessments?.map(({ at: _at, ...assessment }) => assessment),
      decision: incident.decision ? { ...incident.decision, at: '' } : null,
      playbook: incident.playbook && {
        ...incident.playbook,
        tasks: incident.playbook.tasks.map((task) => ({ ...task, done: task.done && { ...task.done, at: '' } })),
      },
      reports: incident.reports?.map(({ submittedAt: _s, sha256: _h, content: { submittedAt: _c, ...content }, ...report }) => ({
        ...report,
        content,
      })),
      exemption: incident.exemption && { ...incident.exemption, at: '' },
    };
  }
  const events = (rest as { events?: DsarEvent[] }).events;
  if (!events) return rest;
  return {
    ...rest,
    events: events.map(({ id: _id, at: _at, ...entry }) =>
      // Only the platform builds the package: its checksum, size and files are the platform's to say.
      entry.kind === 'delivered' ? { ...entry, sha256: '(platform)', bytes: 0, files: [] } : entry,
    ),
  };
}

const outcomes = new Map<string, { accepted: number; refused: number }>();

/** One write through both sides; throws (failing the property) where they disagree. */
async function bothSides(entity: EntityName, mutator: string, id: string, args: unknown): Promise<void> {
  const descriptor = findEntity(entity);
  if (!descriptor) throw new Error(`no entity ${entity}`);
  const tally = outcomes.get(`${entity}.${mutator}`) ?? { accepted: 0, refused: 0 };
  outcomes.set(`${entity}.${mutator}`, tally);
  const cached = core.entities[entity];
  const before = cached.read(id);
  let shown: Versioned | null = null;
  let refusal: RuleError | null = null;
  try {
    shown = core.writes.mutate(entity, id, mutator as MutatorName<typeof entity>, args as never);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    refusal = error;
  }

  if (refusal) {
    tally.refused++;
    if (process.env.PARITY_DEBUG) console.log(entity, mutator, refusal.code, refusal.message);
    // The platform, asked the same on the same state, refuses with the same rule.
    const answer = await core.client
      .mutate(descriptor, mutator, id, args, { version: before?.version ?? 0, idempotencyKey: `parity-${crypto.randomUUID()}` })
      .then(
        (saved) => saved,
        (error: unknown) => error,
      );
    if (!(answer instanceof PlatformError))
      throw new Error(`${entity}.${mutator}: the console refused (${refusal.message}), the platform accepted`);
    // Arguments that fail the schema are a 400, a rule on the changed entity a 422: the same problem either way.
    expect(refusal.code === 'invalid-input' ? [400, 422] : [422]).toContain(answer.status);
    expect(answer.problem?.type).toMatch(new RegExp(`/${refusal.code}$`));
    return;
  }

  tally.accepted++;
  await core.engine.kick();
  const conflicts = core.conflicts.list();
  if (conflicts.length) throw new Error(`${entity}.${mutator}: the console accepted, the platform refused: ${conflicts[0].detail}`);
  expect(core.outbox.count()).toBe(0);
  const stored = platform.sandbox.store.get<Versioned>(entity, id);
  expect(comparable(shown)).toEqual(comparable(stored));
  // And the mirror holds exactly what the platform stored, its version included.
  expect(cached.read(id)).toEqual(stored);
}

describe('every mutator, through the console and the platform', () => {
  const all = cases;
  for (const entity of entities) {
    for (const mutator of Object.keys(entity.mutators)) {
      it(`${entity.name}.${mutator}: the same decision and the same result on both sides`, async () => {
        const arbitrary = (all() as Record<string, Record<string, fc.Arbitrary<{ id: string; args: unknown }>>>)[entity.name][mutator];
        await fc.assert(
          fc.asyncProperty(arbitrary, ({ id, args }) => bothSides(entity.name, mutator, id, args)),
          { numRuns: entity.name === 'dsar' && mutator === 'act' ? 120 : 30 },
        );
        const tally = outcomes.get(`${entity.name}.${mutator}`);
        // The generators must reach both outcomes, or the property proves less than it says.
        expect(tally?.accepted).toBeGreaterThan(0);
        if (mutator !== 'setPriority' && mutator !== 'setTags') expect(tally?.refused).toBeGreaterThan(0);
      });
    }
  }
});
