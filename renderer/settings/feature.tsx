import { defineFeature } from '../app/feature';
import { lazyScreen } from '../app/lazy-screen';
import { settingsTexts } from './i18n';

/** How this controller counts deadlines, its letter templates and how long closed requests stay on this computer. */
export const settingsFeature = defineFeature({
  namespace: 'settings',
  texts: settingsTexts,
  routes: [{ path: '/settings', element: lazyScreen(() => import('./SettingsPage'), 'SettingsPage') }],
  nav: [{ path: '/settings', label: 'settings.title', order: 90 }],
  invalidates: { template: [['templates']] },
  conflicts: {
    template: { save: (args, { t }) => t('templates.conflict', { note: args.note || '—' }) },
  },
  actions: [],
});
