import Holidays from 'date-holidays';
import { addMonthsClamped, localDate } from './calendar';

export interface DueDateArgs {
  /** ISO 8601 instant of receipt. */
  receivedAt: string;
  /** The controller's IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO 3166-2 code of the German Land whose public holidays count, e.g. DE-BE. */
  region: string;
  /** 1 for the Art. 12(3) period; 2 or 3 when extended by one or two further months. */
  months: 1 | 2 | 3;
}

/** One step of "why this date", for the UI to phrase in the user's language. */
export type DeadlineStep =
  | { rule: 'receipt'; instant: string; timeZone: string; date: string }
  | { rule: 'same_date'; months: number; date: string }
  | { rule: 'month_end'; months: number; wanted: string; date: string }
  | { rule: 'not_working_day'; date: string; reason: 'saturday' | 'sunday' | 'holiday'; holiday?: string }
  | { rule: 'due'; date: string };

const calendars = new Map<string, { isPublicHoliday(day: string): string | null }>();

/** Public holidays of a German Land only: 24 and 31 December are not public holidays (Reg. 1182/71 Art. 3(4)). */
function landCalendar(region: string) {
  let calendar = calendars.get(region);
  if (!calendar) {
    const state = /^DE-([A-Z]{2})$/.exec(region)?.[1] ?? '';
    const holidays = new Holidays('DE', state);
    if (!holidays.getStates('DE')?.[state]) throw new RangeError(`not a German Land: ${region} (e.g. DE-BE, DE-BY)`);
    const byYear = new Map<number, Map<string, string>>();
    calendar = {
      isPublicHoliday(day: string) {
        const year = Number(day.slice(0, 4));
        let days = byYear.get(year);
        if (!days) {
          days = new Map(
            holidays
              .getHolidays(year)
              .filter((h) => h.type === 'public')
              .map((h) => [h.date.slice(0, 10), h.name]),
          );
          byYear.set(year, days);
        }
        return days.get(day) ?? null;
      },
    };
    calendars.set(region, calendar);
  }
  return calendar;
}

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The deadline and the reasoning behind it, step by step (Reg. 1182/71 Art. 3). */
export function dsarDueDateReasoning(args: DueDateArgs): { date: string; steps: DeadlineStep[] } {
  const calendar = landCalendar(args.region);
  // Art. 3(1): the day of receipt is not counted; it is taken in the controller's time zone.
  const receipt = localDate(args.receivedAt, args.timeZone);
  const steps: DeadlineStep[] = [{ rule: 'receipt', instant: args.receivedAt, timeZone: args.timeZone, date: receipt }];
  // Art. 3(2)(c): the period ends on the same date of the last month, or that month's last day if there is none.
  let day = addMonthsClamped(receipt, args.months);
  const wanted = `${day.slice(0, 8)}${receipt.slice(8)}`;
  steps.push(
    day === wanted ? { rule: 'same_date', months: args.months, date: day } : { rule: 'month_end', months: args.months, wanted, date: day },
  );
  // Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends at the end of the next working day.
  for (;;) {
    const holiday = calendar.isPublicHoliday(day);
    const dow = weekday(day);
    if (!holiday && dow !== 0 && dow !== 6) break;
    steps.push(
      holiday
        ? { rule: 'not_working_day', date: day, reason: 'holiday', holiday }
        : { rule: 'not_working_day', date: day, reason: dow === 6 ? 'saturday' : 'sunday' },
    );
    day = nextDay(day);
  }
  steps.push({ rule: 'due', date: day });
  return { date: day, steps };
}

/** Art. 12(3) deadline of a data-subject request: the last day of the period, YYYY-MM-DD. */
export function dsarDueDate(args: { receivedAt: string; timeZone: string; region: string; months: 1 | 2 | 3 }): string {
  return dsarDueDateReasoning(args).date;
}

/** Whether a day is a working day in a German Land (no weekend, no public holiday). */
export function isWorkingDay(day: string, region: string): boolean {
  const dow = weekday(day);
  return dow !== 0 && dow !== 6 && !landCalendar(region).isPublicHoliday(day);
}

/** The first working day after `day` in a German Land (a leaver's grants are due gone by its end). */
export function nextWorkingDay(day: string, region: string): string {
  let next = nextDay(day);
  while (!isWorkingDay(next, region)) next = nextDay(next);
  return next;
}
