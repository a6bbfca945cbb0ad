import type { DataCategory } from '../api/dsar-workflow';

/**
 * The platform's data categories as the registry names them (records of processing, processors), so the
 * processors to tell under Art. 19 and the Art. 15(1) information follow from what a job touched.
 */
export const registryCategories: Record<DataCategory, readonly string[]> = {
  account: [
    'Name',
    'E-Mail-Adresse',
    'Passwort (gehasht)',
    'Geburtsdatum (optional)',
    'Bildungsstufe (optional)',
    'Kontodaten',
    'Anzeigename',
  ],
  enrolments: ['Lernfortschritt'],
  lesson_progress: ['Lernfortschritt'],
  quiz_results: ['Quizantworten', 'Prüfungsergebnisse'],
  submissions: ['Einreichungen'],
  forum_posts: ['Forenbeiträge', 'Anzeigename'],
  payments: ['Transaktionsdaten', 'Zahlungsdaten (beim Zahlungsdienstleister)'],
  invoices: ['Rechnungsdaten'],
  messages: ['Kommunikationsinhalte'],
  preferences: ['Nutzungsdaten'],
  login_history: ['IP-Adresse', 'gekürzte IP-Adressen', 'Geräte- und Browserdaten', 'Nutzungsdaten'],
};

/** Categories a request touches, by type: all of them for erasure, the account for rectification. */
export function affectedCategories(type: 'erasure' | 'rectification' | 'restriction'): DataCategory[] {
  if (type === 'rectification') return ['account'];
  return Object.keys(registryCategories) as DataCategory[];
}

/** Everything the registry calls these categories, without repeats. */
export function registryNamesOf(categories: readonly DataCategory[]): string[] {
  return [...new Set(categories.flatMap((c) => registryCategories[c]))];
}

/** The subject categories of a platform user, as the records of processing name them. */
export const platformSubjectCategories = ['Lernende', 'Kundinnen und Kunden', 'Besucherinnen und Besucher'];
