import { defineFeature } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { dsarTexts } from './i18n';
import { detailSteps } from './steps';

/** Data-subject requests: the queue, intake, the detail pane with the workflow, fulfilment and Art. 19. */
export const dsarFeature = defineFeature({
  namespace: 'dsar',
  texts: dsarTexts,
  routes: [{ path: '/requests', element: lazyScreen(() => import('./RequestQueue'), 'RequestQueue') }],
  nav: [{ path: '/requests', label: 'nav', order: 10 }],
  // A request's detail shows its jobs, the registry's Art. 19 recipients and the Art. 15 information.
  invalidates: { dsar: [['dsar']], job: [['dsar']], processor: [['dsar']], activity: [['dsar']] },
  conflicts: {
    dsar: {
      create: (args, { t }) => t('change.create', { name: args.subject.name }),
      assign: (args, { t, staffName }) =>
        args.assigneeId ? t('change.assign', { name: staffName(args.assigneeId) }) : t('change.unassign'),
      setPriority: (args, { t, labels }) => t('change.setPriority', { priority: labels.priority[args.priority] }),
      setTags: (args, { t }) => t('change.setTags', { tags: args.tags.join(', ') || '—' }),
      // A job names itself: "Start job: Erasure" reads as what the platform will do.
      act: (args, { t, labels }) =>
        args.type === 'start_job' ? t('change.startJob', { job: labels.jobKind[args.job] }) : t(`change.act.${args.type}`),
    },
  },
  actions: [
    { id: 'queue.next', keys: ['ArrowDown', 'j'], label: 'keys.next', group: 'keys.queue' },
    { id: 'queue.previous', keys: ['ArrowUp', 'k'], label: 'keys.previous', group: 'keys.queue' },
    { id: 'queue.open', keys: ['Enter'], label: 'keys.open', group: 'keys.queue' },
    { id: 'queue.assignToMe', keys: ['m'], label: 'keys.assignToMe', group: 'keys.queue' },
    { id: 'queue.unassign', keys: ['u'], label: 'keys.unassign', group: 'keys.queue' },
    { id: 'queue.search', keys: ['/'], label: 'keys.search', group: 'keys.queue' },
    { id: 'queue.sync', keys: ['r'], label: 'keys.sync', group: 'keys.queue' },
    { id: 'queue.intake', keys: ['N'], label: 'keys.intake', group: 'keys.queue' },
    { id: 'detail.close', keys: ['Escape'], label: 'keys.close', group: 'keys.detail' },
    { id: 'detail.wide', keys: ['W'], label: 'keys.wide', group: 'keys.detail' },
    ...detailSteps.map(([step, key]) => ({
      id: `detail.${step}`,
      keys: [key],
      label: `detail.action.${step}` as const,
      group: 'keys.detail' as const,
    })),
    { id: 'detail.startJob', keys: ['f'], label: 'keys.startJob', group: 'keys.detail' },
  ],
});
