import type { DsarStatus } from '../api/dsar';
import { addMonthsClamped, localDate } from './calendar';

export const openStatuses: readonly DsarStatus[] = ['new', 'identity_pending', 'in_progress', 'awaiting_subject'];

export const isOpen = (status: DsarStatus) => openStatuses.includes(status);

/**
 * Provisional due date: the same date one month after receipt in the controller's time zone, or the last
 * day of that month (Reg. 1182/71 Art. 3(2)(c)). Weekend and holiday roll-over (Art. 3(4)) and extensions
 * come with the deadline engine; until then the queue shows this date.
 */
export function provisionalDueDate(receivedAt: string, timeZone: string): string {
  return addMonthsClamped(localDate(receivedAt, timeZone), 1);
}
