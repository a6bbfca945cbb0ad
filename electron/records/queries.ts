import type { ProcessingActivity } from '../../shared/api/activities';
import type { Processor } from '../../shared/api/processors';
import { article15Information, processorsHolding } from '../../shared/domain/registry-queries';
import type { DocumentStore } from '../cache/document-store';

/** The registry questions the DSAR work asks, answered from the local cache. */
export function registryQueries(stores: { processors: DocumentStore<Processor>; activities: DocumentStore<ProcessingActivity> }) {
  const current = () => ({ processors: stores.processors.list(), activities: stores.activities.list() });
  return {
    /** Art. 19: processors to tell about a rectification, erasure or restriction of these categories. */
    processorsHolding(categories: readonly string[]) {
      const { processors, activities } = current();
      return processorsHolding(categories, processors, activities);
    },
    /** Art. 15(1)(a)-(d) for a subject of these categories. */
    article15Information(subjectCategories: readonly string[]) {
      const { processors, activities } = current();
      return article15Information(subjectCategories, processors, activities);
    },
  };
}
