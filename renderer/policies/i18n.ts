import type { Catalogue } from '../i18n/catalogue';

/** The policy versions' texts. German is the reference; English must have every key. */
const de = {
  change: {
    draft: 'Neue Fassung von „{{title}}“ entwerfen',
    edit: 'Fassung ändern',
    submit: 'Zur Prüfung geben',
    approve: 'Freigeben',
    schedule: 'Veröffentlichung planen',
  },
};

const en: Catalogue<typeof de> = {
  change: {
    draft: 'Draft a new version of “{{title}}”',
    edit: 'Change the version',
    submit: 'Submit for review',
    approve: 'Approve',
    schedule: 'Schedule publishing',
  },
};

export const policiesTexts = { de, en };
