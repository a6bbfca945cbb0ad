import { describe, expect, it } from 'vitest';
import { demoPolicies } from '../../../sandbox/seed/policies';
import type { PolicyVersion } from '../../../shared/api/policies';
import { CampaignPlan, type PolicyCampaign } from '../../../shared/api/policy-campaigns';
import {
  type CampaignPlatform,
  cancelCampaign,
  composeCampaign,
  planCampaign,
  remindCampaign,
} from '../../../shared/domain/policy-campaigns';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';

const DAY = 86_400_000;
const now = new Date('2026-11-27T10:00:00Z');
const [privacy] = demoPolicies();
const version = (changes: Partial<PolicyVersion> = {}): PolicyVersion => ({
  ...privacy,
  id: 'pol_privacy_de_2',
  number: 2,
  basedOn: 1,
  status: 'scheduled',
  effectiveAt: new Date(now.getTime() + 40 * DAY).toISOString(),
  changeSummary: 'Neuer Zahlungsdienstleister (Abschnitt 11)',
  classification: {
    answers: ['new_recipient'],
    proposed: 'material',
    kind: 'material',
    reason: 'Neuer Empfänger.',
    needsConsent: false,
    by: 'stf_hartmann',
    at: now.toISOString(),
  },
  ...changes,
});
const ctx = (target: PolicyVersion, platform?: Partial<CampaignPlatform>): MutationContext<CampaignPlatform> => ({
  actor: 'stf_vogel',
  at: now.toISOString(),
  newId: () => crypto.randomUUID(),
  digest: () => '',
  find: ((entity: string, id: string) => (entity === 'policyVersion' && id === target.id ? target : null)) as MutationContext['find'],
  platform: platform && { audience: () => 0, unacknowledged: () => 0, ...platform },
});
const plan = (args: Record<string, unknown>) =>
  CampaignPlan.parse({ id: 'cmp_privacy_de_2_1', versionId: 'pol_privacy_de_2', channels: ['email'], ...args });
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof RuleError) return error.code;
    throw error;
  }
  return null;
};

