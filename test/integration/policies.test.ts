import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyChangelog, type PolicyVersion, PublishedPolicy } from '../../shared/api/policies';
import { testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
/** The platform's clock, moved by the test: publishing happens at the instant, whoever is watching. */
let clock = new Date();

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 5, { now: () => clock });
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

const read = async (path: string) => {
  const answer = await fetch(`${platform.url}${path}`);
  return { status: answer.status, body: (await answer.json()) as unknown };
};

describe('policy versions through the console and the platform', () => {
  it('legal drafts, another person approves and schedules; the platform publishes at the instant and serves it publicly', async () => {
    const legal = await testConsole(`${dir.path}/legal`, { ...platform, token: platform.sandbox.tokens.stf_hartmann });
    const officer = await testConsole(`${dir.path}/officer`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
    try {
      // Version 1 is the platform's current policy, published and public.
      const before = PublishedPolicy.parse((await read('/v1/public/policies/privacy/de')).body);
      expect(before).toMatchObject({ number: 1, title: 'Datenschutzerklärung' });
      const current = (await legal.call('policy.list')).find((v) => v.id === 'pol_privacy_de_1');
      if (!current) throw new Error('the published policy is not in the cache');
      const sections = current.sections.map((s) =>
        s.id === 's-11' ? { ...s, body: `${s.body}\n\nZahlungen wickelt seit 2027 die Zahlwerk GmbH ab.` } : s,
      );
      const drafted = await legal.call('policy.draft', {
        document: 'privacy',
        language: 'de',
        basedOn: 1,
        title: current.title,
        sections,
        changeSummary: 'Neuer Zahlungsdienstleister (Abschnitt 11)',
      });
      expect(drafted).toMatchObject({ id: 'pol_privacy_de_2', number: 2, status: 'draft', pending: true });
      // A change goes to review only classified: a new recipient makes it material.
      await expect(legal.call('policy.submit', { id: drafted.id })).rejects.toMatchObject({ problem: 'policy-unclassified' });
      const classified = await legal.call('policy.classify', {
        id: drafted.id,
        answers: ['new_recipient'],
        kind: 'material',
        reason: 'Neuer Zahlungsdienstleister als Empfänger: Nutzer werden aktiv informiert.',
      });
      expect(classified.classification).toMatchObject({ proposed: 'material', kind: 'material', needsConsent: false });
      await legal.call('policy.submit', { id: drafted.id });
      // Four eyes: the author's own approval is refused by the console already, and by the platform.
      await expect(legal.call('policy.approve', { id: drafted.id })).rejects.toMatchObject({ problem: 'four-eyes' });
      await legal.call('sync.now');
      await officer.call('sync.now');
      await officer.call('policy.approve', { id: drafted.id, note: 'Geprüft, Abschnitt 11 stimmt mit dem Register überein.' });
      const effectiveAt = new Date(clock.getTime() + 30 * 86_400_000).toISOString();
      await officer.call('policy.schedule', { id: drafted.id, effectiveAt });
      await officer.call('sync.now');
      expect(platform.sandbox.store.get('policyVersion', drafted.id)).toMatchObject({ status: 'scheduled', approvedBy: 'stf_vogel' });

      // Users told of it can read it already: upcoming, without a fingerprint until it is published.
      expect(PublishedPolicy.parse((await read('/v1/public/policies/privacy/de/versions/2')).body)).toMatchObject({
        status: 'upcoming',
        sha256: null,
        effectiveAt,
      });
      // Not yet: a minute before, nothing is published.
      clock = new Date(Date.parse(effectiveAt) - 60_000);
      expect(platform.sandbox.publishDue()).toEqual([]);
      expect(PublishedPolicy.parse((await read('/v1/public/policies/privacy/de')).body).number).toBe(1);
      // At the instant, with no console asked: published, fingerprinted; version 1 superseded.
      clock = new Date(effectiveAt);
      expect(platform.sandbox.publishDue().map((v) => v.id)).toEqual([drafted.id]);
      const now = PublishedPolicy.parse((await read('/v1/public/policies/privacy/de')).body);
      expect(now).toMatchObject({ number: 2, effectiveAt });
      expect(now.sections.find((s) => s.id === 's-11')?.body).toContain('Zahlwerk GmbH');
      const changelog = PolicyChangelog.parse((await read('/v1/public/policies/privacy/de/changelog')).body);
      expect(changelog.versions.map((v) => [v.number, v.changeSummary])).toEqual([
        [2, 'Neuer Zahlungsdienstleister (Abschnitt 11)'],
        [1, 'Erste veröffentlichte Fassung'],
      ]);
      expect(changelog.versions[0].sha256).toBe(now.sha256);
      // Every published version stays retrievable as it was, by its number, with the fingerprint it had.
      const first = PublishedPolicy.parse((await read('/v1/public/policies/privacy/de/versions/1')).body);
      expect(first).toEqual({ ...before, status: 'superseded' });
      expect(before.status).toBe('in_force');
      expect(PublishedPolicy.parse((await read('/v1/public/policies/privacy/de/versions/2')).body)).toEqual(now);
      expect((await read('/v1/public/policies/privacy/de/versions/9')).status).toBe(404);
      // The console learns it through the feed; the published text is no longer changed.
      await legal.call('sync.now');
      const versions = await legal.call('policy.list');
      expect(versions.find((v) => v.id === drafted.id)).toMatchObject({ status: 'published', sha256: now.sha256 });
      expect(versions.find((v) => v.id === 'pol_privacy_de_1')).toMatchObject({ status: 'superseded' });
      await expect(legal.call('policy.edit', { id: drafted.id, patch: { changeSummary: 'nachträglich' } })).rejects.toMatchObject({
        problem: 'policy-not-editable',
      });
      expect((await read('/v1/public/policies/privacy/fr')).status).toBe(404);
      // The English policy is its own document version: the German change leaves it as it was.
      expect(PublishedPolicy.parse((await read('/v1/public/policies/privacy/en')).body)).toMatchObject({
        number: 1,
        title: 'Privacy Policy',
      });
    } finally {
      await legal.close();
      await officer.close();
    }
  });

  it('two versions scheduled on the same base: the first is published, the second goes back to its authors', async () => {
    const store = platform.sandbox.store;
    const v1 = store.get<PolicyVersion>('policyVersion', 'pol_cookies_de_1');
    if (!v1) throw new Error('no cookie notice');
    const at = Date.parse(clock.toISOString()) + 86_400_000;
    const scheduled = (number: number, effectiveAt: number): PolicyVersion => ({
      ...v1,
      id: `pol_cookies_de_${number}`,
      number,
      basedOn: 1,
      version: 1,
      status: 'scheduled',
      authorId: 'stf_hartmann',
      approvedBy: 'stf_vogel',
      effectiveAt: new Date(effectiveAt).toISOString(),
      publishedAt: null,
      sha256: null,
      changeSummary: `Fassung ${number}`,
    });
    store.put('policyVersion', scheduled(2, at));
    store.put('policyVersion', scheduled(3, at + 3_600_000));
    clock = new Date(at + 2 * 3_600_000);
    expect(platform.sandbox.publishDue().map((v) => v.id)).toEqual(['pol_cookies_de_2']);
    expect(PublishedPolicy.parse((await read('/v1/public/policies/cookies/de')).body)).toMatchObject({
      number: 2,
      effectiveAt: new Date(at).toISOString(),
    });
    // Published when the platform got to it; its "Stand" stays the effective instant.
    expect(store.get<PolicyVersion>('policyVersion', 'pol_cookies_de_2')?.publishedAt).toBe(clock.toISOString());
    expect(store.get<PolicyVersion>('policyVersion', 'pol_cookies_de_3')).toMatchObject({
      status: 'draft',
      effectiveAt: null,
      approvedBy: null,
      timeline: expect.arrayContaining([expect.objectContaining({ kind: 'returned', actor: 'platform' })]),
    });
  });
});
