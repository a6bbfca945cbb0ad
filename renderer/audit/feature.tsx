import { defineFeature } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { auditTexts } from './i18n';

/** What this console did, with the platform's answers: the audit trail, and the platform's own log in each object's detail. */
export const auditFeature = defineFeature({
  namespace: 'audit',
  texts: auditTexts,
  routes: [{ path: '/audit', element: lazyScreen(() => import('./AuditTrailPage'), 'AuditTrailPage') }],
  nav: [{ path: '/audit', label: 'nav', order: 80 }],
  // A write is answered when its entity changes in the cache: the trail shows the answer, an open platform log the step.
  invalidates: {},
  invalidatesOnAnyChange: (entity) => [['audit'], ['audit-platform', entity]],
  conflicts: {},
  actions: [],
});
