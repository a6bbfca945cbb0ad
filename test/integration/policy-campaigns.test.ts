import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyVersion, policyVersionId } from '../../shared/api/policies';
import { CampaignAudience, PersonPolicyNotices, type PolicyCampaign } from '../../shared/api/policy-campaigns';
import { testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

const DAY = 86_400_000;
let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
/** The platform's clock for its campaign job, moved by the test so that a campaign spans days. */
let clock = new Date();

beforeAll(async () => {
  dir = tempDir();
  // The job is stepped by the test (runToEnd), never by its timer.
  platform = await testPlatform(dir.path, 5, { now: () => clock, campaignStepMs: 3_600_000 });
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

/** A version legal drafted and classified, approved by a second person and scheduled (the workflow is tested elsewhere). */
function scheduled(language: 'de' | 'en', kind: 'material' | 'minor', effectiveInDays: number): PolicyVersion {
  const store = platform.sandbox.store;
  const base = store
    .all<PolicyVersion>('policyVersion')
    .find((v) => v.document === 'privacy' && v.language === language && v.status === 'published');
  if (!base) throw new Error(`no published privacy policy in ${language}`);
  const number =
    Math.max(
      ...store
        .all<PolicyVersion>('policyVersion')
        .filter((v) => v.document === 'privacy' && v.language === language)
        .map((v) => v.number),
    ) + 1;
  const version: PolicyVersion = {
    ...base,
    id: policyVersionId('privacy', language, number),
    version: 1,
    number,
    basedOn: base.number,
    changeSummary: 'Neuer Zahlungsdienstleister (Abschnitt 11)',
    classification: {
      answers: kind === 'material' ? ['new_recipient'] : [],
      proposed: kind,
      kind,
      reason: 'Neuer Empfänger: Nutzer werden aktiv informiert.',
      needsConsent: false,
      by: 'stf_hartmann',
      at: new Date().toISOString(),
    },
    status: 'scheduled',
    authorId: 'stf_hartmann',
    approvedBy: 'stf_vogel',
    approvedAt: new Date().toISOString(),
    effectiveAt: new Date(Date.now() + effectiveInDays * DAY).toISOString(),
    publishedAt: null,
    sha256: null,
    timeline: [],
  };
  store.transaction(() => store.put('policyVersion', version));
  return version;
}

const call = async (path: string, token = platform.token) => {
  const answer = await fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: answer.status, body: (await answer.json()) as unknown };
};

/** Runs the platform's job to its end, six hours passing between its steps (so a campaign spans days). */
function runCampaigns(): void {
  clock = new Date(Math.max(clock.getTime(), Date.now()));
  let steps = 0;
  while (platform.sandbox.campaigns.tick()) {
    steps++;
    clock = new Date(clock.getTime() + DAY / 4);
    if (steps > 200) throw new Error('the campaign never ends');
  }
}

describe('policy campaigns through the console and the platform', () => {
  it('a material change is told to every open account in its language: counted before, sent in waves, acknowledged per day', async () => {
    const version = scheduled('de', 'material', 45);
    const officer = await testConsole(`${dir.path}/officer`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
    try {
      await officer.call('sync.now');
      // The platform counts the audience before anything is sent: open accounts reading German.
      const audience = CampaignAudience.parse((await call('/v1/policy-audience?language=de')).body);
      expect(audience.recipients).toBe(platform.sandbox.store.countActive('de'));
      expect(await officer.call('campaign.audience', { language: 'de' })).toEqual(audience);
      expect((await call('/v1/policy-audience?language=fr')).status).toBe(400);

      // The lead time: 45 days is enough for 30; sent in 20 days it is not, and shorter needs a reason.
      await expect(
        officer.call('campaign.plan', {
          versionId: version.id,
          channels: ['email', 'in_app'],
          sendAt: new Date(Date.now() + 20 * DAY).toISOString(),
        }),
      ).rejects.toMatchObject({ problem: 'lead-too-short' });
      await expect(officer.call('campaign.plan', { versionId: version.id, channels: ['email'], leadDays: 10 })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'shortLeadReason', code: 'lead-reason-missing' })],
      });
      const planned = await officer.call('campaign.plan', { versionId: version.id, channels: ['email', 'in_app'] });
      expect(planned).toMatchObject({ id: 'cmp_privacy_de_2_1', state: 'planned', pending: true, leadDays: 30 });
      expect(planned.messages.email.subject).toMatch(/^Wir ändern unsere Datenschutzerklärung zum \d+\. \w+ \d{4}$/);
      expect(planned.messages.email.body).toContain('Neuer Zahlungsdienstleister (Abschnitt 11)');
      await officer.call('sync.now');
      const stored = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      expect(stored).toMatchObject({ state: 'planned', recipients: audience.recipients });
      // One campaign per version (a second only after the first was stopped).
      await expect(officer.call('campaign.plan', { versionId: version.id, channels: ['email'] })).rejects.toMatchObject({
        problem: 'campaign-exists',
      });

      runCampaigns();
      const sent = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      if (!sent) throw new Error('no campaign');
      expect(sent.state).toBe('sent');
      expect(sent.waves).toEqual([expect.objectContaining({ number: 1, state: 'done', queued: 0, recipients: audience.recipients })]);
      const t = sent.totals;
      expect(t.sent).toBe(audience.recipients);
      // By e-mail and in the app: a bounced e-mail still leaves the notice in the app, so everyone is reached.
      expect(t.delivered).toBe(t.sent);
      expect(t.bounced).toBeGreaterThan(0);
      expect(sent.waves[0].delivered).toBe(t.delivered);
      expect(t.acknowledged).toBeGreaterThan(t.delivered * 0.3);
      expect(t.acknowledged).toBeLessThan(t.delivered * 0.7);
      // The days add up to the totals, and the acknowledgements came over several days.
      const sum = (field: 'sent' | 'delivered' | 'bounced' | 'acknowledged') => sent.days.reduce((n, d) => n + d[field], 0);
      expect({ sent: sum('sent'), delivered: sum('delivered'), bounced: sum('bounced'), acknowledged: sum('acknowledged') }).toEqual(t);
      expect(sent.days.filter((d) => d.acknowledged > 0).length).toBeGreaterThan(1);
      // The rows per person stay on the platform: the console's cache gets the counts.
      await officer.call('sync.now');
      const cached = (await officer.call('campaign.list')).find((c) => c.id === planned.id);
      expect(cached).toMatchObject({ state: 'sent', totals: t, pending: false });

      // A reminder goes to those reached who have not acknowledged; some of them acknowledge then.
      const open = platform.sandbox.campaigns.unacknowledged(planned.id);
      expect(open).toBe(t.delivered - t.acknowledged);
      const reminding = await officer.call('campaign.remind', { id: planned.id, note: 'Zwei Wochen vor dem Inkrafttreten' });
      expect(reminding).toMatchObject({ state: 'sending', pending: true });
      await officer.call('sync.now');
      await expect(officer.call('campaign.remind', { id: planned.id, note: '' })).rejects.toMatchObject({
        problem: 'campaign-still-sending',
      });
      runCampaigns();
      const reminded = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      expect(reminded?.waves[1]).toMatchObject({
        kind: 'reminder',
        recipients: open,
        state: 'done',
        note: 'Zwei Wochen vor dem Inkrafttreten',
      });
      expect(reminded?.totals.sent).toBe(t.sent + open);
      expect(reminded?.totals.acknowledged).toBeGreaterThan(t.acknowledged);

      // One person's history: each wave that reached them, with delivery and acknowledgement.
      const someone = platform.sandbox.store.db
        .prepare<[string], { account_id: string }>('SELECT account_id FROM campaign_deliveries WHERE campaign_id = ? AND wave = 2 LIMIT 1')
        .get(planned.id);
      if (!someone) throw new Error('the reminder reached nobody');
      const person = PersonPolicyNotices.parse((await call(`/v1/accounts/${someone.account_id}/policy-notices`)).body);
      const waves = person.notices.filter((n) => n.campaignId === planned.id);
      expect(waves.map((n) => [n.wave, n.outcome])).toEqual([
        [1, 'delivered'],
        [2, 'delivered'],
      ]);
      expect(waves[0].acknowledgedAt).toBeNull();
      expect(await officer.call('campaign.person', { accountId: someone.account_id })).toEqual(person);
      // Each look at one person's history is in the platform's log.
      expect(platform.appliedWrites(someone.account_id).map((entry) => [entry.actor, entry.action])).toContainEqual([
        'stf_vogel',
        'policy.notices.read',
      ]);
      expect((await call('/v1/accounts/usr_nobody/policy-notices')).status).toBe(404);
      // Who may not read requests may not ask either: it is one person's data.
      expect((await call(`/v1/accounts/${someone.account_id}/policy-notices`, platform.sandbox.tokens.stf_krueger)).status).toBe(403);
    } finally {
      await officer.close();
    }
  });

  it('a campaign waits for its send instant, and stops when its version is withdrawn', async () => {
    const version = scheduled('de', 'material', 60);
    const officer = await testConsole(`${dir.path}/officer-2`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
    try {
      await officer.call('sync.now');
      const sendAt = new Date(Date.now() + 2 * DAY).toISOString();
      const planned = await officer.call('campaign.plan', { versionId: version.id, channels: ['in_app'], sendAt });
      await officer.call('sync.now');
      clock = new Date();
      expect(platform.sandbox.campaigns.tick()).toBe(false);
      expect(platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id)?.state).toBe('planned');
      // The send instant passes: the platform starts on its own.
      clock = new Date(Date.parse(sendAt) + 1000);
      platform.sandbox.campaigns.tick();
      platform.sandbox.campaigns.tick();
      const sending = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      expect(sending?.state).toBe('sending');
      expect(sending?.totals.sent).toBeGreaterThan(0);
      // A notice in the app cannot bounce; who acknowledges confirms it there.
      expect(sending?.totals.bounced).toBe(0);

      // The version is stopped before it takes effect: nothing more goes out, and what was queued is never sent.
      await officer.call('policy.unschedule', { id: version.id, reason: 'Abschnitt 11 wird noch einmal überarbeitet.' });
      await officer.call('sync.now');
      platform.sandbox.campaigns.tick();
      platform.sandbox.campaigns.tick();
      const stopped = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      expect(stopped).toMatchObject({ state: 'cancelled', cancelReason: null, stoppedBecause: 'version_changed' });
      expect(stopped?.totals.sent).toBe(sending?.totals.sent);
      // What was in flight arrived and is counted; nobody is left waiting in a person's history.
      expect(stopped?.totals.delivered).toBe(stopped?.totals.sent);
      const outcomes = platform.sandbox.store.db
        .prepare<[string], { outcome: string }>('SELECT DISTINCT outcome FROM campaign_deliveries WHERE campaign_id = ?')
        .all(planned.id)
        .map((row) => row.outcome);
      expect(outcomes.sort()).toEqual(['cancelled', 'delivered']);
      await officer.call('sync.now');
      await expect(officer.call('campaign.remind', { id: planned.id, note: '' })).rejects.toMatchObject({ problem: 'campaign-cancelled' });
      const confirmedOnly = platform.sandbox.store.db
        .prepare<[string], { kind: string | null }>(
          'SELECT DISTINCT ack_kind AS kind FROM campaign_deliveries WHERE campaign_id = ? AND ack_at IS NOT NULL',
        )
        .all(planned.id)
        .map((row) => row.kind);
      expect(confirmedOnly.every((kind) => kind === 'confirmed')).toBe(true);
    } finally {
      await officer.close();
    }
  });

  it('a campaign is stopped while it sends, though its counts moved on meanwhile; the version can then be told anew', async () => {
    const version = scheduled('de', 'material', 50);
    const officer = await testConsole(`${dir.path}/officer-4`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
    try {
      await officer.call('sync.now');
      const planned = await officer.call('campaign.plan', { versionId: version.id, channels: ['email'] });
      await officer.call('sync.now');
      // The platform fixes the audience and sends two batches: the console has not seen those versions.
      clock = new Date();
      for (let i = 0; i < 3; i++) platform.sandbox.campaigns.tick();
      const moved = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      expect(moved?.version).toBeGreaterThan(planned.version + 1);
      await officer.call('campaign.cancel', { id: planned.id, reason: 'Der Text der E-Mail ist falsch.' });
      await officer.call('sync.now');
      // Not a conflict: stopping means the same on the newer counts, so it went again on them.
      expect(await officer.call('conflicts.list')).toEqual([]);
      expect(platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id)).toMatchObject({
        state: 'cancelled',
        cancelReason: 'Der Text der E-Mail ist falsch.',
      });
      platform.sandbox.campaigns.tick();
      const stopped = platform.sandbox.store.get<PolicyCampaign>('policyCampaign', planned.id);
      // E-mail only: what was in flight arrived or bounced.
      expect((stopped?.totals.delivered ?? 0) + (stopped?.totals.bounced ?? 0)).toBe(stopped?.totals.sent);
      await officer.call('sync.now');
      // Told anew: the version's second campaign.
      const again = await officer.call('campaign.plan', { versionId: version.id, channels: ['email', 'in_app'] });
      expect(again.id).toBe(`${planned.id.replace(/_1$/, '')}_2`);
      await officer.call('sync.now');
      expect(platform.sandbox.store.get<PolicyCampaign>('policyCampaign', again.id)?.state).toBe('planned');
    } finally {
      await officer.close();
    }
  });

  it('a minor change, or one not scheduled, is not told actively', async () => {
    const minor = scheduled('de', 'minor', 45);
    const officer = await testConsole(`${dir.path}/officer-3`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
    try {
      await officer.call('sync.now');
      await expect(officer.call('campaign.plan', { versionId: minor.id, channels: ['email'] })).rejects.toMatchObject({
        problem: 'campaign-minor',
      });
      await expect(officer.call('campaign.plan', { versionId: 'pol_cookies_en_1', channels: ['email'] })).rejects.toMatchObject({
        problem: 'campaign-minor',
      });
    } finally {
      await officer.close();
    }
  });
});
