import type { ChangeNotice } from '../api/processors';
import { daysBetween } from './calendar';

/** Last day to object to a new sub-processor: the notice date plus the period the DPA grants (Art. 28(2)). */
export function objectionDeadline(notice: Pick<ChangeNotice, 'noticeAt' | 'objectionDays'>): string {
  const [y, m, d] = notice.noticeAt.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + notice.objectionDays)).toISOString().slice(0, 10);
}

/** Days left to object (negative once the window has closed). */
export function objectionDaysLeft(notice: Pick<ChangeNotice, 'noticeAt' | 'objectionDays'>, today: string): number {
  return daysBetween(today, objectionDeadline(notice));
}
