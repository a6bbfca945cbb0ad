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
 * Removes from the cache the closed requests not changed for `closedMonths` (a request's last change is at or
 * after its closing, so none leaves early), with their documents and jobs (the package contents). A request
 * with a write waiting, or shown over the platform's state, stays. Answers how many left.
 */
export function evictClosedRequests(cache: Database.Database, retention: LocalRetention, now = new Date()): number {
  const cutoff = `${addMonthsClamped(now.toISOString().slice(0, 10), -retention.closedMonths)}T00:00:00.000Z`;
  const ids = cache
    .prepare<[string], { id: string }>(
      `SELECT id FROM dsars WHERE is_open = 0 AND pending = 0 AND updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM overlay_base o WHERE o.entity = 'dsar' AND o.id = dsars.id)`,
    )
    .all(cutoff)
    .map((row) => row.id);
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
