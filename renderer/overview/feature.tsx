import { defineFeature } from '../app/feature';
import { overviewTexts } from './i18n';
import { OverviewPage } from './OverviewPage';

/** The start screen: the figures of every module from the cache, each leading to the rows behind it. */
export const overviewFeature = defineFeature({
  namespace: 'overview',
  texts: overviewTexts,
  routes: [{ path: '/overview', element: <OverviewPage /> }],
  nav: [{ path: '/overview', label: 'nav', order: 0 }],
  invalidates: {
    dsar: [['overview']],
    incident: [['overview']],
    processor: [['overview']],
    policyCampaign: [['overview']],
    accessReview: [['overview']],
    employee: [['overview']],
    grant: [['overview']],
    staff: [['overview']],
  },
  conflicts: {},
  actions: [],
});
