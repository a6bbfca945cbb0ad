import type Database from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { EntityName } from '../../shared/api/changes';
import type { PlatformClient } from '../platform/client';
import type { PendingWrite, SyncedEntity } from '../sync/entity-store';

/** Tables holding a whole entity as JSON plus the columns their lists sort on. */
type DocumentTable = 'processors' | 'activities';

export interface DocumentEntityConfig<T extends { id: string; version: number; updatedAt: string }> {
  entity: EntityName;
  table: DocumentTable;
  schema: z.ZodType<T>;
  /** The query columns besides id, version, pending and doc, taken from the document. */
  columns(doc: T): Record<string, string | number | null>;
  create: z.ZodType<Omit<T, 'version' | 'updatedAt'>>;
  patch: z.ZodType<Partial<T>>;
  send(client: PlatformClient, write: PendingWrite): Promise<T>;
  /** All entities of this kind on the platform (registries are small: tens to hundreds). */
  list(client: PlatformClient): Promise<T[]>;
}

export type WithPending<T> = T & { pending: boolean };

/**
 * A registry entity mirrored as a JSON document. Pending creates show as version-0 rows, pending changes
 * over the mirrored state; the platform's acknowledged version replaces both.
 */
export function documentEntity<T extends { id: string; version: number; updatedAt: string }>(
  db: Database.Database,
  config: DocumentEntityConfig<T>,
) {
  const { table } = config;
  const sample = Object.keys(config.columns({} as T));
  const names = ['id', 'version', ...sample, 'pending', 'doc'];
  const values = names.map((n) => (n === 'pending' ? '@pending' : `@${n}`)).join(', ');
  const updates = names
    .filter((n) => n !== 'id')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ');
  const upsert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values})
    ON CONFLICT (id) DO UPDATE SET ${updates} WHERE excluded.version >= ${table}.version`);
  const overwrite = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values})
    ON CONFLICT (id) DO UPDATE SET ${updates.replace('version = excluded.version, ', '')}`);
  const read = db.prepare<[string], { version: number; pending: number; doc: string }>(
    `SELECT version, pending, doc FROM ${table} WHERE id = ?`,
  );
  const params = (doc: T, pending: number) => ({
    id: doc.id,
    version: doc.version,
    ...config.columns(doc),
    pending,
    doc: JSON.stringify(doc),
  });

  const synced: SyncedEntity<T> = {
    entity: config.entity,
    schema: config.schema,
    upsert: (doc) => upsert.run(params(doc, 0)),
    remove: (id) => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id),
    clear: () => db.exec(`DELETE FROM ${table}`),
    currentVersion: (id) => read.get(id)?.version ?? null,
    overlay({ entityId, op, body }) {
      const row = read.get(entityId);
      if (op === 'create') {
        // Version 0: not yet on the platform.
        if (!row)
          overwrite.run(params({ ...(config.create.parse(body) as object), version: 0, updatedAt: new Date().toISOString() } as T, 1));
        return;
      }
      if (row) overwrite.run(params({ ...(JSON.parse(row.doc) as T), ...config.patch.parse(body) }, 1));
    },
    send: config.send,
    fetch: async (client, id) => (await config.list(client)).find((doc) => doc.id === id) ?? null,
  };

  return {
    synced,
    get(id: string): WithPending<T> | null {
      const row = read.get(id);
      return row ? { ...(JSON.parse(row.doc) as T), pending: row.pending === 1 } : null;
    },
    /** All, in the order of the table's name index. */
    list(): WithPending<T>[] {
      return db
        .prepare<[], { pending: number; doc: string }>(
          `SELECT pending, doc FROM ${table} INDEXED BY ${table}_by_name ORDER BY ${sample[0]}, id`,
        )
        .all()
        .map((row) => ({ ...(JSON.parse(row.doc) as T), pending: row.pending === 1 }));
    },
  };
}
export type DocumentStore<T extends { id: string; version: number; updatedAt: string }> = ReturnType<typeof documentEntity<T>>;
