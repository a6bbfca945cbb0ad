import { describe, expect, it } from 'vitest';
import { breachAuthorityDeadline } from '../../../shared/domain/breach-clock';
import { dsarDueDate, dsarDueDateReasoning } from '../../../shared/domain/deadlines';

const due = (receivedAt: string, region = 'DE-BE', months: 1 | 3 = 1) =>
  dsarDueDate({ receivedAt, timeZone: 'Europe/Berlin', region, months });

describe('Art. 12(3) deadline under Reg. 1182/71', () => {
  it('Art. 3(2)(c): the same date one month later', () => {
    expect(due('2026-06-15T09:00:00+02:00')).toBe('2026-07-15'); // Wednesday
    expect(due('2026-11-27T10:00:00+01:00')).toBe('2026-12-28'); // 27 Dec is a Sunday → Monday 28
  });

  it('Art. 3(2)(c): the last day of the month where the date does not exist, leap years included, then Art. 3(4)', () => {
    expect(due('2027-01-31T10:00:00+01:00')).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
    expect(due('2028-01-31T10:00:00+01:00')).toBe('2028-02-29'); // leap year, Tuesday
    expect(due('2026-03-31T10:00:00+02:00')).toBe('2026-04-30'); // Thursday
  });

  it('Art. 3(4): a Saturday or Sunday moves to the next working day', () => {
    expect(due('2026-01-31T10:00:00+01:00')).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
    expect(due('2026-09-13T10:00:00+02:00')).toBe('2026-10-13'); // Tuesday, no roll
  });

  it('Art. 3(4): national public holidays, several in a row', () => {
    expect(due('2026-11-25T10:00:00+01:00')).toBe('2026-12-28'); // 25 Fri, 26 Sat (both holidays), 27 Sun
    expect(due('2026-04-01T10:00:00+02:00')).toBe('2026-05-04'); // 1 May (Friday) → weekend → Monday
  });

  it('Art. 3(4): the Land decides: Epiphany in Bavaria, Women’s Day in Berlin', () => {
    expect(due('2026-12-06T10:00:00+01:00', 'DE-BY')).toBe('2027-01-07');
    expect(due('2026-12-06T10:00:00+01:00', 'DE-BE')).toBe('2027-01-06');
    expect(due('2027-02-08T10:00:00+01:00', 'DE-BE')).toBe('2027-03-09');
    expect(due('2027-02-08T10:00:00+01:00', 'DE-BY')).toBe('2027-03-08');
  });

  it('24 and 31 December are not public holidays', () => {
    expect(due('2026-11-24T10:00:00+01:00')).toBe('2026-12-24'); // Thursday: a working day
    expect(due('2026-09-30T10:00:00+02:00', 'DE-BE', 3)).toBe('2026-12-30'); // Wednesday
    expect(due('2026-12-01T10:00:00+01:00')).toBe('2027-01-04'); // New Year (Friday), then the weekend
  });

  it('the receipt instant is taken in the controller time zone (near midnight)', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin: the period runs from 1 April.
    expect(due('2026-03-31T22:30:00Z')).toBe('2026-05-04'); // 1 May holiday, 2-3 May weekend
    expect(due('2026-03-31T21:30:00Z')).toBe('2026-04-30');
  });

  it('an extension counts three months from receipt, with the same rules', () => {
    expect(due('2026-06-15T09:00:00+02:00', 'DE-BE', 3)).toBe('2026-09-15');
    expect(due('2026-11-30T09:00:00+01:00', 'DE-BE', 3)).toBe('2027-03-01'); // 28 Feb 2027 Sunday
  });

  it('explains the date step by step', () => {
    const { steps } = dsarDueDateReasoning({
      receivedAt: '2026-01-31T10:00:00+01:00',
      timeZone: 'Europe/Berlin',
      region: 'DE-BE',
      months: 1,
    });
    expect(steps.map((s) => s.rule)).toEqual(['receipt', 'month_end', 'not_working_day', 'not_working_day', 'due']);
    expect(steps[1]).toMatchObject({ wanted: '2026-02-31', date: '2026-02-28' });
    expect(steps[2]).toMatchObject({ date: '2026-02-28', reason: 'saturday' });
    expect(steps[4]).toEqual({ rule: 'due', date: '2026-03-02' });
    const holiday = dsarDueDateReasoning({ receivedAt: '2026-11-25T10:00:00+01:00', timeZone: 'Europe/Berlin', region: 'DE-NW', months: 1 })
      .steps[2];
    expect(holiday).toMatchObject({ reason: 'holiday', holiday: '1. Weihnachtstag' });
  });

  it('refuses a region that is not a German Land', () => {
    expect(() => due('2026-06-15T09:00:00Z', 'DE-XX')).toThrow(/not a German Land/);
    expect(() => due('2026-06-15T09:00:00Z', 'AT-9')).toThrow(RangeError);
  });
});

describe('Art. 33(1) breach clock', () => {
  it('is 72 hours after awareness and never rolls, across a weekend and a DST change', () => {
    expect(breachAuthorityDeadline('2026-03-27T16:00:00+01:00')).toBe('2026-03-30T15:00:00.000Z'); // Fri 16:00 CET → Mon 17:00 CEST
    expect(breachAuthorityDeadline('2026-12-24T09:00:00Z')).toBe('2026-12-27T09:00:00.000Z');
    expect(() => breachAuthorityDeadline('yesterday')).toThrow(RangeError);
  });
});
