import type { Dsar } from '../api/dsar';
import type { DataCategory, DsarEvent } from '../api/dsar-workflow';

/** The items the officer excluded from a package (and did not include again). */
export function excludedItems(dsar: Pick<Dsar, 'events'>, jobId: string): Map<string, { category: DataCategory; reason: string }> {
  const excluded = new Map<string, { category: DataCategory; reason: string }>();
  for (const event of dsar.events) {
    if (event.kind === 'item_excluded' && event.jobId === jobId)
      excluded.set(event.itemId, { category: event.category, reason: event.reason });
    if (event.kind === 'item_included' && event.jobId === jobId) excluded.delete(event.itemId);
  }
  return excluded;
}

export const deliveredJob = (dsar: Pick<Dsar, 'events'>) =>
  dsar.events.find((e): e is Extract<DsarEvent, { kind: 'delivered' }> => e.kind === 'delivered') ?? null;
