import type Database from 'better-sqlite3-multiple-ciphers';
import type { Versioned } from '../../shared/entities/descriptor';
import type { CachedEntity } from '../sync/cached-entity';

export interface DocumentTableConfig<T extends Versioned> {
  /** The table, created by a cache migration: id, version, the query columns, doc, and `pending` unless read-only. */
  table: string;
  /** The query columns besides id, version, pending and doc, taken from the document; the first one orders lists. */
  columns(doc: T): Record<string, string | number | null>;
  /** An index that serves `list()`, e.g. `processors_by_name`. */
  listIndex?: string;
  /** A mirror the console never writes to (no mutators): the table has no `pending` column. */
  readOnly?: boolean;
}

export type WithPending<T> = T & { pending: boolean };

/**
 * An entity mirrored as a JSON document with the columns its lists need. Pending creates show as version-0
 * rows, pending changes over the mirrored state; the platform's acknowledged version replaces both.
 */
export function documentEntity<T extends Versioned>(db: Database.Database, config: DocumentTableConfig<T>) {
  const { table } = config;
  const queryColumns = Object.keys(config.columns({} as T));
  const names = ['id', 'version', ...queryColumns, ...(config.readOnly ? [] : ['pending']), 'doc'];
  const values = names.map((n) => `@${n}`).join(', ');
  const updates = names
    .filter((n) => n !== 'id')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ');
  const upsert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values})
    ON CONFLICT (id) DO UPDATE SET ${updates} WHERE excluded.version >= ${table}.version`);
  // A pending change keeps the version it is based on.
  const overwrite = config.readOnly
    ? null
    : db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values})
    ON CONFLICT (id) DO UPDATE SET ${updates.replace('version = excluded.version, ', '')}`);
  const pendingColumn = config.readOnly ? '0 AS pending' : 'pending';
  const read = db.prepare<[string], { pending: number; doc: string }>(`SELECT ${pendingColumn}, doc FROM ${table} WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const all = db.prepare<[], { pending: number; doc: string }>(
    `SELECT ${pendingColumn}, doc FROM ${table} ${config.listIndex ? `INDEXED BY ${config.listIndex}` : ''} ORDER BY ${queryColumns[0] ?? 'id'}, id`,
  );
  const params = (doc: T, pending: number) => ({
    id: doc.id,
    version: doc.version,
    ...config.columns(doc),
    ...(config.readOnly ? {} : { pending }),
    doc: JSON.stringify(doc),
  });
  const withPending = (row: { pending: number; doc: string }): WithPending<T> => ({
    ...(JSON.parse(row.doc) as T),
    pending: row.pending === 1,
  });

  // The whole list, parsed, until the table changes: the overview and the reminders read the small registers on
  // every change of the cache, and parsing thousands of documents each time is most of their cost. Every change
  // goes through this store; a list read inside a transaction is not kept (it may yet be rolled back).
  let generation = 0;
  let listed: { generation: number; rows: WithPending<T>[] } | null = null;
  const cached: CachedEntity<T> = {
    read(id) {
      const row = read.get(id);
      return row ? (JSON.parse(row.doc) as T) : null;
    },
    upsert: (doc) => {
      generation++;
      return upsert.run(params(doc, 0)).changes > 0;
    },
    overlay(doc) {
      if (!overwrite) throw new Error(`${table} is a read-only mirror.`);
      generation++;
      overwrite.run(params(doc, 1));
    },
    remove: (id) => {
      generation++;
      remove.run(id);
    },
    clear: () => {
      generation++;
      db.exec(`DELETE FROM ${table}`);
    },
  };

  return {
    ...cached,
    get(id: string): WithPending<T> | null {
      const row = read.get(id);
      return row ? withPending(row) : null;
    },
    /** All, in the order of the first query column (a new array each time; the documents are shared: do not change them). */
    list: (): WithPending<T>[] => {
      if (listed?.generation === generation) return [...listed.rows];
      const rows = all.all().map(withPending);
      if (!db.inTransaction) listed = { generation, rows };
      return [...rows];
    },
  };
}
export type DocumentStore<T extends Versioned> = ReturnType<typeof documentEntity<T>>;
