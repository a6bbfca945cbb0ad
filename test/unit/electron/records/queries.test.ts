import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../../electron/cache/stores';
import { activityCache, processorCache } from '../../../../electron/processors/store';
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
  const processors = processorCache(stores.cache);
  const activities = activityCache(stores.cache);
  for (const p of demoProcessors) processors.upsert(p);
  for (const a of demoActivities) activities.upsert(a);
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
    const activities = activityCache(stores.cache);
    const support = activities.read('act_support');
    if (!support) throw new Error('seed without act_support');
    activities.overlay({ ...support, retention: [{ category: 'Supportanfragen', period: '1 Jahr' }] });
    expect(queries.article15Information(['Kundinnen und Kunden']).retention).toContainEqual({
      category: 'Supportanfragen',
      period: '1 Jahr',
    });
  });
});
