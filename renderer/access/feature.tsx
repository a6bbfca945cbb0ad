import { defineFeature } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { accessTexts } from './i18n';

/** Access-rights reviews: who on staff can see which personal data; checks, reviews, revocations, evidence. */
export const accessFeature = defineFeature({
  namespace: 'access',
  texts: accessTexts,
  routes: [{ path: '/access', element: lazyScreen(() => import('./AccessPage'), 'AccessPage') }],
  nav: [{ path: '/access', label: 'nav', order: 28 }],
  invalidates: { employee: [['access']], grant: [['access']], accessReview: [['access']], reviewItem: [['access']] },
  conflicts: {
    grant: {
      revoke: (_, { t }) => t('change.revoke'),
      retry: (_, { t }) => t('change.retry'),
    },
    accessReview: {
      start: (args, { t }) => t('change.start', { title: args.title }),
      close: (_, { t }) => t('change.close'),
      remind: (_, { t }) => t('change.remind'),
    },
    reviewItem: {
      decide: (args, { t }) => t('change.decide', { kind: t(`review.kind.${args.kind}`) }),
    },
  },
  actions: [],
});
