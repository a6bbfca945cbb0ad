import type Database from 'better-sqlite3-multiple-ciphers';
import { addMonthsClamped } from '../../shared/domain/calendar';

/** How long a closed request stays in the console's cache (the platform keeps its record). */
export interface LocalRetention {
  /** Months after closing; the default is 12. */
  closedMonths: number;
}

export const defaultLocalRetention: LocalRetention = { closedMonths: 12 };

/** The console's own storage limitation (Art. 5(1)(e)) runs this often while it is open, and at start. */
export const RETENTION_EVERY_MS = 6 * 3_600_000;

/**
 * The closed requests not changed for `closedMonths` (a request's last change is at or after its closing, so
 * none leaves early). A request with a write waiting, or shown over the platform's state, stays.
 */
export function closedRequestsToEvict(cache: Database.Database, retention: LocalRetention, now = new Date()): string[] {
  const cutoff = `${addMonthsClamped(now.toISOString().slice(0, 10), -retention.closedMonths)}T00:00:00.000Z`;
  return cache
    .prepare<[string], { id: string }>(
      `SELECT id FROM dsars WHERE is_open = 0 AND pending = 0 AND updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM overlay_base o WHERE o.entity = 'dsar' AND o.id = dsars.id)`,
    )
    .all(cutoff)
    .map((row) => row.id);
}

/** Removes these requests from the cache with their documents and jobs (the package contents), in one transaction. */
export function evictRequests(cache: Database.Database, ids: readonly string[]): number {
  if (!ids.length) return 0;
  const removeRow = cache.prepare('DELETE FROM dsars WHERE id = ?');
  const removeDoc = cache.prepare('DELETE FROM dsar_docs WHERE id = ?');
  const removeJobs = cache.prepare('DELETE FROM jobs WHERE dsar_id = ?');
  cache.transaction(() => {
    for (const id of ids) {
      removeJobs.run(id);
      removeDoc.run(id);
      removeRow.run(id);
    }
  })();
  return ids.length;
}

/** All at once: answers how many left (a changed setting, tests). */
export function evictClosedRequests(cache: Database.Database, retention: LocalRetention, now = new Date()): number {
  return evictRequests(cache, closedRequestsToEvict(cache, retention, now));
}

/**
 * In the background: a few thousand at a time with the event loop free in between, so a cache whose first
 * bootstrap brought years of history (hundreds of thousands to leave) stays responsive while they go.
 */
export async function evictClosedRequestsInChunks(
  cache: Database.Database,
  retention: LocalRetention,
  stillWanted: () => boolean,
  chunk = 2_000,
): Promise<number> {
  const ids = closedRequestsToEvict(cache, retention);
  let removed = 0;
  for (let start = 0; start < ids.length && stillWanted(); start += chunk) {
    removed += evictRequests(cache, ids.slice(start, start + chunk));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return removed;
}
