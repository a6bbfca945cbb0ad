import { daysBetween } from '../../shared/domain/calendar';
import { csvDocument } from '../../shared/domain/csv';
import { isOpen } from '../../shared/domain/dsar';
import { labels } from '../../shared/domain/labels';
import type { QueueRow } from '../../shared/ipc/contract';

/** The register's column headings; the values are named as on screen (the label table). */
const headers = {
  de: ['ID', 'Art', 'Status', 'Name', 'E-Mail', 'Eingang', 'Frist', 'Tage übrig', 'Zuständig', 'Priorität'],
  en: ['ID', 'Type', 'Status', 'Name', 'E-mail', 'Received', 'Due', 'Days left', 'Assignee', 'Priority'],
} as const;

/** The filtered register of requests, as the queue shows it, for a spreadsheet. */
export function registerCsv(
  rows: readonly QueueRow[],
  language: 'de' | 'en',
  context: { staffNames: Map<string, string>; today: string },
): string {
  const names = labels[language];
  return csvDocument([
    headers[language],
    ...rows.map((r) => [
      r.id,
      names.dsarType[r.type],
      names.dsarStatus[r.status],
      r.subjectName,
      r.subjectEmail,
      r.receivedAt,
      r.dueDate,
      isOpen(r.status) ? daysBetween(context.today, r.dueDate) : null,
      r.assigneeId ? (context.staffNames.get(r.assigneeId) ?? r.assigneeId) : '',
      names.priority[r.priority],
    ]),
  ]);
}
