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
