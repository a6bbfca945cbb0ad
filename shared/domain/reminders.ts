import type { Processor } from '../api/processors';
import { daysBetween } from './calendar';
import { objectionDeadline } from './objections';

export interface Reminder {
  /** Stable across runs, so a shell notifies once per reminder. */
  key: string;
  kind: 'dpa_expiring' | 'dpa_expired' | 'review_overdue' | 'objection_open' | 'objection_lapsed';
  processorId: string;
  processorName: string;
  /** The date the reminder is about (expiry, review, objection deadline). */
  date: string;
  /** Days from today to `date`; negative when it has passed. */
  days: number;
  subject?: string;
}

export const DPA_EXPIRY_WINDOW_DAYS = 60;

/** What in the registry needs the officer: DPAs expiring within 60 days, overdue reviews, objection windows. */
export function registryReminders(processors: readonly Processor[], today: string): Reminder[] {
  const reminders: Reminder[] = [];
  for (const p of processors) {
    if (p.status === 'terminated') continue;
    const base = { processorId: p.id, processorName: p.legalName };
    if (p.dpa.expiresAt) {
      const days = daysBetween(today, p.dpa.expiresAt);
      if (days < 0)
        reminders.push({ ...base, key: `${p.id}:dpa_expired:${p.dpa.expiresAt}`, kind: 'dpa_expired', date: p.dpa.expiresAt, days });
      else if (days <= DPA_EXPIRY_WINDOW_DAYS)
        reminders.push({ ...base, key: `${p.id}:dpa_expiring:${p.dpa.expiresAt}`, kind: 'dpa_expiring', date: p.dpa.expiresAt, days });
    }
    const reviewDays = daysBetween(today, p.nextReviewAt);
    if (reviewDays < 0)
      reminders.push({ ...base, key: `${p.id}:review:${p.nextReviewAt}`, kind: 'review_overdue', date: p.nextReviewAt, days: reviewDays });
    for (const notice of p.changeNotices) {
      if (notice.decision !== 'pending') continue;
      const deadline = objectionDeadline(notice);
      const days = daysBetween(today, deadline);
      reminders.push({
        ...base,
        key: `${p.id}:objection:${notice.id}`,
        kind: days < 0 ? 'objection_lapsed' : 'objection_open',
        date: deadline,
        days,
        subject: notice.subProcessorName,
      });
    }
  }
  return reminders.sort((a, b) => a.date.localeCompare(b.date) || a.processorName.localeCompare(b.processorName));
}
