import type { IncidentPatch } from '../../shared/api/breaches';
import { defineFeature } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { breachesTexts } from './i18n';
import { incidentTabs } from './incident-tabs';

/** The breach register: incidents, playbooks, the 72-hour clock, severity by ENISA, reports and notices. */
export const breachesFeature = defineFeature({
  namespace: 'breaches',
  texts: breachesTexts,
  routes: [
    { path: '/breaches', element: lazyScreen(() => import('./BreachRegister'), 'BreachRegister') },
    { path: '/breaches/playbooks', element: lazyScreen(() => import('./PlaybookEditor'), 'PlaybookEditor') },
  ],
  nav: [{ path: '/breaches', label: 'nav', order: 15 }],
  invalidates: { incident: [['incident']], playbook: [['playbook']], notice: [['notice']] },
  conflicts: {
    incident: {
      create: (args, { t }) => t('change.create', { title: args.title }),
      update: (args, { t }) =>
        t('change.update', {
          fields: (Object.keys(args as IncidentPatch) as (keyof IncidentPatch)[]).map((field) => t(`field.${field}`)).join(', '),
        }),
      assess: (_, { t }) => t('change.assess'),
      decide: (_, { t }) => t('change.decide'),
      setStatus: (args, { t, labels }) => t('change.setStatus', { status: labels.incidentStatus[args.status] }),
      setAftermath: (_, { t }) => t('change.setAftermath'),
      tickTask: (args, { t }) => t('change.tickTask', { key: args.key }),
      submitReport: (args, { t, labels }) => t('change.submitReport', { phase: labels.reportPhase[args.phase] }),
      setReference: (args, { t }) => t('change.setReference', { reference: args.reference }),
      recordExemption: (_, { t }) => t('change.recordExemption'),
    },
    playbook: {
      save: (_, { t }) => t('change.savePlaybook'),
    },
    notice: {
      send: (_, { t }) => t('change.sendNotice'),
    },
    breachPolicy: {
      save: (args, { t, labels }) =>
        t('change.savePolicy', { authority: labels.severityBand[args.authorityFrom], subjects: labels.severityBand[args.subjectsFrom] }),
    },
  },
  actions: [
    { id: 'breaches.next', keys: ['ArrowDown', 'j'], label: 'keys.next', group: 'keys.register' },
    { id: 'breaches.previous', keys: ['ArrowUp', 'k'], label: 'keys.previous', group: 'keys.register' },
    { id: 'breaches.open', keys: ['Enter'], label: 'keys.open', group: 'keys.register' },
    { id: 'breaches.log', keys: ['N'], label: 'keys.log', group: 'keys.register' },
    ...incidentTabs.map((tab, index) => ({
      id: `incident.tab.${tab}`,
      keys: [String(index + 1)],
      label: `tabs.${tab}` as const,
      group: 'keys.incident' as const,
    })),
  ],
});
