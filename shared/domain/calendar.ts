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

// Every zone's offset changes on whole quarter hours at most: the date of any instant in a quarter hour is
// the date of its start. Bulk work (a bootstrap computes a deadline per row) mostly hits this memo.
const quarterHours = new Map<string, string>();
const QUARTER_HOUR = 900_000;

/** Calendar date (YYYY-MM-DD) of an instant as seen in an IANA time zone. Pure Intl, no host APIs. */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not an instant: ${String(instant)}`);
  const key = `${Math.floor(time / QUARTER_HOUR)}|${timeZone}`;
  const known = quarterHours.get(key);
  if (known) return known;
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  if (quarterHours.size > 200_000) quarterHours.clear();
  quarterHours.set(key, day);
  return day;
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
  const offsetAt = (time: number) => {
    const [d, t] = localDateTime(new Date(time), timeZone).split('T');
    const [y, mo, da] = d.split('-').map(Number);
    const [h, mi] = t.split(':').map(Number);
    return Date.UTC(y, mo - 1, da, h, mi) - Math.floor(time / 60_000) * 60_000;
  };
  // A zone changes its offset at most once within a day: the offsets a day before and a day after are the
  // only readings. The earliest that shows the same wall clock wins; in a gap none does, and the offset
  // before the change moves the time forward past it.
  const before = asUtc - offsetAt(asUtc - 86_400_000);
  const after = asUtc - offsetAt(asUtc + 86_400_000);
  const matching = [before, after].filter((time) => localDateTime(new Date(time), timeZone) === wallClock);
  return new Date(matching.length ? Math.min(...matching) : before);
}
