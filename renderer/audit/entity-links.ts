import type { EntityName } from '../../shared/entities/registry';
import { queueLink } from '../dsar/links';

/** Where an entity of the trail is shown: its module's screen with it open; null for entities without a screen of their own. */
export function entityLink(entity: EntityName, id: string): string | null {
  const open = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
  switch (entity) {
    case 'dsar':
      return queueLink({}, id);
    case 'incident':
      return open('/breaches', { open: id });
    case 'processor':
      return open('/processors', { open: id });
    case 'activity':
      return open('/records', { open: id });
    case 'policyVersion':
      return open('/policies', { version: id });
    case 'accessReview':
      return open('/access', { tab: 'reviews', review: id });
    default:
      return null;
  }
}
