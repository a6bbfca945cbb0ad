import type { QueueFilter } from './QueueFilters';

/** `/requests?q=…`: the queue filtered as given; `open` opens one request beside it. */
export function queueLink(filter: Partial<QueueFilter>, open?: string): string {
  const params = new URLSearchParams({ q: JSON.stringify(filter) });
  if (open) params.set('open', open);
  return `/requests?${params}`;
}
