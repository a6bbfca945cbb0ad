import { describe, expect, it } from 'vitest';
import { breachAuthorityDeadline } from '../../../shared/domain/breach-clock';
import {
  assessmentChanges,
  assessSeverity,
  bandOf,
  type Circumstances,
  clockLeft,
  clockReminder,
  defaultNotificationPolicy,
  type SeverityInput,
} from '../../../shared/domain/breach-severity';

const none: Circumstances = { confidentiality: 0, integrity: 0, availability: 0, malicious: false };
const input = (over: Partial<SeverityInput> = {}): SeverityInput => ({
  categories: ['account'],
  identifiers: ['maximum'],
  circumstances: none,
  peopleAffected: 10,
  unintelligible: false,
  ...over,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return null;
};

describe('breach severity (ENISA 2013): SE = DPC × EI + CB', () => {
  it('bands at their boundaries', () => {
    expect(bandOf(0)).toBe('low');
    expect(bandOf(1.75)).toBe('low');
    expect(bandOf(2)).toBe('medium');
    expect(bandOf(2.75)).toBe('medium');
    expect(bandOf(3)).toBe('high');
    expect(bandOf(3.75)).toBe('high');
    expect(bandOf(4)).toBe('very_high');
    expect(bandOf(5.5)).toBe('very_high');
  });

  it('takes the highest category and the highest identifier', () => {
    const a = assessSeverity(
      input({ categories: ['account', 'login_history', 'payments'], identifiers: ['limited', 'maximum', 'negligible'] }),
    );
    expect(a).toMatchObject({ dpc: 3, dpcFrom: 'payments', ei: 1, eiLevel: 'maximum', cb: 0, score: 3, band: 'high' });
    expect(a.perCategory.map((c) => [c.category, c.enisaClass, c.score])).toEqual([
      ['account', 'simple', 1],
      ['login_history', 'behavioural', 2],
      ['payments', 'financial', 3],
    ]);
  });

  it('adds the circumstances: every kind of loss and malice', () => {
    const a = assessSeverity(
      input({
        circumstances: { confidentiality: 0.5, integrity: 0.25, availability: 0.25, malicious: true },
        identifiers: ['significant'],
      }),
    );
    expect(a.cb).toBe(1.5);
    expect(a.score).toBe(1 * 0.75 + 1.5);
    expect(a.band).toBe('medium');
  });

  it('moves a category only with a written reason, and the move counts', () => {
    expect(code(() => assessSeverity(input({ adjustments: [{ category: 'account', score: 4, reason: 'ja' }] })))).toBe(
      'dpc-move-without-reason',
    );
    // Minors among the learners, data that can endanger their wellbeing: simple data +3 (ENISA).
    const a = assessSeverity(
      input({
        adjustments: [{ category: 'account', score: 4, reason: 'Konten Minderjähriger mit Wohnanschrift' }],
        circumstances: { ...none, confidentiality: 0.5 },
      }),
    );
    expect(a.perCategory[0]).toMatchObject({ basic: 1, score: 4, reason: 'Konten Minderjähriger mit Wohnanschrift' });
    expect(a).toMatchObject({ dpc: 4, score: 4.5, band: 'very_high' });
    // An adjustment to the basic score itself is no move and needs nothing.
    expect(assessSeverity(input({ adjustments: [{ category: 'account', score: 1, reason: '' }] })).dpc).toBe(1);
  });

  it("follows the paper's worked example: names and phone numbers of a pharmacy's diabetes patients", () => {
    // Simple data, DPC raised to 3 (health can be inferred); a directly identifying name; sent to a few wrong recipients.
    const a = assessSeverity(
      input({
        adjustments: [{ category: 'account', score: 3, reason: 'Rückschluss auf eine Diabetes-Erkrankung' }],
        circumstances: { ...none, confidentiality: 0.25 },
      }),
    );
    expect(a.score).toBe(3.25);
    expect(a.band).toBe('high');
  });

  it('recommends by the policy and reports the flags; encryption exempts the people (Art. 34(3)(a))', () => {
    const low = assessSeverity(input());
    expect(low.recommendation).toEqual({ authority: false, subjects: false, exemption: null });
    const medium = assessSeverity(input({ categories: ['login_history'] }));
    expect(medium).toMatchObject({ band: 'medium', recommendation: { authority: true, subjects: false } });
    const high = assessSeverity(input({ categories: ['payments'], peopleAffected: 250 }));
    expect(high).toMatchObject({ band: 'high', flags: { overHundredPeople: true }, recommendation: { authority: true, subjects: true } });
    const encrypted = assessSeverity(input({ categories: ['payments'], unintelligible: true }));
    expect(encrypted.recommendation).toEqual({ authority: true, subjects: false, exemption: 'unintelligible' });
    // A stricter policy is the controller's choice.
    expect(assessSeverity(input(), { ...defaultNotificationPolicy, authorityFrom: 'low' }).recommendation.authority).toBe(true);
  });

  it('says what moved when a fact changes', () => {
    const before = assessSeverity(input({ categories: ['account'] }));
    const after = assessSeverity(input({ categories: ['account', 'payments'] }));
    expect(assessmentChanges(before, after)).toEqual(['dpc', 'score', 'band', 'recommendation.authority', 'recommendation.subjects']);
    expect(assessmentChanges(after, after)).toEqual([]);
  });

  it('refuses an assessment without categories or identifiers', () => {
    expect(code(() => assessSeverity(input({ categories: [] })))).toBe('breach-no-categories');
    expect(code(() => assessSeverity(input({ identifiers: [] })))).toBe('breach-no-identifiers');
  });
});

describe('the 72-hour clock (Art. 33(1)), in hours', () => {
  it('runs 72 real hours across the change to summer time, never rolled to a working day', () => {
    // Aware on 27 March 2026, 10:00 in Berlin (CET); clocks go forward on the 29th: due 30 March, 11:00 CEST.
    const deadline = breachAuthorityDeadline('2026-03-27T10:00:00+01:00');
    expect(deadline).toBe('2026-03-30T09:00:00.000Z');
    expect(
      new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(new Date(deadline)),
    ).toBe('30.03.26, 11:00');
    // A Saturday deadline stays a Saturday deadline.
    expect(breachAuthorityDeadline('2026-11-25T18:00:00Z')).toBe('2026-11-28T18:00:00.000Z');
  });

  it('counts hours and minutes left, and reminds at 24, 12 and 4 hours and when passed', () => {
    const deadline = '2026-03-30T09:00:00.000Z';
    expect(clockLeft(deadline, new Date('2026-03-29T07:30:00Z'))).toEqual({ passed: false, hours: 25, minutes: 30, totalMinutes: 1530 });
    expect(clockLeft(deadline, new Date('2026-03-30T09:45:00Z'))).toMatchObject({ passed: true, hours: 0, minutes: 45 });
    expect(clockReminder(deadline, new Date('2026-03-29T08:00:00Z'))).toBeNull();
    expect(clockReminder(deadline, new Date('2026-03-29T09:00:00Z'))).toBe(24);
    expect(clockReminder(deadline, new Date('2026-03-29T21:30:00Z'))).toBe(12);
    expect(clockReminder(deadline, new Date('2026-03-30T05:00:00Z'))).toBe(4);
    expect(clockReminder(deadline, new Date('2026-03-30T09:00:00Z'))).toBe(0);
  });
});
