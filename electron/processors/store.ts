import type Database from 'better-sqlite3-multiple-ciphers';
import { Processor, ProcessorCreate, ProcessorPatch } from '../../shared/api/processors';
import type { SyncedEntity } from '../sync/entity-store';

interface ProcessorRow {
  id: string;
  version: number;
  pending: number;
  doc: string;
}

/** Mirrors the processor registry; creates and changes made offline show at once as pending rows. */
export function processorEntity(db: Database.Database): SyncedEntity<Processor> {
  const upsert = db.prepare(`
    INSERT INTO processors (id, version, legal_name, status, pending, doc) VALUES (@id, @version, @legal_name, @status, 0, @doc)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, legal_name = excluded.legal_name, status = excluded.status,
      pending = 0, doc = excluded.doc
    WHERE excluded.version >= processors.version`);
  const read = db.prepare<[string], ProcessorRow>('SELECT id, version, pending, doc FROM processors WHERE id = ?');
  const write = db.prepare(`
    INSERT INTO processors (id, version, legal_name, status, pending, doc) VALUES (@id, @version, @legal_name, @status, 1, @doc)
    ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, status = excluded.status, pending = 1, doc = excluded.doc`);
  const show = (doc: Processor) =>
    write.run({ id: doc.id, version: doc.version, legal_name: doc.legalName, status: doc.status, doc: JSON.stringify(doc) });

  return {
    entity: 'processor',
    schema: Processor,
    upsert: (doc) =>
      upsert.run({ id: doc.id, version: doc.version, legal_name: doc.legalName, status: doc.status, doc: JSON.stringify(doc) }),
    remove: (id) => db.prepare('DELETE FROM processors WHERE id = ?').run(id),
    clear: () => db.exec('DELETE FROM processors'),
    currentVersion: (id) => read.get(id)?.version ?? null,
    overlay({ entityId, op, body }) {
      if (op === 'create') {
        // Version 0: not yet on the platform. The acknowledged version 1 replaces it.
        if (!read.get(entityId))
          show({
            ...(ProcessorCreate.parse(body) as Omit<Processor, 'version' | 'updatedAt'>),
            version: 0,
            updatedAt: new Date().toISOString(),
          });
        return;
      }
      const row = read.get(entityId);
      if (!row) return;
      show({ ...(JSON.parse(row.doc) as Processor), ...ProcessorPatch.parse(body) });
    },
    send: (client, pending) =>
      pending.op === 'create'
        ? client.createProcessor(ProcessorCreate.parse(pending.body), pending.idempotencyKey)
        : client.patchProcessor(pending.entityId, ProcessorPatch.parse(pending.body), {
            version: pending.baseVersion,
            idempotencyKey: pending.idempotencyKey,
          }),
  };
}

export function readProcessor(db: Database.Database, id: string): (Processor & { pending: boolean }) | null {
  const row = db.prepare<[string], ProcessorRow>('SELECT id, version, pending, doc FROM processors WHERE id = ?').get(id);
  return row ? { ...(JSON.parse(row.doc) as Processor), pending: row.pending === 1 } : null;
}

export function listProcessors(db: Database.Database): (Processor & { pending: boolean })[] {
  return db
    .prepare<[], ProcessorRow>('SELECT id, version, pending, doc FROM processors INDEXED BY processors_by_name ORDER BY legal_name, id')
    .all()
    .map((row) => ({ ...(JSON.parse(row.doc) as Processor), pending: row.pending === 1 }));
}
