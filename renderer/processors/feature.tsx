import type { ActivityPatch } from '../../shared/api/activities';
import type { ProcessorPatch } from '../../shared/api/processors';
import { defineFeature, type LabelContext } from '../app/feature';
import { processorsTexts } from './i18n';
import { ProcessorRegistry } from './ProcessorRegistry';
import { RecordsOfProcessing } from './RecordsOfProcessing';

/** The form labels of the fields a change touched, as the editors name them. */
const fields = (patch: ProcessorPatch | ActivityPatch, section: 'processors' | 'records', { t }: LabelContext) =>
  Object.keys(patch)
    .map((field) => t(`${section}.${field}`, { defaultValue: field }))
    .join(', ');

/** The processor and third-party registry, and the records of processing that link to it. */
export const processorsFeature = defineFeature({
  namespace: 'processors',
  texts: processorsTexts,
  routes: [
    { path: '/processors', element: <ProcessorRegistry /> },
    { path: '/records', element: <RecordsOfProcessing /> },
  ],
  nav: [
    { path: '/processors', label: 'nav.processors', order: 20 },
    { path: '/records', label: 'nav.records', order: 30 },
  ],
  invalidates: { processor: [['processor']], activity: [['activity']] },
  conflicts: {
    processor: {
      create: (args, { t }) => t('change.createProcessor', { name: args.legalName }),
      update: (args, context) => context.t('change.updateProcessor', { fields: fields(args, 'processors', context) }),
    },
    activity: {
      create: (args, { t }) => t('change.createActivity', { name: args.name }),
      update: (args, context) => context.t('change.updateActivity', { fields: fields(args, 'records', context) }),
    },
  },
  actions: [],
});
