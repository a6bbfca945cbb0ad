// Building a DateTimeFormat costs far more than using one (it loads zone data): one per zone, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// A zone's offset is the same at both ends of almost every UTC day (changes happen a few times a year): for
// such a day the local date of any of its instants is the UTC date of the instant moved by that offset. One
// reading per UTC day and zone instead of one per instant; the rare day with a change asks Intl each time.
const DAY_MS = 86_400_000;
const dayOffsets = new Map<string, number | null>();

function offsetAt(time: number, timeZone: string): number {
  const parts = wallClockFor(timeZone).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(time / 60_000) * 60_000;
}

/** The offset that holds all through the UTC day of `time`, or null on a day the zone changes it. */
function steadyOffset(time: number, timeZone: string): number | null {
  const start = Math.floor(time / DAY_MS) * DAY_MS;
  const key = `${start}|${timeZone}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(start, timeZone);
    offset = first === offsetAt(start + DAY_MS - 60_000, timeZone) ? first : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

/** Calendar date (YYYY-MM-DD) of an instant as seen in an IANA time zone. Pure Intl, no host APIs. */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not an instant: ${String(instant)}`);
  const offset = steadyOffset(time, timeZone);
  if (offset !== null) return new Date(time + offset).toISOString().slice(0, 10);
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Adds calendar months to a YYYY-MM-DD date; a day that does not exist becomes the month's last day. */
export function addMonthsClamped(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const targetMonthIndex = m - 1 + months;
  const year = y + Math.floor(targetMonthIndex / 12);
  const month = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClockFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallClocks.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time (YYYY-MM-DDTHH:mm) of an instant in an IANA time zone, as a datetime-local field shows it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = wallClockFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The instant a wall-clock time (YYYY-MM-DDTHH:mm) names in an IANA time zone: a letter stamped
 * "27.11., 09:30" in Berlin is 08:30 UTC wherever the officer's laptop happens to be. A time skipped by
 * the spring change is read as after the change; a repeated autumn hour as its first occurrence.
 * Returns null for text that is no such time.
 */
export function zonedInstant(wallClock: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // A zone changes its offset at most once within a day: the offsets a day before and a day after are the
  // only readings. The earliest that shows the same wall clock wins; in a gap none does, and the offset
  // before the change moves the time forward past it.
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone);
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone);
  const matching = [before, after].filter((time) => localDateTime(new Date(time), timeZone) === wallClock);
  return new Date(matching.length ? Math.min(...matching) : before);
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the (ISO) week of a YYYY-MM-DD date. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The month (YYYY-MM) `offset` months from the month of a YYYY-MM-DD date or a YYYY-MM month. */
export function monthFrom(dayOrMonth: string, offset: number): string {
  const [y, m] = dayOrMonth.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day (YYYY-MM-DD) of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  return addDays(`${monthFrom(month, 1)}-01`, -1);
}
