import { defineFeature } from '../app/feature';
import { settingsTexts } from './i18n';
import { SettingsPage } from './SettingsPage';

/** How this controller counts deadlines, its letter templates and how long closed requests stay on this computer. */
export const settingsFeature = defineFeature({
  namespace: 'settings',
  texts: settingsTexts,
  routes: [{ path: '/settings', element: <SettingsPage /> }],
  nav: [{ path: '/settings', label: 'settings.title', order: 90 }],
  invalidates: { template: [['templates']] },
  conflicts: {
    template: { save: (args, { t }) => t('templates.conflict', { note: args.note || '—' }) },
  },
  actions: [],
});
