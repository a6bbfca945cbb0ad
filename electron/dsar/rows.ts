import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { isOpen, subjectKey } from '../../shared/domain/dsar';
import { type ClockLedger, dueOnly, ledgerOf } from '../../shared/domain/dsar-clock';
import { foldGerman } from '../../shared/domain/search';
import type { QueueRow } from '../../shared/ipc/contract';

/** A row of the cache's `dsars` table (queue columns) with its document from `dsar_docs`. */
export interface DsarRow {
  id: string;
  version: number;
  type: string;
  status: string;
  subject_name: string;
  subject_email: string;
  received_at: string;
  due_date: string;
  assignee_id: string | null;
  priority: string;
  updated_at: string;
  is_open: number;
  pending: number;
  ledger: string;
  clock_paused: number;
  subject_key: string;
  /** The name in its other German spelling, for the search index. */
  subject_fold: string;
  /** The local day (controller's zone) it arrived. */
  received_on: string;
  /** The local day it was answered (completed or denied), null while it is not. */
  answered_on: string | null;
  /** In `dsar_docs`, joined where needed. */
  doc: string;
}

export function toRow(dsar: Dsar, clock: ClockSettings): Omit<DsarRow, 'pending'> {
  const ledger = ledgerOf(dsar);
  const due = dueOnly(ledger, clock);
  return {
    id: dsar.id,
    version: dsar.version,
    type: dsar.type,
    status: dsar.status,
    subject_name: dsar.subject.name,
    // The column feeds search and the queue; a letter without an e-mail address has none ('').
    subject_email: dsar.subject.email ?? '',
    // Instants are compared as text, so they are stored normalised to UTC.
    received_at: new Date(dsar.receivedAt).toISOString(),
    due_date: due.due,
    assignee_id: dsar.assigneeId,
    priority: dsar.priority,
    updated_at: dsar.updatedAt,
    is_open: isOpen(dsar.status) ? 1 : 0,
    ledger: JSON.stringify(ledger),
    clock_paused: due.paused ? 1 : 0,
    subject_key: subjectKey(dsar.subject),
    subject_fold: foldGerman(dsar.subject.name),
    received_on: localDate(dsar.receivedAt, clock.timeZone),
    answered_on: answeredOn(dsar, clock.timeZone),
    doc: JSON.stringify(dsar),
  };
}

/** The answer is the last move into the status a completed or denied request has; null for any other. */
function answeredOn(dsar: Dsar, timeZone: string): string | null {
  if (dsar.status !== 'completed' && dsar.status !== 'denied') return null;
  for (let i = dsar.events.length - 1; i >= 0; i--) {
    const event = dsar.events[i];
    if (event.kind === 'status' && event.to === dsar.status) return localDate(event.at, timeZone);
  }
  // A request the platform holds as answered without the move in its timeline: its last change is the answer.
  return localDate(dsar.updatedAt, timeZone);
}

export const parseLedger = (text: string) => JSON.parse(text) as ClockLedger;

export type QueueColumns = Pick<
  DsarRow,
  | 'id'
  | 'type'
  | 'status'
  | 'subject_name'
  | 'subject_email'
  | 'received_at'
  | 'due_date'
  | 'assignee_id'
  | 'priority'
  | 'pending'
  | 'clock_paused'
>;

export function toQueueRow(row: QueueColumns): QueueRow {
  return {
    id: row.id,
    type: row.type as QueueRow['type'],
    status: row.status as QueueRow['status'],
    subjectName: row.subject_name,
    subjectEmail: row.subject_email || null,
    receivedAt: row.received_at,
    dueDate: row.due_date,
    clockPaused: row.clock_paused === 1,
    assigneeId: row.assignee_id,
    priority: row.priority as QueueRow['priority'],
    pending: row.pending === 1,
  };
}
