import { daysBetween } from '../../shared/domain/calendar';
import { isOpen } from '../../shared/domain/dsar';
import type { QueueRow } from '../../shared/ipc/contract';
import { csvDocument } from '../exports/csv';

const labels = {
  de: {
    header: ['ID', 'Art', 'Status', 'Name', 'E-Mail', 'Eingang', 'Frist', 'Tage übrig', 'Zuständig', 'Priorität'],
    type: {
      access: 'Auskunft',
      rectification: 'Berichtigung',
      erasure: 'Löschung',
      restriction: 'Einschränkung',
      portability: 'Datenübertragbarkeit',
      objection: 'Widerspruch',
    },
    status: {
      new: 'Neu',
      identity_pending: 'Identität ausstehend',
      in_progress: 'In Bearbeitung',
      awaiting_subject: 'Wartet auf Antwort',
      completed: 'Erledigt',
      denied: 'Abgelehnt',
      withdrawn: 'Zurückgezogen',
      duplicate: 'Duplikat',
    },
    priority: { low: 'niedrig', normal: 'normal', high: 'hoch' },
  },
  en: {
    header: ['ID', 'Type', 'Status', 'Name', 'E-mail', 'Received', 'Due', 'Days left', 'Assignee', 'Priority'],
    type: {
      access: 'Access',
      rectification: 'Rectification',
      erasure: 'Erasure',
      restriction: 'Restriction',
      portability: 'Portability',
      objection: 'Objection',
    },
    status: {
      new: 'New',
      identity_pending: 'Identity pending',
      in_progress: 'In progress',
      awaiting_subject: 'Awaiting subject',
      completed: 'Completed',
      denied: 'Denied',
      withdrawn: 'Withdrawn',
      duplicate: 'Duplicate',
    },
    priority: { low: 'low', normal: 'normal', high: 'high' },
  },
} as const;

/** The filtered register of requests, as the queue shows it, for a spreadsheet. */
export function registerCsv(
  rows: readonly QueueRow[],
  language: 'de' | 'en',
  context: { staffNames: Map<string, string>; today: string },
): string {
  const l = labels[language];
  return csvDocument([
    l.header,
    ...rows.map((r) => [
      r.id,
      l.type[r.type],
      l.status[r.status],
      r.subjectName,
      r.subjectEmail,
      r.receivedAt,
      r.dueDate,
      isOpen(r.status) ? String(daysBetween(context.today, r.dueDate)) : '',
      r.assigneeId ? (context.staffNames.get(r.assigneeId) ?? r.assigneeId) : '',
      l.priority[r.priority],
    ]),
  ]);
}
