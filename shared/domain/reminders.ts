import { DpaClause, type Processor } from '../api/processors';
import { daysBetween } from './calendar';
import { objectionDeadline } from './objections';
import { isEea, needsDpfAnswer } from './transfers';

export interface Reminder {
  /** Stable across runs, so a shell notifies once per reminder. */
  key: string;
  kind:
    | 'dpa_expiring'
    | 'dpa_expired'
    | 'dpa_missing'
    | 'dpa_clauses_missing'
    | 'dpf_unconfirmed'
    | 'notice_third_country'
    | 'review_overdue'
    | 'objection_open'
    | 'objection_lapsed';
  processorId: string;
  processorName: string;
  /** The date the reminder is about (expiry, review, objection deadline); today for a standing gap. */
  date: string;
  /** Days from today to `date`; negative when it has passed. */
  days: number;
  /** What in the processor it is about: a sub-processor, the missing clauses ("a, h"), a country. */
  subject?: string;
}

/** Processors bound by Art. 28(3): they act on the controller's behalf, so a signed DPA must exist. */
const needsDpa = (p: Processor) => p.role === 'processor' || p.role === 'sub_processor';

export const DPA_EXPIRY_WINDOW_DAYS = 60;

/**
 * What in the registry needs the officer: a processor without a signed DPA or with Art. 28(3) clauses not
 * agreed, DPAs expiring within 60 days, US recipients whose DPF certification is unchecked, overdue reviews,
 * objection windows, and a new sub-processor in a third country whose safeguard is not recorded.
 */
export function registryReminders(processors: readonly Processor[], today: string): Reminder[] {
  const reminders: Reminder[] = [];
  for (const p of processors) {
    if (p.status === 'terminated') continue;
    const base = { processorId: p.id, processorName: p.legalName };
    const standing = { date: today, days: 0 };
    if (needsDpa(p) && !p.dpa.signedAt) {
      reminders.push({ ...base, ...standing, key: `${p.id}:dpa_missing`, kind: 'dpa_missing' });
    } else if (needsDpa(p)) {
      const missing = DpaClause.options.filter((clause) => !p.dpa.clauses[clause]?.met);
      if (missing.length) {
        reminders.push({
          ...base,
          ...standing,
          key: `${p.id}:dpa_clauses:${missing.join('')}`,
          kind: 'dpa_clauses_missing',
          subject: missing.join(', '),
        });
      }
    }
    // == null: a document from before the question existed has no answer either.
    const unchecked = [
      ...(needsDpfAnswer(p.countries, p.transfer.mechanism) && p.transfer.dpfCertified == null ? [p.legalName] : []),
      ...p.subProcessors
        .filter((s) => needsDpfAnswer([s.country], s.transfer.mechanism) && s.transfer.dpfCertified == null)
        .map((s) => s.name),
    ];
    for (const name of unchecked) {
      reminders.push({ ...base, ...standing, key: `${p.id}:dpf:${name}`, kind: 'dpf_unconfirmed', subject: name });
    }
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
      if (!isEea(notice.country) && (notice.transfer?.mechanism ?? 'none') === 'none') {
        reminders.push({
          ...base,
          ...standing,
          key: `${p.id}:notice_transfer:${notice.id}`,
          kind: 'notice_third_country',
          subject: `${notice.subProcessorName} (${notice.country})`,
        });
      }
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
