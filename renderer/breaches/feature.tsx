import type { IncidentPatch } from '../../shared/api/breaches';
import { defineFeature } from '../app/feature';
import { BreachRegister } from './BreachRegister';
import { breachesTexts } from './i18n';

/** The breach register: incidents, the 72-hour clock, severity by ENISA, the decision on notification. */
export const breachesFeature = defineFeature({
  namespace: 'breaches',
  texts: breachesTexts,
  routes: [{ path: '/breaches', element: <BreachRegister /> }],
  nav: [{ path: '/breaches', label: 'nav', order: 15 }],
  invalidates: { incident: [['incident']] },
  conflicts: {
    incident: {
      create: (args, { t }) => t('change.create', { title: args.title }),
      update: (args, { t }) => t('change.update', { fields: Object.keys(args as IncidentPatch).join(', ') }),
      assess: (_, { t }) => t('change.assess'),
      decide: (_, { t }) => t('change.decide'),
      setStatus: (args, { t, labels }) => t('change.setStatus', { status: labels.incidentStatus[args.status] }),
    },
  },
  actions: [],
});
