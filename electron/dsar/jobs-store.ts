import type Database from 'better-sqlite3-multiple-ciphers';
import type { Job } from '../../shared/api/jobs';
import { documentEntity } from '../cache/document-store';

/** Mirrors the platform's fulfilment jobs; their progress arrives through the changes feed. */
export function jobCache(db: Database.Database) {
  const store = documentEntity<Job>(db, {
    table: 'jobs',
    columns: (job) => ({ dsar_id: job.dsarId, state: job.state }),
    readOnly: true,
  });
  const byDsar = db.prepare<[string], { doc: string }>('SELECT doc FROM jobs WHERE dsar_id = ?');
  const running = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM jobs WHERE state = 'running'");
  return {
    ...store,
    forDsar: (dsarId: string) => byDsar.all(dsarId).map((row) => JSON.parse(row.doc) as Job),
    running: () => running.get()?.n ?? 0,
  };
}
export type JobCache = ReturnType<typeof jobCache>;
