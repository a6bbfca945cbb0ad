import type { ProcessingActivity } from '../../shared/api/activities';
import type { Processor } from '../../shared/api/processors';
import { article15Information, processorsHolding, type RegistryQueries } from '../../shared/domain/registry-queries';
import type { DocumentStore } from '../cache/document-store';

/** The registry questions the DSAR work asks, answered from the local cache (pending changes included). */
export function registryQueries(stores: {
  processors: DocumentStore<Processor>;
  activities: DocumentStore<ProcessingActivity>;
}): RegistryQueries {
  const current = () => ({ processors: stores.processors.list(), activities: stores.activities.list() });
  return {
    processorsHolding(categories) {
      const { processors, activities } = current();
      return processorsHolding(categories, processors, activities);
    },
    article15Information(subjectCategories) {
      const { processors, activities } = current();
      return article15Information(subjectCategories, processors, activities);
    },
  };
}
