import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Bulk loading for a bootstrap: maintaining a dozen secondary indexes and the FTS index row by row, in
 * random key order, costs ~6x more than building them once from sorted data (measured: 100k requests,
 * 58 s vs 9 s on the CI machine). The index and trigger DDL is kept in the cache itself, so a crash mid-way
 * loses nothing: the next completed pull restores them.
 */
const SCHEMA_TABLE =
  'CREATE TABLE IF NOT EXISTS deferred_schema (name TEXT PRIMARY KEY, type TEXT NOT NULL, sql TEXT NOT NULL) WITHOUT ROWID';

/**
 * Drops the table's indexes and triggers until `restoreIndexes`; `rebuilds` (by name) then redo at once what the
 * triggers would have done row by row (an FTS index, tallies).
 */
export function deferIndexes(db: Database.Database, table: string, rebuilds: Record<string, string>): void {
  db.transaction(() => {
    db.exec(SCHEMA_TABLE);
    const objects = db
      .prepare<[string], { name: string; type: string; sql: string }>(
        "SELECT name, type, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .all(table);
    const keep = db.prepare('INSERT OR REPLACE INTO deferred_schema (name, type, sql) VALUES (?, ?, ?)');
    for (const object of objects) {
      keep.run(object.name, object.type, object.sql);
      db.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name.replace(/"/g, '""')}"`);
    }
    for (const [name, statements] of Object.entries(rebuilds)) keep.run(`${name}:rebuild`, 'rebuild', statements);
  })();
}

export function isBulkLoading(db: Database.Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_schema'").get();
  return table !== undefined && db.prepare('SELECT 1 FROM deferred_schema LIMIT 1').get() !== undefined;
}

/** Recreates what `deferIndexes` dropped and rebuilds the FTS index, in one transaction. */
export function restoreIndexes(db: Database.Database): void {
  if (!isBulkLoading(db)) return;
  db.transaction(() => {
    const objects = db.prepare<[], { name: string; type: string; sql: string }>('SELECT name, type, sql FROM deferred_schema').all();
    // The rebuilds first ('fts': an interrupted bulk load of an older console): each is one pass over the table,
    // where with the indexes already there SQLite would walk one of them and look every row up (a tally over a
    // million requests: 13 s instead of 1). Then the indexes, then the triggers (the rebuilds write no rows of the
    // table, so nothing is counted twice).
    const order = { rebuild: 0, fts: 0, index: 1, trigger: 2 } as Record<string, number>;
    for (const object of objects.sort((a, b) => order[a.type] - order[b.type])) db.exec(object.sql);
    db.exec('DELETE FROM deferred_schema');
  })();
}