describe('policy campaigns', () => {
  it('the messages name the change and the day it takes effect in the controller’s time zone, in the version’s language', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Berlin.
    const de = composeCampaign(version(), '2026-12-31T23:30:00Z');
    expect(de.email.subject).toBe('Wir ändern unsere Datenschutzerklärung zum 1. Januar 2027');
    expect(de.email.body).toContain('Neuer Zahlungsdienstleister (Abschnitt 11)');
    // The platform fills in the address of its published text.
    expect(de.inApp.body).toContain('{{link}}');
    const en = composeCampaign({ ...version(), language: 'en', document: 'cookies' }, '2026-12-31T23:30:00Z');
    expect(en.email.subject).toBe('We are changing our cookie notice on 1 January 2027');
    // German declines the cookie notice (der Hinweis).
    const cookies = composeCampaign({ ...version(), document: 'cookies' }, '2026-12-31T23:30:00Z');
    expect(cookies.email.subject).toBe('Wir ändern unseren Cookie-Hinweis zum 1. Januar 2027');
    expect(cookies.email.body).toContain('eine neue Fassung unseres Cookie-Hinweises in Kraft');
    expect(cookies.inApp.subject).toBe('Neuer Cookie-Hinweis ab 1. Januar 2027');
  });

  it('the lead time counts calendar days in Berlin: sent on 1 April at 09:00 for 1 May at midnight is 30 days', () => {
    const may = version({ effectiveAt: '2027-04-30T22:00:00.000Z' });
    const april = new Date('2027-04-01T07:00:00Z');
    const context = { ...ctx(may), at: april.toISOString() };
    expect(planCampaign({ ...plan({}), sendAt: april.toISOString() }, context)).toMatchObject({ leadDays: 30 });
    expect(code(() => planCampaign({ ...plan({}), sendAt: '2027-04-02T07:00:00.000Z' }, context))).toBe('lead-too-short');
  });

  it('the lead time counts back from the effective date: 30 days unless a reason says why fewer', () => {
    const v = version();
    expect(planCampaign(plan({}), ctx(v))).toMatchObject({
      state: 'planned',
      leadDays: 30,
      shortLeadReason: null,
      sendAt: now.toISOString(),
    });
    // Sent in 15 days, 25 are left.
    expect(code(() => planCampaign(plan({ sendAt: new Date(now.getTime() + 15 * DAY).toISOString() }), ctx(v)))).toBe('lead-too-short');
    expect(CampaignPlan.safeParse({ id: 'cmp_privacy_de_2', versionId: v.id, channels: ['email'], leadDays: 7 }).success).toBe(false);
    const short = planCampaign(
      plan({ leadDays: 7, shortLeadReason: 'Die Aufsicht hat die Änderung angeordnet.' }),
      ctx(version({ effectiveAt: new Date(now.getTime() + 8 * DAY).toISOString() })),
    );
    expect(short).toMatchObject({ leadDays: 7, shortLeadReason: 'Die Aufsicht hat die Änderung angeordnet.' });
    // Never after it took effect, never in the past.
    expect(
      code(() =>
        planCampaign(
          plan({ leadDays: 0, shortLeadReason: 'Eilt sehr, siehe Ticket 4711.', sendAt: new Date(now.getTime() + 50 * DAY).toISOString() }),
          ctx(v),
        ),
      ),
    ).toBe('lead-too-short');
    expect(code(() => planCampaign(plan({ sendAt: new Date(now.getTime() - DAY).toISOString() }), ctx(v)))).toBe('send-in-past');
  });

  it('only a scheduled material change, named after its version, to an audience the platform finds', () => {
    expect(code(() => planCampaign(plan({}), ctx(version({ classification: null }))))).toBe('campaign-minor');
    expect(code(() => planCampaign(plan({}), ctx(version({ status: 'approved', effectiveAt: null }))))).toBe('campaign-not-scheduled');
    expect(code(() => planCampaign({ ...plan({}), id: 'cmp_other' }, ctx(version())))).toBe('invalid-campaign-id');
    // A second campaign only after the first was stopped.
    expect(code(() => planCampaign({ ...plan({}), id: 'cmp_privacy_de_2_2' }, ctx(version())))).toBe('campaign-exists');
    expect(code(() => planCampaign(plan({}), ctx(version(), { audience: () => 0 })))).toBe('audience-empty');
    expect(planCampaign(plan({}), ctx(version(), { audience: () => 1234 }))).toMatchObject({
      recipients: 1234,
      waves: [{ number: 1, kind: 'initial', recipients: 1234, state: 'planned' }],
    });
  });

  it('reminders after the last wave, while the version stands, at most three; a finished campaign cannot be stopped', () => {
    const v = version();
    const sent: PolicyCampaign = { ...planCampaign(plan({}), ctx(v)), state: 'sent', waves: [] };
    // Not once the change is in force, nor when the version was rescheduled or reworded since.
    expect(code(() => remindCampaign(sent, { note: '' }, { ...ctx(v), at: new Date(now.getTime() + 41 * DAY).toISOString() }))).toBe(
      'campaign-effective-passed',
    );
    expect(
      code(() => remindCampaign(sent, { note: '' }, ctx(version({ effectiveAt: new Date(now.getTime() + 50 * DAY).toISOString() })))),
    ).toBe('campaign-version-withdrawn');
    expect(code(() => remindCampaign(sent, { note: '' }, ctx(version({ changeSummary: 'Anders formuliert' }))))).toBe(
      'campaign-version-withdrawn',
    );
    expect(code(() => remindCampaign({ ...sent, state: 'sending' }, { note: '' }, ctx(v)))).toBe('campaign-still-sending');
    expect(code(() => remindCampaign(sent, { note: '' }, ctx(v, { unacknowledged: () => 0 })))).toBe('nobody-to-remind');
    expect(code(() => remindCampaign(sent, { note: '' }, ctx(version({ status: 'draft' }))))).toBe('campaign-version-withdrawn');
    let campaign = sent;
    for (let i = 0; i < 3; i++)
      campaign = { ...remindCampaign(campaign, { note: '' }, ctx(v, { unacknowledged: () => 10 })), state: 'sent' };
    expect(campaign.waves.map((wave) => wave.kind)).toEqual(['reminder', 'reminder', 'reminder']);
    expect(code(() => remindCampaign(campaign, { note: '' }, ctx(v)))).toBe('too-many-reminders');
    expect(code(() => cancelCampaign(campaign, { reason: 'Zu spät bemerkt.' }, ctx(v)))).toBe('campaign-finished');
    expect(cancelCampaign({ ...campaign, state: 'sending' }, { reason: 'Text falsch.' }, ctx(v))).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Text falsch.',
    });
  });
});
