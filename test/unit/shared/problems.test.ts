import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemTexts } from '../../../renderer/app/problem-texts';
import { countryOptions } from '../../../renderer/processors/countries';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { ActivityPatch } from '../../../shared/api/activities';
import { DsarCreateFields } from '../../../shared/api/dsar';
import { Processor, ProcessorDraft } from '../../../shared/api/processors';
import { problemCodes, problemsOf } from '../../../shared/domain/problems';
import { updateProcessor } from '../../../shared/domain/registry-changes';
import { RuleError } from '../../../shared/domain/rules';
import { isCountryCode, isListedCountry } from '../../../shared/domain/transfers';

const problems = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('accepted');
  return problemsOf(result.error).map(({ path, code, params }) => ({
    path,
    code,
    ...(params && Object.keys(params).length ? { params } : {}),
  }));
};

describe('problems', () => {
  it('names what a built-in check found, by a code the console words in either language', () => {
    const schema = z.object({
      name: z.string().min(1),
      reason: z.string().min(10).max(20),
      email: z.email(),
      on: z.iso.date(),
      kind: z.enum(['a', 'b']),
      tags: z.array(z.string()).min(2).max(3),
      months: z.number().int().min(1).max(3),
      contact: z.email().or(z.literal('')),
    });
    expect(
      problems(schema, {
        name: '',
        reason: 'kurz',
        email: 'nicht-da',
        on: '31.12.2026',
        kind: 'c',
        tags: ['x'],
        months: 4,
        contact: 'x@',
      }),
    ).toEqual([
      { path: 'name', code: 'required' },
      { path: 'reason', code: 'too-short', params: { minimum: 10 } },
      { path: 'email', code: 'invalid-email' },
      { path: 'on', code: 'invalid-date' },
      { path: 'kind', code: 'invalid-choice' },
      { path: 'tags', code: 'too-few', params: { minimum: 2 } },
      { path: 'months', code: 'too-large', params: { maximum: 3 } },
      { path: 'contact', code: 'invalid-email' },
    ]);
    expect(problems(schema.pick({ reason: true }), { reason: 'x'.repeat(21) })).toEqual([
      { path: 'reason', code: 'too-long', params: { maximum: 20 } },
    ]);
    expect(problems(schema.pick({ name: true }), {})).toEqual([{ path: 'name', code: 'required' }]);
  });

  it("keeps a contract rule's own code past its English message", () => {
    const draft = {
      legalName: 'Zahlwerk Inc.',
      countries: ['US', 'XX'],
      transfer: { mechanism: 'adequacy', sccModule: null, tiaDate: null },
      dpa: { signedAt: '2026-05-01', expiresAt: '2026-04-01' },
    };
    const found = ProcessorDraft.safeParse({ ...draft });
    expect(found.success).toBe(false);
    const codes = found.success ? [] : problemsOf(found.error).map((p) => `${p.path}:${p.code}`);
    expect(codes).toContain('countries.1:unknown-country');
    expect(problems(ActivityPatch, {})).toEqual([{ path: '', code: 'nothing-changed' }]);
    expect(problems(DsarCreateFields.pick({ receivedAt: true }), { receivedAt: 'gestern' })).toEqual([
      { path: 'receivedAt', code: 'invalid-date' },
    ]);
  });

  it('puts the field and its parameters on a rule error', () => {
    const error = new RuleError('informed-date-out-of-range', 'The date must lie …', 'informedOn', { received: '2026-11-02' });
    expect(error.issues).toEqual([
      { path: 'informedOn', code: 'informed-date-out-of-range', params: { received: '2026-11-02' }, message: 'The date must lie …' },
    ]);
  });

  it('has a sentence for every code in both languages, with the same parameters', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const code of problemCodes) {
      const de = problemTexts.de.problems[code];
      const en = problemTexts.en.problems[code];
      expect(de, code).toBeTruthy();
      expect(placeholders(de), code).toEqual(placeholders(en));
    }
  });
});

describe('Chapter V in the registry', () => {
  // Streamcraft: a US recipient relying on the adequacy decision, certified under the DPF.
  const {
    id: _id,
    version: _v,
    updatedAt: _u,
    ...base
  } = demoProcessors.find((p) => p.id === 'prc_video-streamcraft') ?? demoProcessors[0];
  const codes = (value: unknown) => {
    const result = ProcessorDraft.safeParse(value);
    return result.success ? [] : problemsOf(result.error).map((p) => `${p.path}:${p.code}`);
  };

  it('takes the US as adequate only for a DPF-certified recipient; an unchecked one is a reminder, not a refusal', () => {
    expect(codes(base)).toEqual([]);
    expect(codes({ ...base, transfer: { ...base.transfer, dpfCertified: null } })).toEqual([]);
    expect(codes({ ...base, transfer: { ...base.transfer, dpfCertified: false } })).toEqual([
      'transfer.dpfCertified:transfer-us-not-certified',
    ]);
    expect(codes({ ...base, transfer: { ...base.transfer, mechanism: 'scc', sccModule: '2', dpfCertified: false } })).toEqual([]);
  });

  it('accepts a new sub-processor in a third country only with its safeguard', () => {
    const notice = { id: 'cn-1', subProcessorName: 'Ledgerly Ltd.', country: 'IN', noticeAt: '2026-11-20', objectionDays: 30 };
    const pending = { ...base, changeNotices: [{ ...notice, decision: 'pending', decidedAt: null }] };
    expect(codes(pending)).toEqual([]);
    const accepted = { ...base, changeNotices: [{ ...notice, decision: 'accepted', decidedAt: '2026-11-25' }] };
    expect(codes(accepted)).toEqual(['changeNotices.0.transfer.mechanism:transfer-needs-mechanism']);
    const withSafeguard = {
      ...accepted,
      changeNotices: [{ ...accepted.changeNotices[0], transfer: { mechanism: 'scc', sccModule: '3', tiaDate: null, dpfCertified: null } }],
    };
    expect(codes(withSafeguard)).toEqual([]);
    // Stored before the rule: still readable, and editable elsewhere; changing the notices asks for the safeguard.
    const stored = { ...accepted, id: 'prc_video-streamcraft', version: 3, updatedAt: '2026-11-01T00:00:00.000Z' };
    expect(Processor.safeParse(stored).success).toBe(true);
    const ctx = { actor: 'stf_vogel', at: '2026-11-27T10:00:00.000Z', digest: (text: string) => text, newId: () => 'x', find: () => null };
    const parsed = Processor.parse(stored);
    expect(updateProcessor(parsed, { riskRating: 'high' }, ctx).riskRating).toBe('high');
    expect(() => updateProcessor(parsed, { changeNotices: parsed.changeNotices }, ctx)).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'changeNotices.0.transfer.mechanism', code: 'transfer-needs-mechanism' })],
      }),
    );
  });

  it('knows each country once, by its current code', () => {
    expect(isCountryCode('GB')).toBe(true);
    // Stored with an older code, a record stays readable; the picker offers the current one only.
    expect(isCountryCode('UK')).toBe(true);
    for (const code of ['EU', 'UN', 'ZZ']) expect(isCountryCode(code), code).toBe(false);
    for (const former of ['UK', 'DD', 'SU', 'YU', 'AN', 'IC', 'EA']) expect(isListedCountry(former), former).toBe(false);
    const names = countryOptions('en').map((o) => o.label);
    expect(names.filter((n) => n.startsWith('United Kingdom'))).toEqual(['United Kingdom (GB) *']);
    expect(new Set(names).size).toBe(names.length);
  });
});
