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
