import { defineFeature } from '../app/feature';
import { lazyComponent, lazyScreen } from '../app/lazy-screen';
import { policiesTexts } from './i18n';

/**
 * Policy versions: drafts with a safe Markdown preview, comparison, four-eyes approval, scheduled publishing, and
 * campaigns telling users of material changes (with what each person was told, also in an access request).
 */
export const policiesFeature = defineFeature({
  namespace: 'policies',
  texts: policiesTexts,
  routes: [{ path: '/policies', element: lazyScreen(() => import('./PolicyRegister'), 'PolicyRegister') }],
  nav: [{ path: '/policies', label: 'nav', order: 25 }],
  invalidates: { policyVersion: [['policy']], policyCampaign: [['campaign']] },
  conflicts: {
    policyVersion: {
      draft: (args, { t }) => t('change.draft', { title: args.title }),
      edit: (_, { t }) => t('change.edit'),
      dismissHint: (_, { t }) => t('change.dismissHint'),
      comment: (args, { t }) => ('resolve' in args ? t('change.resolve') : t('change.comment')),
      classify: (args, { t }) => t('change.classify', { kind: t(`classification.${args.kind}`) }),
      submit: (_, { t }) => t('change.submit'),
      approve: (_, { t }) => t('change.approve'),
      schedule: (_, { t }) => t('change.schedule'),
      unschedule: (_, { t }) => t('change.unschedule'),
    },
    policyCampaign: {
      plan: (args, { t }) => {
        const [, document, language, number] = /^pol_(privacy|cookies)_(de|en)_(\d+)$/.exec(args.versionId) ?? [];
        const version = document
          ? t('change.versionName', { document: t(`document.${document as 'privacy' | 'cookies'}`), language, number })
          : args.versionId;
        return t('change.campaignPlan', { version });
      },
      remind: (_, { t }) => t('change.campaignRemind'),
      cancel: (_, { t }) => t('change.campaignCancel'),
    },
  },
  actions: [],
  subjectPanels: [lazyComponent(() => import('./PersonNotices'), 'SubjectPolicyNotices')],
});
