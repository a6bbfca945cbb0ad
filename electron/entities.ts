import type Database from 'better-sqlite3-multiple-ciphers';
import type { ClockSettings } from '../shared/api/dsar-workflow';
import { accessReviewCache, employeeCache, grantCache, reviewItemCache } from './access/store';
import { breachPolicyCache, incidentCache, noticeCache, playbookCache } from './breaches/store';
import { jobCache } from './dsar/jobs-store';
import { dsarCache } from './dsar/store';
import { templateCache } from './dsar/templates';
import { policyCampaignCache, policyVersionCache } from './policies/store';
import { activityCache, processorCache } from './processors/store';
import { staffCache } from './staff/store';
import type { CachedEntities } from './sync/cached-entity';

/**
 * Every entity of the registry (shared/entities/registry.ts) as the cache holds it: one line per entity,
 * and the compiler refuses the map when an entity of the registry has no cache.
 */
export function cachedEntities(db: Database.Database, settings: { clock(): ClockSettings }) {
  return {
    dsar: dsarCache(db, settings),
    job: jobCache(db),
    template: templateCache(db),
    staff: staffCache(db),
    processor: processorCache(db),
    activity: activityCache(db),
    breachPolicy: breachPolicyCache(db),
    playbook: playbookCache(db),
    incident: incidentCache(db),
    notice: noticeCache(db),
    policyVersion: policyVersionCache(db),
    policyCampaign: policyCampaignCache(db),
    employee: employeeCache(db),
    grant: grantCache(db),
    accessReview: accessReviewCache(db),
    reviewItem: reviewItemCache(db),
  } satisfies CachedEntities;
}
