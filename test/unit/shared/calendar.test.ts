import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped, daysBetween, localDate, localDateTime, zonedInstant } from '../../../shared/domain/calendar';
import { isOpen } from '../../../shared/domain/dsar';

describe('calendar', () => {
  it('reads a wall-clock time in the controller zone, whatever the machine zone', () => {
    expect(zonedInstant('2026-11-27T09:30', 'Europe/Berlin')?.toISOString()).toBe('2026-11-27T08:30:00.000Z');
    expect(zonedInstant('2026-07-01T00:15', 'Europe/Berlin')?.toISOString()).toBe('2026-06-30T22:15:00.000Z');
    expect(zonedInstant('2026-07-01T00:15', 'America/New_York')?.toISOString()).toBe('2026-07-01T04:15:00.000Z');
    // Spring change in Berlin (29 March 2026, 02:00 → 03:00): 02:30 does not exist and reads as 03:30 CEST.
    expect(zonedInstant('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-03-29T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    // Autumn change (25 October 2026, 03:00 → 02:00): 02:30 happens twice; the first (CEST) is taken.
    expect(zonedInstant('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant('2026-10-25T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
    for (const bad of ['', '2026-02-30T10:00', '2026-11-27T24:00', '27.11.2026 09:30'])
      expect(zonedInstant(bad, 'Europe/Berlin')).toBeNull();
  });

  it('shows an instant as the wall clock of a zone and reads it back', () => {
    const instant = new Date('2026-11-27T08:30:00Z');
    expect(localDateTime(instant, 'Europe/Berlin')).toBe('2026-11-27T09:30');
    expect(localDateTime(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01T00:30');
    expect(zonedInstant(localDateTime(instant, 'Asia/Kolkata'), 'Asia/Kolkata')?.getTime()).toBe(instant.getTime());
  });

  it('adds months, clamping to the last day of a shorter month (Reg. 1182/71 Art. 3(2)(c))', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('takes the calendar date in the controller time zone, not UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (CEST, UTC+2).
    expect(localDate('2026-03-31T23:30:00Z', 'Europe/Berlin')).toBe('2026-04-01');
    expect(localDate('2026-01-15T22:59:59Z', 'Europe/Berlin')).toBe('2026-01-15');
    expect(localDate('2026-01-15T23:00:00Z', 'Europe/Berlin')).toBe('2026-01-16');
    expect(() => localDate('not a date', 'Europe/Berlin')).toThrow(RangeError);
  });

  it('agrees with Intl on every instant, days with a change of offset included', () => {
    const intl = (time: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(time));
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'UTC'];
    // The hours around the changes of 2026 (Berlin: 29 March, 25 October at 01:00 UTC) minute by minute.
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let time = change - 26 * 3_600_000; time <= change + 26 * 3_600_000; time += 60_000) {
        expect(localDate(new Date(time), 'Europe/Berlin')).toBe(intl(time, 'Europe/Berlin'));
      }
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (time, zone) => {
        expect(localDate(new Date(time), zone)).toBe(intl(time, zone));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // across the DST change
  });
});

describe('DSAR statuses', () => {
  it('knows which statuses are open', () => {
    expect(isOpen('new')).toBe(true);
    expect(isOpen('awaiting_subject')).toBe(true);
    expect(isOpen('completed')).toBe(false);
    expect(isOpen('withdrawn')).toBe(false);
  });
});
