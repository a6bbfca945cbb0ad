import { openStatuses } from '../../shared/domain/dsar';
import type { QueueFilter } from './QueueFilters';

export type ViewName = 'open' | 'mine' | 'week' | 'overdue' | 'unassigned' | 'identity';

const base: QueueFilter = { statuses: [...openStatuses], types: [], assignee: null, search: '', sort: 'due_asc', due: null };

/** The saved views officers work from; each is an ordinary filter, so it can be refined further. */
export const views: Record<ViewName, QueueFilter> = {
  open: base,
  mine: { ...base, assignee: 'me' },
  week: { ...base, due: 'week' },
  overdue: { ...base, due: 'overdue' },
  unassigned: { ...base, assignee: 'unassigned' },
  identity: { ...base, statuses: ['identity_pending'] },
};

export function viewOf(filter: QueueFilter): ViewName | null {
  for (const [name, view] of Object.entries(views) as [ViewName, QueueFilter][]) {
    if (JSON.stringify({ ...view, search: '' }) === JSON.stringify({ ...filter, search: '' })) return name;
  }
  return null;
}
