import { defaultFilter, type QueueFilter } from './QueueFilters';

export type ViewName = 'open' | 'mine' | 'week' | 'overdue' | 'unassigned' | 'identity';

/** The saved views officers work from; each is an ordinary filter, so it can be refined further. */
export const views: Record<ViewName, QueueFilter> = {
  open: defaultFilter,
  mine: { ...defaultFilter, assignee: 'me' },
  week: { ...defaultFilter, due: 'week' },
  overdue: { ...defaultFilter, due: 'overdue' },
  unassigned: { ...defaultFilter, assignee: 'unassigned' },
  identity: { ...defaultFilter, statuses: ['identity_pending'] },
};

export function viewOf(filter: QueueFilter): ViewName | null {
  for (const [name, view] of Object.entries(views) as [ViewName, QueueFilter][]) {
    if (JSON.stringify({ ...view, search: '' }) === JSON.stringify({ ...filter, search: '' })) return name;
  }
  return null;
}
