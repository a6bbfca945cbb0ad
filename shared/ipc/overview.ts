import type { DsarType } from '../api/dsar';

/** Open requests by days left: overdue, due within a week (today included), 8–14, 15–30, later. */
export interface DueBucket {
  bucket: 'overdue' | 'week' | 'fortnight' | 'month' | 'later';
  count: number;
  /** The due dates it holds, both included (null: no bound): the queue's `dueBetween`. */
  from: string | null;
  to: string | null;
}

export interface DsarOverview {
  /** The controller's today (its time zone), which every figure is counted from. */
  today: string;
  open: number;
  overdue: number;
  /** Open requests whose clock stands still while they wait for the subject. */
  paused: number;
  /** Requests received per week (Monday to Sunday), the last twelve, by type. */
  inflow: { from: string; to: string; counts: Record<DsarType, number> }[];
  /** Requests answered (completed or denied) per month, the last twelve, and how many on or before their due date. */
  onTime: { month: string; answered: number; onTime: number }[];
  due: DueBucket[];
  /** Open requests per assignee (null: unassigned), most first. */
  load: { assigneeId: string | null; open: number; overdue: number }[];
}

/** An incident whose Art. 33 clock runs: the authority has no report and it was not decided that it needs none. */
export interface IncidentClock {
  id: string;
  title: string;
  deadline: string;
  /** Negative once the 72 hours have passed. */
  minutesLeft: number;
}

/** The registry's reminders the overview counts (see `registryReminders`). */
export const registryFigures = ['dpa_expired', 'dpa_expiring', 'review_overdue', 'objection_open'] as const;
export type RegistryFigure = (typeof registryFigures)[number];

export interface CampaignFigure {
  id: string;
  versionId: string;
  document: string;
  language: string;
  number: number;
  state: 'planned' | 'sending' | 'sent' | 'cancelled';
  /** Accounts the first wave goes to, those it reached (by e-mail or in the app), and those who acknowledged. */
  recipients: number;
  reached: number;
  acknowledged: number;
  /** Messages that bounced (reminders included). */
  bounced: number;
}

export interface ReviewFigure {
  id: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  items: number;
  decided: number;
}

/** The start screen: are we on time, is anything burning, what is under way — every figure from the cache. */
export interface Overview {
  /** Null while the first bootstrap fills the cache (its indexes and tallies are built at its end). */
  dsar: DsarOverview | null;
  /** Open incidents (not closed), and those whose clock runs, least time left first. */
  incidents: { open: number; clocks: IncidentClock[] };
  registry: Record<RegistryFigure, number>;
  /** Policy campaigns under way (planned or sending), and the last one sent. */
  campaigns: CampaignFigure[];
  /** Open access reviews. */
  reviews: ReviewFigure[];
  /** Leavers still holding grants, and those past the end of the next working day after leaving. */
  leavers: { open: number; overdue: number };
}
