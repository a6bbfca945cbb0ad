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
