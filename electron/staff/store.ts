import type Database from 'better-sqlite3-multiple-ciphers';
import { Staff } from '../../shared/api/common';
import type { SyncedEntity } from '../sync/entity-store';

export function staffEntity(db: Database.Database): SyncedEntity<Staff> {
  const upsert = db.prepare(`
    INSERT INTO staff (id, version, name, doc) VALUES (@id, @version, @name, @doc)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, name = excluded.name, doc = excluded.doc
    WHERE excluded.version >= staff.version`);
  const remove = db.prepare('DELETE FROM staff WHERE id = ?');
  return {
    entity: 'staff',
    schema: Staff,
    upsert: (staff) => upsert.run({ id: staff.id, version: staff.version, name: staff.name, doc: JSON.stringify(staff) }),
    remove: (id) => remove.run(id),
    clear: () => db.exec('DELETE FROM staff'),
  };
}

export function listStaff(db: Database.Database): Staff[] {
  return db
    .prepare<[], { doc: string }>('SELECT doc FROM staff ORDER BY name')
    .all()
    .map((row) => JSON.parse(row.doc) as Staff);
}
