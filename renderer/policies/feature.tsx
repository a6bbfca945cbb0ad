import { defineFeature } from '../app/feature';
import { policiesTexts } from './i18n';

/**
 * Policy versions (issue 13): contract, platform and cache are in place; how their writes read where the
 * platform refuses one. The editor, review and campaign screens are the module's next slice.
 */
export const policiesFeature = defineFeature({
  namespace: 'policies',
  texts: policiesTexts,
  routes: [],
  nav: [],
  invalidates: { policyVersion: [['policy']] },
  conflicts: {
    policyVersion: {
      draft: (args, { t }) => t('change.draft', { title: args.title }),
      edit: (_, { t }) => t('change.edit'),
      submit: (_, { t }) => t('change.submit'),
      approve: (_, { t }) => t('change.approve'),
      schedule: (_, { t }) => t('change.schedule'),
    },
  },
  actions: [],
});
