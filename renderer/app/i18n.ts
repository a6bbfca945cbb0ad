import type { Catalogue } from '../i18n/catalogue';
import { problemTexts } from './problem-texts';

/** The shell's texts: title, navigation, sync state, conflicts, common buttons. German is the reference; English must have every key. */
const de = {
  app: {
    title: 'Privacy Console',
    navigation: 'Navigation',
    language: 'Sprache',
    demo: 'Demo-Arbeitsbereich',
    signedInAs: 'Angemeldet als {{name}}',
    connectionLost: 'Die Verbindung zur Konsole ist abgebrochen. Bitte die Konsole neu starten und die angezeigte Adresse öffnen.',
    startFailed: 'Die Konsole konnte nicht verbunden werden',
  },
  sync: {
    starting: 'Verbinde …',
    syncing: 'Synchronisiere …',
    online: 'Online',
    offline: 'Offline',
    lastSynced: 'Zuletzt synchronisiert: {{time}}',
    never: 'noch nie',
    pending_one: '{{count}} Änderung wartet',
    pending_other: '{{count}} Änderungen warten',
    conflicts_one: '{{count}} Konflikt',
    conflicts_other: '{{count}} Konflikte',
    syncNow: 'Jetzt synchronisieren',
    applied_one: '{{count}} Eintrag übernommen',
    applied_other: '{{count}} Einträge übernommen',
    offlineHint: 'Änderungen werden gespeichert und gesendet, sobald die Plattform erreichbar ist.',
  },
  conflicts: {
    title: 'Konflikte',
    none: 'Keine Konflikte.',
    stale: 'Zwischenzeitlich auf der Plattform geändert',
    rejected: 'Von der Plattform abgelehnt',
    intended: 'Ihre Änderung',
    reapply: 'Erneut anwenden',
    discard: 'Verwerfen',
    close: 'Schließen',
    explain:
      'Die Plattform hat den aktuellen Stand behalten. Ihre Änderung ist hier aufbewahrt und kann erneut angewendet oder verworfen werden.',
  },
  common: { cancel: 'Abbrechen', yes: 'ja', no: 'nein' },
  keys: {
    title: 'Tastaturkürzel',
    app: 'Überall',
    help: 'Diese Hilfe',
    explain: 'Kürzel wirken, solange kein Eingabefeld den Fokus hat; in einem offenen Dialog nur die des Dialogs.',
    inactive: 'hier gerade nicht verfügbar',
  },
  ...problemTexts.de,
};

const en: Catalogue<typeof de> = {
  app: {
    title: 'Privacy Console',
    navigation: 'Navigation',
    language: 'Language',
    demo: 'Demo workspace',
    signedInAs: 'Signed in as {{name}}',
    connectionLost: 'The connection to the console was lost. Restart the console and open the address it prints.',
    startFailed: 'Could not connect to the console',
  },
  sync: {
    starting: 'Connecting …',
    syncing: 'Syncing …',
    online: 'Online',
    offline: 'Offline',
    lastSynced: 'Last synced: {{time}}',
    never: 'never',
    pending_one: '{{count}} change waiting',
    pending_other: '{{count}} changes waiting',
    conflicts_one: '{{count}} conflict',
    conflicts_other: '{{count}} conflicts',
    syncNow: 'Sync now',
    applied_one: '{{count}} entry applied',
    applied_other: '{{count}} entries applied',
    offlineHint: 'Changes are kept and sent as soon as the platform can be reached.',
  },
  conflicts: {
    title: 'Conflicts',
    none: 'No conflicts.',
    stale: 'Changed on the platform in the meantime',
    rejected: 'Refused by the platform',
    intended: 'Your change',
    reapply: 'Re-apply',
    discard: 'Discard',
    close: 'Close',
    explain: 'The platform kept its current state. Your change is kept here and can be re-applied or discarded.',
  },
  common: { cancel: 'Cancel', yes: 'yes', no: 'no' },
  keys: {
    title: 'Keyboard shortcuts',
    app: 'Everywhere',
    help: 'This help',
    explain: 'Shortcuts work while no input field has the focus; in an open dialog only the dialog’s own.',
    inactive: 'not available here right now',
  },
  ...problemTexts.en,
};

export const commonTexts = { de, en };
