import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../../electron/cache/stores';
import { activityStore, processorStore } from '../../../../electron/processors/store';
import { registryQueries } from '../../../../electron/records/queries';
import { demoActivities } from '../../../../sandbox/seed/activities';
import { demoProcessors } from '../../../../sandbox/seed/processors';
import { TEST_KEY, tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
let queries: ReturnType<typeof registryQueries>;

beforeEach(() => {
  dir = tempDir();
  stores = openStores(dir.path, TEST_KEY);
  const processors = processorStore(stores.cache);
  const activities = activityStore(stores.cache);
  for (const p of demoProcessors) processors.synced.upsert(p);
  for (const a of demoActivities) activities.synced.upsert(a);
  queries = registryQueries({ processors, activities });
});
afterEach(() => {
  stores.close();
  dir.remove();
});

describe('registry queries from the cache', () => {
  it('answers Art. 19 from the cached registry', () => {
    expect(queries.processorsHolding(['Kommunikationsinhalte']).map((h) => h.legalName)).toEqual(['Helpdesk Cloud Europe B.V.']);
  });

  it('answers Art. 15(1) from the cached records, a pending local change included', () => {
    const activities = activityStore(stores.cache);
    activities.synced.overlay?.({
      entityId: 'act_support',
      op: 'patch',
      body: { retention: [{ category: 'Supportanfragen', period: '1 Jahr' }] },
    });
    expect(queries.article15Information(['Kundinnen und Kunden']).retention).toContainEqual({
      category: 'Supportanfragen',
      period: '1 Jahr',
    });
  });
});
