import type { IncidentPatch } from '../../shared/api/breaches';
import { defineFeature } from '../app/feature';
import { BreachRegister } from './BreachRegister';
import { breachesTexts } from './i18n';
import { PlaybookEditor } from './PlaybookEditor';

/** The breach register: incidents, playbooks, the 72-hour clock, severity by ENISA, reports and notices. */
export const breachesFeature = defineFeature({
  namespace: 'breaches',
  texts: breachesTexts,
  routes: [
    { path: '/breaches', element: <BreachRegister /> },
    { path: '/breaches/playbooks', element: <PlaybookEditor /> },
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
  actions: [],
});
