import type { Dsar } from '../api/dsar';
import type { ClockSettings } from '../api/dsar-workflow';
import { localDate } from './calendar';
import { type DeadlineStep, dsarDueDateReasoning } from './deadlines';
import { RuleError } from './rules';

export type PausePolicy = ClockSettings['pausePolicy'];
export const defaultClockSettings: ClockSettings = { region: 'DE-BE', timeZone: 'Europe/Berlin', pausePolicy: 'none' };

/**
 * The clock ledger of one request: the instants that decide its deadline. Kept compact, because the cache
 * stores it beside every row so a change of settings recomputes a million due dates without reading documents.
 */
export interface ClockLedger {
  receivedAt: string;
  /** Periods waiting for the subject: [kind, from, to or null while still waiting]. */
  waits: ['identity' | 'clarification', string, string | null][];
  /** When the extension was notified, or null. */
  extendedAt: string | null;
  /** By how many further months (Art. 12(3): one or two). */
  extendedMonths?: number;
}

export function ledgerOf(dsar: Pick<Dsar, 'receivedAt' | 'events'>): ClockLedger {
  const ledger: ClockLedger = { receivedAt: dsar.receivedAt, waits: [], extendedAt: null };
  const close = (kind: 'identity' | 'clarification', at: string) => {
    const open = ledger.waits.find(([k, , to]) => k === kind && to === null);
    if (open) open[2] = at;
  };
  for (const event of dsar.events) {
    if (event.kind === 'identity_requested') ledger.waits.push(['identity', event.at, null]);
    else if (event.kind === 'identity_recorded' && event.outcome === 'verified') close('identity', event.at);
    else if (event.kind === 'clarification_requested') ledger.waits.push(['clarification', event.at, null]);
    else if (event.kind === 'clarification_received') close('clarification', event.at);
    else if (event.kind === 'extended' && ledger.extendedAt === null) {
      ledger.extendedAt = event.at;
      ledger.extendedMonths = event.months;
    }
  }
  return ledger;
}

const counts = (policy: PausePolicy, kind: 'identity' | 'clarification') =>
  policy === 'identity_and_clarification' || (policy === 'identity' && kind === 'identity');

export interface DueDate {
  /** The last day of the period, YYYY-MM-DD. */
  due: string;
  /** The last day of the first month: an extension must be notified by then. */
  baseDue: string;
  /** The instant counting starts from: receipt, moved by the waits the pause policy stops the clock for. */
  countsFrom: string;
  pausedMs: number;
  /** The clock is stopped now (a wait the policy counts is open); `due` assumes it resumes today. */
  paused: boolean;
  extended: boolean;
  steps: DeadlineStep[];
}

/**
 * The Art. 12(3) deadline from the ledger. With the default policy the clock never stops; with a pause
 * policy the time spent waiting for the subject is added to the receipt instant before counting. While a
 * counted wait is open the earliest possible date is shown (the clock resumes "now"), so it never looks later
 * than it may be.
 */
export function dueDateOf(ledger: ClockLedger, settings: ClockSettings): DueDate {
  const { countsFrom, pausedMs, paused } = clockStart(ledger, settings);
  const base = { receivedAt: countsFrom, timeZone: settings.timeZone, region: settings.region };
  const first = cachedReasoning({ ...base, months: 1 });
  const extended = ledger.extendedAt !== null;
  const final = extended ? cachedReasoning({ ...base, months: monthsOf(ledger) }) : first;
  const steps = final.steps.map((s) => (s.rule === 'receipt' ? { ...s, instant: countsFrom } : s));
  return { due: final.date, baseDue: first.date, countsFrom, pausedMs, paused, extended, steps };
}

/** The due date alone, for the cache's column: no reasoning steps built. */
export function dueOnly(ledger: ClockLedger, settings: ClockSettings): { due: string; paused: boolean } {
  const { countsFrom, paused } = clockStart(ledger, settings);
  const args = { receivedAt: countsFrom, timeZone: settings.timeZone, region: settings.region };
  return { due: cachedReasoning({ ...args, months: monthsOf(ledger) }).date, paused };
}

/** The whole period in months: one, and the extension's one or two (two where an older ledger does not say). */
const monthsOf = (ledger: ClockLedger): 1 | 2 | 3 => (ledger.extendedAt === null ? 1 : ledger.extendedMonths === 1 ? 2 : 3);

function clockStart(ledger: ClockLedger, settings: ClockSettings) {
  let pausedMs = 0;
  let paused = false;
  for (const [kind, from, to] of ledger.waits) {
    if (!counts(settings.pausePolicy, kind)) continue;
    if (to === null) paused = true;
    else pausedMs += Math.max(0, Date.parse(to) - Date.parse(from));
  }
  const countsFrom = pausedMs ? new Date(Date.parse(ledger.receivedAt) + pausedMs).toISOString() : ledger.receivedAt;
  return { countsFrom, pausedMs, paused };
}

// The deadline depends only on the local receipt date, the Land and the months: few distinct keys, many rows.
const memo = new Map<string, { date: string; steps: DeadlineStep[] }>();
function cachedReasoning(args: { receivedAt: string; timeZone: string; region: string; months: 1 | 2 | 3 }) {
  const day = localDate(args.receivedAt, args.timeZone);
  const key = `${day}|${args.timeZone}|${args.region}|${args.months}`;
  let found = memo.get(key);
  if (!found) {
    found = dsarDueDateReasoning(args);
    if (memo.size > 50_000) memo.clear();
    memo.set(key, found);
  }
  // The receipt step names the instant of the memo's first caller; dueDateOf puts in the right one.
  return found;
}

/** An extension is possible only until the end of the first month (Art. 12(3) sentence 3). */
export function extensionRefusal(ledger: ClockLedger, settings: ClockSettings, at: string): RuleError | null {
  if (ledger.extendedAt) {
    return new RuleError(
      'already-extended',
      'The request was already extended; Art. 12(3) allows one extension, by up to two further months.',
    );
  }
  const { baseDue } = dueDateOf(ledger, settings);
  const today = localDate(at, settings.timeZone);
  if (today > baseDue) {
    return new RuleError(
      'extension-too-late',
      `The first month ended on ${baseDue}: an extension must be notified within it (Art. 12(3)), not on ${today}.`,
      undefined,
      { baseDue, today },
    );
  }
  return null;
}

/** Whole days from today (controller's zone) to the due date; negative when overdue. */
export function daysLeft(due: string, now: Date, timeZone: string): number {
  const today = localDate(now, timeZone);
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
