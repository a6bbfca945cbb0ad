import { describe, expect, it } from 'vitest';
import { addMonthsClamped, daysBetween, localDate } from '../../../shared/domain/calendar';
import { isOpen } from '../../../shared/domain/dsar';

describe('calendar', () => {
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
