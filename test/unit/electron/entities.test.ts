import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../electron/cache/stores';
import { cachedEntities } from '../../../electron/entities';
import { defaultClockSettings } from '../../../shared/domain/dsar-clock';
import { entityNames } from '../../../shared/entities/registry';
import { TEST_KEY, tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
beforeEach(() => {
  dir = tempDir();
  stores = openStores(dir.path, TEST_KEY);
});
afterEach(() => {
  stores.close();
  dir.remove();
});

describe('the cache of every registered entity', () => {
  it('exists for each entity of the registry, over a table the migrations created', () => {
    const caches = cachedEntities(stores.cache, { clock: () => defaultClockSettings });
    expect(Object.keys(caches).sort()).toEqual([...entityNames].sort());
    for (const name of entityNames) {
      // Every statement of the cache is prepared against the migrated schema: a missing table fails here.
      expect(() => caches[name].clear(), name).not.toThrow();
      expect(caches[name].read('nothing'), name).toBeNull();
    }
  });
});

describe('a document list read again without changes', () => {
  it('is the same until the table changes, and a change rolled back is never kept', () => {
    const staff = cachedEntities(stores.cache, { clock: () => defaultClockSettings }).staff;
    const member = (id: string, name: string) => ({ id, version: 1, name, email: `${id}@example.org`, roles: [], active: true });
    staff.upsert(member('stf_a', 'Anna') as never);
    const first = staff.list();
    expect(first.map((s) => s.name)).toEqual(['Anna']);
    // A new array each time (a caller may sort it), the same documents.
    const second = staff.list();
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    staff.upsert(member('stf_b', 'Bernd') as never);
    expect(staff.list().map((s) => s.name)).toEqual(['Anna', 'Bernd']);

    // Read inside a transaction that is then rolled back: the list after it is the committed one.
    expect(() =>
      stores.cache.transaction(() => {
        staff.remove('stf_a');
        expect(staff.list().map((s) => s.name)).toEqual(['Bernd']);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(staff.list().map((s) => s.name)).toEqual(['Anna', 'Bernd']);
    staff.clear();
    expect(staff.list()).toEqual([]);
  });
});
