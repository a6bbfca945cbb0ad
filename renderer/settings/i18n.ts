import type { Catalogue } from '../i18n/catalogue';

/** The settings' texts: how deadlines are counted. German is the reference; English must have every key. */
const de = {
  settings: { title: 'Einstellungen' },
  templates: {
    title: 'Vorlagen für Nachrichten und Briefe',
    explain:
      'Der Text um jede Nachricht an betroffene Personen, je Sprache, mit Versionen. Was ein Schreiben von Gesetzes wegen enthalten muss (Gründe, Aufsichtsbehörde und Rechtsbehelf, neue Frist, nicht gelöschte oder zurückgehaltene Daten), setzt die Konsole beim Senden aus dem Schritt zusammen – es steht nicht in der Vorlage und kann nicht entfernt werden.',
    version: 'Version {{version}}',
    pending: 'Wartet auf die Plattform',
    language: 'Sprache',
    message: 'Nachricht',
    subject: 'Betreff',
    body: 'Text',
    signature: 'Grußformel und Unterschrift (alle Nachrichten dieser Sprache)',
    signatureHint: '{{placeholder}} wird zum Namen des Verantwortlichen.',
    placeholders: 'Platzhalter:',
    mustKeep: 'Muss in dieser Vorlage bleiben: {{list}}',
    preview: 'Vorschau mit Beispieldaten',
    sampleController: 'Lernwerk Akademie GmbH',
    parts: {
      acknowledgement: '',
      identity_request: '',
      clarification_request: '',
      extension_notice: 'Hier fügt die Konsole beim Senden ein: die Gründe der Verlängerung und die neue Frist.',
      completion:
        'Hier fügt die Konsole beim Senden ein, wo es zutrifft: nicht gelöschte Daten mit Rechtsgrundlage und Frist, zurückgehaltene Angaben mit Grund, das Ergebnis „keine Daten“, Beschwerderecht und Rechtsbehelf.',
      denial:
        'Hier fügt die Konsole beim Senden ein: die Gründe, die zuständige Aufsichtsbehörde (Art. 77) und den gerichtlichen Rechtsbehelf (Art. 79).',
    },
    note: 'Anlass der Änderung',
    notePlaceholder: 'z. B. neue Anschrift des Datenschutzteams',
    reset: 'Verwerfen',
    save: 'Als neue Version speichern',
    saved: 'Vorlagen gespeichert.',
    history: 'Frühere Versionen ({{count}})',
    versionColumn: 'Version',
    savedAt: 'Gespeichert',
    savedBy: 'Von',
    platform: 'Plattform (Standard)',
    current: 'aktuell',
    restore: 'In den Editor laden',
    discardTitle: 'Änderungen verwerfen?',
    discard: 'Die ungespeicherten Änderungen an den Vorlagen dieser Sprache gehen verloren.',
    discardConfirm: 'Verwerfen',
    conflict: 'Vorlagen speichern (Anlass: {{note}})',
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
  templates: {
    title: 'Message and letter templates',
    explain:
      'The text around every message to data subjects, per language, with versions. What the law requires a letter to say (reasons, supervisory authority and remedy, the new date, data not erased or withheld) the console composes from the step when it is sent: it is not in the template and cannot be removed.',
    version: 'Version {{version}}',
    pending: 'Waiting for the platform',
    language: 'Language',
    message: 'Message',
    subject: 'Subject',
    body: 'Text',
    signature: 'Closing and signature (every message in this language)',
    signatureHint: '{{placeholder}} becomes the name of the controller.',
    placeholders: 'Placeholders:',
    mustKeep: 'Must stay in this template: {{list}}',
    preview: 'Preview with sample data',
    sampleController: 'Lernwerk Akademie GmbH',
    parts: {
      acknowledgement: '',
      identity_request: '',
      clarification_request: '',
      extension_notice: 'Here the console adds when sending: the reasons for the extension and the new date.',
      completion:
        'Here the console adds when sending, where they apply: data not erased with their legal basis and date, items withheld with their ground, the "no data" outcome, the right to complain and the judicial remedy.',
      denial:
        'Here the console adds when sending: the reasons, the competent supervisory authority (Art. 77) and the judicial remedy (Art. 79).',
    },
    note: 'Reason for the change',
    notePlaceholder: 'e.g. new address of the privacy team',
    reset: 'Discard',
    save: 'Save as a new version',
    saved: 'Templates saved.',
    history: 'Earlier versions ({{count}})',
    versionColumn: 'Version',
    savedAt: 'Saved',
    savedBy: 'By',
    platform: 'Platform (default)',
    current: 'current',
    restore: 'Load into the editor',
    discardTitle: 'Discard the changes?',
    discard: "The unsaved changes to this language's templates will be lost.",
    discardConfirm: 'Discard',
    conflict: 'Save the templates (reason: {{note}})',
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
