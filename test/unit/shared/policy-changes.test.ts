import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoPolicies, splitPolicy } from '../../../sandbox/seed/policies';
import { privacyPolicyText, privacyPolicyTextEn } from '../../../sandbox/seed/privacy-policy-text';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { PolicyDraft, type PolicyVersion } from '../../../shared/api/policies';
import {
  approvePolicy,
  classifyPolicy,
  commentPolicy,
  dismissHint,
  draftPolicy,
  editPolicy,
  publishedText,
  publishPolicy,
  schedulePolicy,
  submitPolicy,
  unschedulePolicy,
} from '../../../shared/domain/policy-changes';
import { art13Checklist, registryHints } from '../../../shared/domain/policy-check';
import { changeSummary, diffSections } from '../../../shared/domain/policy-diff';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const [privacy] = demoPolicies();
const as = (actor: string, at = new Date()): MutationContext => ({
  actor,
  at: at.toISOString(),
  newId: () => crypto.randomUUID(),
  digest: sha256,
  find: ((entity: string, id: string) => (entity === 'policyVersion' && id === privacy.id ? privacy : null)) as MutationContext['find'],
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
const draft = (): PolicyVersion =>
  draftPolicy(
    PolicyDraft.parse({
      id: 'pol_privacy_de_2',
      document: 'privacy',
      language: 'de',
      basedOn: 1,
      title: privacy.title,
      sections: privacy.sections,
      changeSummary: 'Neuer Zahlungsdienstleister',
    }),
    as('stf_hartmann'),
  );

/** The draft, classified as material (a new recipient). */
const classified = () =>
  classifyPolicy(
    draft(),
    { answers: ['new_recipient'], kind: 'material', reason: 'Neuer Empfänger, Nutzer werden informiert.' },
    as('stf_hartmann'),
  );

describe('policy versions', () => {
  it("the demo's version 1 is the platform's current policy, in its numbered sections, fingerprinted", () => {
    expect(privacyPolicyText).toBe(readFileSync(new URL('../../../resources/seed/datenschutzerklaerung.txt', import.meta.url), 'utf8'));
    const split = splitPolicy(privacyPolicyText);
    expect(split.sections[1]).toMatchObject({ id: 's-2', heading: '2. Daten, die wir über Sie sammeln' });
    expect(split.sections.at(-1)?.heading).toBe('19. Kontakt zu unserem Support-Team');
    expect(split.sections.every((section) => section.body.length > 100)).toBe(true);
    expect(privacy).toMatchObject({ status: 'published', number: 1, sha256: sha256(publishedText(privacy)) });
  });

  it("the English version is the same policy, section for section (the team's translation in resources/)", () => {
    expect(privacyPolicyTextEn).toBe(readFileSync(new URL('../../../resources/seed/privacy-policy-en.txt', import.meta.url), 'utf8'));
    const german = splitPolicy(privacyPolicyText);
    const english = splitPolicy(privacyPolicyTextEn, { title: 'Privacy Policy', introduction: 'Introduction' });
    expect(english.title).toBe('Privacy Policy');
    expect(english.sections.map((section) => section.id)).toEqual(german.sections.map((section) => section.id));
    expect(english.sections.every((section) => section.body.length > 100)).toBe(true);
    expect(english.sections[0].heading).toBe('1. Introduction');
  });

  it('drafts number on from the last version; a gap or an unknown base is refused', () => {
    expect(draft()).toMatchObject({ number: 2, basedOn: 1, status: 'draft', authorId: 'stf_hartmann' });
    const input = PolicyDraft.parse({
      id: 'pol_privacy_de_3',
      document: 'privacy',
      language: 'de',
      basedOn: 1,
      title: 'X',
      sections: privacy.sections,
    });
    expect(code(() => draftPolicy(input, as('stf_hartmann')))).toBe('policy-number-gap');
    expect(code(() => draftPolicy({ ...input, id: 'pol_cookies_de_2' }, as('stf_hartmann')))).toBe('invalid-policy-id');
    expect(code(() => draftPolicy({ ...input, id: 'pol_privacy_de_2', basedOn: 7 }, as('stf_hartmann')))).toBe('unknown-policy-version');
    const twice = [privacy.sections[0], privacy.sections[0]];
    expect(code(() => draftPolicy({ ...input, id: 'pol_privacy_de_2', sections: twice }, as('stf_hartmann')))).toBe('duplicate-section');
  });

  it('four eyes: the author cannot approve; an edit after approval voids it; published text never changes', () => {
    expect(code(() => submitPolicy(draft(), { note: '' }, as('stf_hartmann')))).toBe('policy-unclassified');
    let version = submitPolicy(classified(), { note: '' }, as('stf_hartmann'));
    expect(code(() => approvePolicy(version, { note: '' }, as('stf_hartmann')))).toBe('four-eyes');
    version = approvePolicy(version, { note: 'Geprüft' }, as('stf_vogel'));
    expect(version).toMatchObject({ status: 'approved', approvedBy: 'stf_vogel' });
    const edited = editPolicy(version, { changeSummary: 'Neuer Zahlungsdienstleister, neue Empfänger' }, as('stf_hartmann'));
    expect(edited).toMatchObject({ status: 'draft', approvedBy: null });
    expect(edited.timeline.map((e) => e.kind)).toEqual(['drafted', 'classified', 'submitted', 'approved', 'edited', 'approval_void']);
    expect(code(() => editPolicy(privacy, { changeSummary: 'x' }, as('stf_hartmann')))).toBe('policy-not-editable');
    expect(code(() => schedulePolicy(edited, { effectiveAt: '2030-01-01T00:00:00Z' }, as('stf_vogel')))).toBe('invalid-policy-transition');
  });

  it('scheduled for the future only; at the instant the platform publishes it, fingerprinted, and supersedes the last', () => {
    let version = approvePolicy(submitPolicy(classified(), { note: '' }, as('stf_hartmann')), { note: '' }, as('stf_vogel'));
    expect(code(() => schedulePolicy(version, { effectiveAt: '2020-01-01T00:00:00Z' }, as('stf_vogel')))).toBe('effective-in-past');
    version = schedulePolicy(version, { effectiveAt: '2030-01-01T00:00:00+01:00' }, as('stf_vogel'));
    expect(version).toMatchObject({ status: 'scheduled', effectiveAt: '2029-12-31T23:00:00.000Z' });
    const { published, superseded } = publishPolicy(version, privacy, '2029-12-31T23:00:00.000Z', sha256, () => 'e1');
    expect(published).toMatchObject({
      status: 'published',
      publishedAt: '2029-12-31T23:00:00.000Z',
      sha256: sha256(publishedText(version)),
    });
    expect(superseded).toMatchObject({ id: privacy.id, status: 'superseded', sha256: privacy.sha256, sections: privacy.sections });
  });
});

describe('comparing two versions', () => {
  it('section by section, word by word; added and removed sections at their place', () => {
    const before = privacy.sections.slice(0, 3);
    const after = [
      before[0],
      { ...before[1], body: `${before[1].body} Neu: Zahlwerk GmbH.` },
      { id: 's-new', heading: '3a. Neue Empfänger', body: 'Zahlwerk GmbH, Berlin.' },
    ];
    const diff = diffSections(before, after);
    expect(diff.map((d) => [d.id, d.change])).toEqual([
      ['s-1', 'same'],
      ['s-2', 'changed'],
      ['s-3', 'removed'],
      ['s-new', 'added'],
    ]);
    expect(diff[1].words.filter((w) => w.added).map((w) => w.value.trim())).toEqual(['Neu: Zahlwerk GmbH.']);
  });
});

describe('material or minor', () => {
  it('any yes proposes material; the author confirms with a reason; consent-based processing is flagged', () => {
    const minor = classifyPolicy(draft(), { answers: [], kind: 'minor', reason: 'Nur Tippfehler und Formulierungen.' }, as('stf_hartmann'));
    expect(minor.classification).toMatchObject({ proposed: 'minor', kind: 'minor', needsConsent: false });
    const consent = classifyPolicy(
      draft(),
      { answers: ['new_consent', 'new_purpose'], kind: 'material', reason: 'Neues Lern-Tracking auf Einwilligung.' },
      as('stf_hartmann'),
    );
    expect(consent.classification).toMatchObject({ proposed: 'material', needsConsent: true, answers: ['new_consent', 'new_purpose'] });
    // Departing from the proposal is the author's call, with the reason on record.
    const departed = classifyPolicy(
      draft(),
      { answers: ['longer_retention'], kind: 'minor', reason: 'Nur die Frist der Rechnungen an das HGB angepasst.' },
      as('stf_hartmann'),
    );
    expect(departed.classification).toMatchObject({ proposed: 'material', kind: 'minor' });
    expect(code(() => classifyPolicy(privacy, { answers: [], kind: 'minor', reason: 'Nur Tippfehler.' }, as('stf_hartmann')))).toBe(
      'policy-not-editable',
    );
  });
});

describe('the policy against Art. 13 and the registry', () => {
  const countryNames = (code: string) => ['de', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region' }).of(code) ?? code);

  it('locates each Art. 13 item in the seed policy or shows it missing', () => {
    const found = Object.fromEntries(art13Checklist(privacy.sections).map((entry) => [entry.item, entry.sectionId]));
    expect(found.rights).toBe('s-16');
    // It names no third country either (the "usa" in "zusammen" is not the USA).
    expect(found.transfers).toBeNull();
    // The platform's policy names neither its controller nor a data protection officer: both shown missing.
    expect(found.controller).toBeNull();
    expect(found.dpo).toBeNull();
    const added = [
      ...privacy.sections,
      { id: 's-20', heading: '20. Datenschutzbeauftragter', body: 'Unseren Datenschutzbeauftragten erreichen Sie unter dsb@example.de.' },
    ];
    expect(art13Checklist(added).find((entry) => entry.item === 'dpo')?.sectionId).toBe('s-20');
  });

  it('a new processor abroad is suggested by name and by its third country until the text mentions them', () => {
    const [template] = demoProcessors;
    const tutorbot = { ...template, id: 'prc_tutorbot', legalName: 'Tutorbot Labs Inc.', countries: ['IN'], status: 'active' as const };
    const hints = registryHints(privacy.sections, [tutorbot], [], countryNames);
    expect(hints).toEqual([
      { key: 'processor:prc_tutorbot', kind: 'processor', subject: 'Tutorbot Labs Inc.' },
      { key: 'country:IN', kind: 'country', subject: 'Indien' },
    ]);
    const mentioned = [
      ...privacy.sections,
      { id: 's-20', heading: '20. KI-Tutor', body: 'Der KI-Tutor der Tutorbot Labs Inc. verarbeitet Fragen in Indien.' },
    ];
    expect(registryHints(mentioned, [tutorbot], [], countryNames)).toEqual([]);
    // A terminated processor is no longer suggested.
    expect(registryHints(privacy.sections, [{ ...tutorbot, status: 'terminated' }], [], countryNames)).toEqual([]);
    // The reverse: a company and a third country the text names that no active processor stands for.
    expect(registryHints(mentioned, [{ ...tutorbot, status: 'terminated' }], [], countryNames)).toEqual([
      { key: 'text-recipient:tutorbot', kind: 'text_recipient', subject: 'Tutorbot Labs Inc.' },
      { key: 'text-country:IN', kind: 'text_country', subject: 'Indien' },
    ]);
    // The seed policy names nothing the demo registry lacks.
    expect(registryHints(privacy.sections, demoProcessors, [], countryNames).filter((hint) => hint.kind.startsWith('text'))).toEqual([]);
  });

  it('a dismissal keeps its reason and who gave it; a published version takes none', () => {
    const dismissed = dismissHint(
      draft(),
      { key: 'activity:act_support', reason: 'Der Support ist in Abschnitt 19 beschrieben.' },
      as('stf_hartmann'),
    );
    expect(dismissed.dismissedHints).toMatchObject([{ key: 'activity:act_support', by: 'stf_hartmann' }]);
    expect(code(() => dismissHint(privacy, { key: 'x:y', reason: 'Nicht relevant hier.' }, as('stf_hartmann')))).toBe(
      'policy-not-editable',
    );
  });
});

describe('review comments', () => {
  it('on a section that exists, resolved by anyone with a say; a published version takes none', () => {
    let version = commentPolicy(draft(), { commentId: 'cmt_1', sectionId: 's-11', text: 'Welcher Dienstleister genau?' }, as('stf_vogel'));
    expect(version.comments).toMatchObject([{ id: 'cmt_1', sectionId: 's-11', by: 'stf_vogel', resolvedBy: null }]);
    expect(code(() => commentPolicy(version, { commentId: 'cmt_2', sectionId: 's-99', text: 'Hier?' }, as('stf_vogel')))).toBe(
      'unknown-section',
    );
    expect(code(() => commentPolicy(version, { resolve: 'cmt_9' }, as('stf_hartmann')))).toBe('unknown-comment');
    version = commentPolicy(version, { resolve: 'cmt_1' }, as('stf_hartmann'));
    expect(version.comments[0].resolvedBy).toBe('stf_hartmann');
    expect(code(() => commentPolicy(privacy, { commentId: 'cmt_3', sectionId: 's-1', text: 'Zu spät' }, as('stf_vogel')))).toBe(
      'policy-not-editable',
    );
  });
});

describe('what the review found', () => {
  it('a change in review sends it back to draft; whoever changed it cannot approve; a changed text is classified again', () => {
    const inReview = submitPolicy(classified(), { note: '' }, as('stf_hartmann'));
    const rewritten = editPolicy(inReview, { sections: [...inReview.sections.slice(0, -1)] }, as('stf_vogel'));
    expect(rewritten).toMatchObject({ status: 'draft', classification: null });
    expect(rewritten.timeline.at(-1)?.kind).toBe('returned');
    const again = submitPolicy(
      classifyPolicy(rewritten, { answers: [], kind: 'minor', reason: 'Nur ein Abschnitt gestrichen, nichts Neues.' }, as('stf_vogel')),
      { note: '' },
      as('stf_vogel'),
    );
    expect(code(() => approvePolicy(again, { note: '' }, as('stf_vogel')))).toBe('four-eyes');
    expect(code(() => approvePolicy(again, { note: '' }, as('stf_hartmann')))).toBe('four-eyes');
    expect(approvePolicy(again, { note: '' }, as('stf_albrecht')).status).toBe('approved');
  });

  it('scheduled only on the version in force; a scheduled version can be stopped', () => {
    const approved = approvePolicy(submitPolicy(classified(), { note: '' }, as('stf_hartmann')), { note: '' }, as('stf_vogel'));
    const superseded = { ...privacy, status: 'superseded' as const };
    const stale = {
      ...as('stf_vogel'),
      find: ((_: string, id: string) => (id === privacy.id ? superseded : null)) as MutationContext['find'],
    };
    expect(code(() => schedulePolicy(approved, { effectiveAt: '2030-01-01T00:00:00Z' }, stale))).toBe('stale-base');
    const scheduled = schedulePolicy(approved, { effectiveAt: '2030-01-01T00:00:00Z' }, as('stf_vogel'));
    const stopped = unschedulePolicy(scheduled, { reason: 'Abschnitt 11 ist noch falsch.' }, as('stf_hartmann'));
    expect(stopped).toMatchObject({ status: 'draft', effectiveAt: null, approvedBy: null });
    expect(stopped.timeline.slice(-2).map((e) => e.kind)).toEqual(['unscheduled', 'approval_void']);
  });

  it('a removed section stands after the nearest section still there', () => {
    const [a, b, c] = privacy.sections;
    const n1 = { id: 's-n1', heading: 'Neu 1', body: 'x' };
    const n2 = { id: 's-n2', heading: 'Neu 2', body: 'y' };
    expect(diffSections([a, b, c], [n1, n2, a, c]).map((d) => d.id)).toEqual(['s-n1', 's-n2', a.id, b.id, c.id]);
    // The summary per section: what changed, words in and out.
    const edited = { ...a, body: `${a.body} Neu: Zahlwerk GmbH.` };
    expect(changeSummary(diffSections([a, b], [edited, n1]))).toEqual([
      { id: a.id, heading: a.heading, change: 'changed', added: 3, removed: 0 },
      { id: b.id, heading: b.heading, change: 'removed', added: 0, removed: expect.any(Number) },
      { id: 's-n1', heading: 'Neu 1', change: 'added', added: 3, removed: 0 },
    ]);
  });
});
