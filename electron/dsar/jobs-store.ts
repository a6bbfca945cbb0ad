import type Database from 'better-sqlite3-multiple-ciphers';
import { Job } from '../../shared/api/jobs';
import type { SyncedEntity } from '../sync/entity-store';

/** Mirrors the platform's fulfilment jobs; their progress arrives through the changes feed. */
export function jobEntity(db: Database.Database) {
  const upsert = db.prepare(`
    INSERT INTO jobs (id, version, dsar_id, state, doc) VALUES (@id, @version, @dsar_id, @state, @doc)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state, doc = excluded.doc
    WHERE excluded.version >= jobs.version`);
  const byDsar = db.prepare<[string], { doc: string }>('SELECT doc FROM jobs WHERE dsar_id = ?');
  const byId = db.prepare<[string], { doc: string }>('SELECT doc FROM jobs WHERE id = ?');
  const synced: SyncedEntity<Job> = {
    entity: 'job',
    schema: Job,
    upsert: (job) => upsert.run({ id: job.id, version: job.version, dsar_id: job.dsarId, state: job.state, doc: JSON.stringify(job) }),
    remove: (id) => db.prepare('DELETE FROM jobs WHERE id = ?').run(id),
    clear: () => db.exec('DELETE FROM jobs'),
  };
  return {
    synced,
    forDsar: (dsarId: string) => byDsar.all(dsarId).map((row) => JSON.parse(row.doc) as Job),
    find(id: string): Job | null {
      const row = byId.get(id);
      return row ? (JSON.parse(row.doc) as Job) : null;
    },
  };
}
