import type { Catalogue } from '../i18n/catalogue';

/** The settings' texts: how deadlines are counted. German is the reference; English must have every key. */
const de = {
  settings: { title: 'Einstellungen' },
  exports: {
    title: 'Exportprotokoll',
    explain: 'Jede Datei mit personenbezogenen Daten, die diese Konsole erzeugt hat (Rechenschaftspflicht, Art. 5 Abs. 2 DSGVO).',
    none: 'Noch nichts exportiert.',
    at: 'Zeitpunkt',
    kind: 'Inhalt',
    file: 'Datei und SHA-256',
    by: 'Von',
  },
  retention: {
    title: 'Speicherbegrenzung in dieser Konsole',
    explain:
      'Abgeschlossene Anfragen verlassen den lokalen Speicher dieses Rechners so viele Monate nach ihrer letzten Änderung (Art. 5 Abs. 1 lit. e DSGVO). Die Plattform behält ihren Datensatz; wird eine solche Anfrage aufgerufen oder per Kennung gesucht, lädt die Konsole sie wieder.',
    months: 'Monate nach dem Abschluss',
    invalid: 'Zwischen 1 und 120 Monaten.',
    save: 'Speichern',
    saved_one: 'Gespeichert; {{count}} abgeschlossene Anfrage hat den lokalen Speicher verlassen.',
    saved_other: 'Gespeichert; {{count}} abgeschlossene Anfragen haben den lokalen Speicher verlassen.',
  },
  clock: {
    title: 'Fristberechnung',
    explain:
      'Fristen nach Art. 12 Abs. 3 DSGVO und VO 1182/71: Feiertage des Bundeslands, Zeitzone des Verantwortlichen. Eine Änderung berechnet alle Fristen neu.',
    region: 'Bundesland (Feiertage, Aufsichtsbehörde)',
    timeZone: 'Zeitzone',
    authority: 'Zuständige Aufsichtsbehörde (steht in Ablehnungsmitteilungen): {{name}}',
    pausePolicy: 'Ruht die Frist, während auf die Person gewartet wird?',
    policyHint: {
      none: 'Die Frist läuft ab Eingang ohne Unterbrechung.',
      identity: 'Die Zeit bis zur bestätigten Identität wird nicht mitgezählt (EDPB-Leitlinien 01/2022 zum Auskunftsrecht).',
      identity_and_clarification: 'Auch die Zeit bis zur Antwort auf eine Rückfrage wird nicht mitgezählt.',
    },
    pauseWarning: 'Eingang und Bestätigung werden beide festgehalten; die Frist lässt sich für Prüfungen jederzeit ohne Pause nachrechnen.',
    save: 'Speichern und Fristen neu berechnen',
    saved_one: 'Gespeichert; alle Fristen neu berechnet, {{count}} hat sich verschoben.',
    saved_other: 'Gespeichert; alle Fristen neu berechnet, {{count}} haben sich verschoben.',
  },
};

const en: Catalogue<typeof de> = {
  settings: { title: 'Settings' },
  exports: {
    title: 'Export log',
    explain: 'Every file with personal data this console produced (accountability, Art. 5(2) GDPR).',
    none: 'Nothing exported yet.',
    at: 'When',
    kind: 'Content',
    file: 'File and SHA-256',
    by: 'By',
  },
  retention: {
    title: 'Storage limitation in this console',
    explain:
      'Closed requests leave this computer’s storage this many months after their last change (Art. 5(1)(e) GDPR). The platform keeps its record; when such a request is opened or searched for by its id, the console loads it again.',
    months: 'Months after closing',
    invalid: 'Between 1 and 120 months.',
    save: 'Save',
    saved_one: 'Saved; {{count}} closed request left the local storage.',
    saved_other: 'Saved; {{count}} closed requests left the local storage.',
  },
  clock: {
    title: 'Deadlines',
    explain:
      'Periods under Art. 12(3) GDPR and Reg. 1182/71: the Land’s public holidays, the controller’s time zone. A change recomputes every deadline.',
    region: 'German Land (holidays, supervisory authority)',
    timeZone: 'Time zone',
    authority: 'Competent supervisory authority (named in denial notices): {{name}}',
    pausePolicy: 'Does the period rest while waiting for the person?',
    policyHint: {
      none: 'The period runs from receipt without interruption.',
      identity: 'The time until identity is confirmed is not counted (EDPB Guidelines 01/2022 on the right of access).',
      identity_and_clarification: 'The time until a question is answered is not counted either.',
    },
    pauseWarning: 'Receipt and confirmation are both recorded; the deadline can be recomputed without pauses for any audit.',
    save: 'Save and recompute deadlines',
    saved_one: 'Saved; every deadline recomputed, {{count}} moved.',
    saved_other: 'Saved; every deadline recomputed, {{count}} moved.',
  },
};

export const settingsTexts = { de, en };
