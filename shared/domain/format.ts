import type { LabelLanguage } from './labels';

const locales: Record<LabelLanguage, string> = { de: 'de-DE', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: LabelLanguage, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locales[language], { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
/** A calendar day is a day everywhere: formatted at noon UTC in UTC, it never moves to a neighbour. */
const asDay = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * Dates and instants as people read them, in one format per language and always in the controller's time
 * zone (an instant) or as the calendar day it is (a due date): on screen, in exports and in notifications.
 */
export function dateFormat(language: LabelLanguage, timeZone: string) {
  const dayIn = (value: string, options: Intl.DateTimeFormatOptions) =>
    isDay(value)
      ? formatter(language, 'UTC', options).format(asDay(value))
      : formatter(language, timeZone, options).format(new Date(value));
  return {
    /** 27.11.2026 / 27 Nov 2026 */
    day: (value: string) => dayIn(value, { dateStyle: 'medium' }),
    /** 27. November 2026 / 27 November 2026: as letters write it */
    letterDay: (value: string) => dayIn(value, { dateStyle: 'long' }),
    /** Fr., 27. November 2026 / Fri, 27 November 2026 */
    longDay: (value: string) => dayIn(value, { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric' }),
    /** November 2026 (a month, YYYY-MM) */
    month: (month: string) => formatter(language, 'UTC', { month: 'long', year: 'numeric' }).format(asDay(`${month}-15`)),
    /** Nov. 26 / Nov 26: a month on a chart's axis */
    shortMonth: (month: string) => formatter(language, 'UTC', { month: 'short', year: '2-digit' }).format(asDay(`${month}-15`)),
    /** 23.11. / 23 Nov: a day on a chart's axis */
    shortDay: (day: string) =>
      formatter(language, 'UTC', { day: 'numeric', month: language === 'de' ? '2-digit' : 'short' }).format(asDay(day)),
    /** 27.11.2026, 10:15 / 27 Nov 2026, 10:15 (in the controller's time zone) */
    instant: (value: string) => formatter(language, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    /** 27. November 2026 um 10:15 / 27 November 2026 at 10:15: an export's "as of" line */
    longInstant: (value: string) => formatter(language, timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value)),
    /** With the zone named, where the instant decides a deadline. */
    instantWithZone: (value: string) => formatter(language, timeZone, { dateStyle: 'full', timeStyle: 'long' }).format(new Date(value)),
  };
}
