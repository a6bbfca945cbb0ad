import type { ActivityDraft, ActivityPatch } from '../../shared/api/activities';
import type { ProcessorDraft, ProcessorPatch } from '../../shared/api/processors';
import { defineFeature, type LabelContext, type TextKey } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { processorsTexts } from './i18n';

type Key = TextKey<typeof processorsTexts.de>;

/** The form labels of the fields, as the editors name them: every field has one (the compiler checks). */
const processorFields: Record<keyof ProcessorDraft, Key> = {
  legalName: 'processors.legalName',
  address: 'processors.address',
  serviceCategory: 'processors.category',
  role: 'processors.role',
  purposes: 'processors.purposes',
  dataCategories: 'processors.dataCategories',
  subjectCategories: 'processors.subjectCategories',
  countries: 'processors.countries',
  transfer: 'processors.transfer',
  dpa: 'processors.dpa',
  certifications: 'processors.certifications',
  contact: 'processors.contactName',
  reviewCadenceMonths: 'processors.reviewCadence',
  nextReviewAt: 'processors.nextReview',
  riskRating: 'processors.risk',
  status: 'processors.status',
  subProcessors: 'processors.section.subProcessors',
  changeNotices: 'processors.changeNotices',
};
const activityFields: Record<keyof ActivityDraft, Key> = {
  name: 'records.name',
  purpose: 'records.purpose',
  legalBasis: 'records.legalBasis',
  legitimateInterest: 'records.legitimateInterest',
  specialCategories: 'records.specialCategories',
  art9Ground: 'records.art9Ground',
  dataCategories: 'records.dataCategories',
  subjectCategories: 'records.subjectCategories',
  recipientIds: 'records.recipients',
  otherRecipients: 'records.otherRecipients',
  transferNote: 'records.transferNote',
  retention: 'records.retention',
  toms: 'records.toms',
  reviewedAt: 'records.reviewedAt',
};

/** The fields a change touched, by their form labels. */
const fields = <P extends object>(patch: P, labels: Record<keyof P, Key>, { t }: LabelContext<typeof processorsTexts.de>) =>
  (Object.keys(patch) as (keyof P)[]).map((field) => t(labels[field])).join(', ');

/** The processor and third-party registry, and the records of processing that link to it. */
export const processorsFeature = defineFeature({
  namespace: 'processors',
  texts: processorsTexts,
  routes: [
    { path: '/processors', element: lazyScreen(() => import('./ProcessorRegistry'), 'ProcessorRegistry') },
    { path: '/records', element: lazyScreen(() => import('./RecordsOfProcessing'), 'RecordsOfProcessing') },
  ],
  nav: [
    { path: '/processors', label: 'nav.processors', order: 20 },
    { path: '/records', label: 'nav.records', order: 30 },
  ],
  invalidates: { processor: [['processor']], activity: [['activity']] },
  conflicts: {
    processor: {
      create: (args, { t }) => t('change.createProcessor', { name: args.legalName }),
      update: (args, context) =>
        context.t('change.updateProcessor', { fields: fields<ProcessorPatch>(args as ProcessorPatch, processorFields, context) }),
    },
    activity: {
      create: (args, { t }) => t('change.createActivity', { name: args.name }),
      update: (args, context) => context.t('change.updateActivity', { fields: fields<ActivityPatch>(args, activityFields, context) }),
    },
  },
  actions: [],
});
