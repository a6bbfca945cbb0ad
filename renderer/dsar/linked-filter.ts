import { QueueQuery } from '../../shared/ipc/contract';
import { defaultFilter, type QueueFilter } from './QueueFilters';

/** The filter a link may carry: every field of the queue's filter, each optional (the rest as the default view). */
const LinkedFilter = QueueQuery.pick({
  statuses: true,
  types: true,
  assignee: true,
  search: true,
  due: true,
  received: true,
  dueBetween: true,
  answered: true,
  sort: true,
}).partial();

/** The filter a link carries (its `q`), or null for one that is not valid (a hand-edited address). */
export function linkedFilter(text: string): QueueFilter | null {
  try {
    const raw: unknown = JSON.parse(text);
    const parsed = LinkedFilter.safeParse(raw);
    if (!parsed.success || typeof raw !== 'object' || raw === null) return null;
    // Zod fills a field's default even where it is optional: only what the link names replaces the default view.
    const named = Object.entries(parsed.data).filter(([key]) => key in raw);
    return { ...defaultFilter, ...Object.fromEntries(named) };
  } catch {
    return null;
  }
}
