import type { DataCategory } from '../../shared/api/dsar-workflow';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'address';
interface Field {
  type: FieldType;
  nullable?: boolean;
  de: string;
  en: string;
}
interface Category {
  de: string;
  en: string;
  fields: Record<string, Field>;
}

const f = (type: FieldType, de: string, en: string, nullable = false): Field => ({ type, de, en, nullable });

/**
 * What each file of a data copy contains, field by field, in German and English: the package's README and its
 * `schema.json` (JSON Schema 2020-12) are written from this, so the copy documents itself (Art. 15(3), 20(1)).
 */
export const packageSchema: Record<DataCategory, Category> = {
  account: {
    de: 'Konto',
    en: 'Account',
    fields: {
      userId: f('string', 'Kennung des Kontos', 'account identifier'),
      name: f('string', 'Name', 'name'),
      displayName: f('string', 'Anzeigename im Forum', 'name shown in the forum'),
      email: f('string', 'E-Mail-Adresse', 'e-mail address'),
      birthDate: f('date', 'Geburtsdatum, falls angegeben', 'date of birth, if given', true),
      address: f('address', 'Postanschrift (Straße, PLZ, Ort, Land)', 'postal address (street, postcode, city, country)', true),
      language: f('string', 'Sprache (de, en)', 'language (de, en)'),
      registeredAt: f('date-time', 'registriert am (UTC)', 'registered at (UTC)'),
    },
  },
  enrolments: {
    de: 'Kursbuchungen',
    en: 'Enrolments',
    fields: {
      course: f('string', 'Kurs', 'course'),
      enrolledAt: f('date-time', 'eingeschrieben am (UTC)', 'enrolled at (UTC)'),
      status: f('string', 'Stand: active (laufend) oder completed (abgeschlossen)', 'state: active or completed'),
    },
  },
  lesson_progress: {
    de: 'Lernfortschritt',
    en: 'Lesson progress',
    fields: {
      course: f('string', 'Kurs', 'course'),
      lesson: f('integer', 'Lektion', 'lesson'),
      progressPercent: f('integer', 'bearbeitet in Prozent', 'completed, in per cent'),
      lastViewedAt: f('date-time', 'zuletzt angesehen (UTC)', 'last viewed (UTC)'),
    },
  },
  quiz_results: {
    de: 'Quiz-Ergebnisse',
    en: 'Quiz results',
    fields: {
      course: f('string', 'Kurs', 'course'),
      quiz: f('string', 'Quiz', 'quiz'),
      score: f('integer', 'erreichte Punkte', 'points scored'),
      maxScore: f('integer', 'mögliche Punkte', 'points possible'),
      takenAt: f('date-time', 'abgelegt am (UTC)', 'taken at (UTC)'),
    },
  },
  submissions: {
    de: 'Einreichungen',
    en: 'Submissions',
    fields: {
      course: f('string', 'Kurs', 'course'),
      title: f('string', 'Aufgabe', 'assignment'),
      submittedAt: f('date-time', 'eingereicht am (UTC)', 'submitted at (UTC)'),
      file: f('string', 'eingereichte Datei', 'file submitted'),
      grade: f('string', 'Bewertung', 'grade', true),
      feedback: f('string', 'Rückmeldung der Lehrkraft', "the instructor's feedback", true),
    },
  },
  forum_posts: {
    de: 'Forenbeiträge',
    en: 'Forum posts',
    fields: {
      course: f('string', 'Kurs', 'course'),
      thread: f('string', 'Thema', 'thread'),
      postedAt: f('date-time', 'geschrieben am (UTC)', 'posted at (UTC)'),
      text: f('string', 'Text des Beitrags', 'text of the post'),
      authorShownAs: f('string', 'angezeigter Name', 'name shown'),
    },
  },
  payments: {
    de: 'Zahlungen',
    en: 'Payments',
    fields: {
      paidAt: f('date-time', 'bezahlt am (UTC)', 'paid at (UTC)'),
      amount: f('number', 'Betrag', 'amount'),
      currency: f('string', 'Währung', 'currency'),
      method: f('string', 'Zahlart', 'payment method'),
      cardLast4: f('string', 'letzte vier Ziffern der Karte', 'last four digits of the card'),
      invoice: f('string', 'Rechnungsnummer', 'invoice number'),
    },
  },
  invoices: {
    de: 'Rechnungen',
    en: 'Invoices',
    fields: {
      number: f('string', 'Rechnungsnummer', 'invoice number'),
      issuedOn: f('date', 'Rechnungsdatum', 'date of issue'),
      item: f('string', 'Leistung', 'item'),
      net: f('number', 'netto', 'net'),
      vat: f('number', 'Umsatzsteuer (19 %)', 'VAT (19 %)'),
      gross: f('number', 'brutto', 'gross'),
      currency: f('string', 'Währung', 'currency'),
      billingName: f('string', 'Rechnungsempfänger', 'billed to'),
      billingAddress: f('address', 'Rechnungsanschrift', 'billing address', true),
    },
  },
  messages: {
    de: 'Nachrichten an den Support',
    en: 'Messages to support',
    fields: {
      subject: f('string', 'Betreff', 'subject'),
      sentAt: f('date-time', 'gesendet am (UTC)', 'sent at (UTC)'),
      text: f('string', 'Ihre Nachricht', 'your message'),
      answeredAt: f('date-time', 'beantwortet am (UTC)', 'answered at (UTC)'),
      answer: f('string', 'Antwort des Supports', "support's answer"),
    },
  },
  preferences: {
    de: 'Einstellungen',
    en: 'Preferences',
    fields: {
      language: f('string', 'Sprache', 'language'),
      newsletter: f('boolean', 'Newsletter abonniert', 'newsletter subscribed'),
      processingRestricted: f('boolean', 'Verarbeitung eingeschränkt (Art. 18 DSGVO)', 'processing restricted (Art. 18 GDPR)'),
      objections: f('string', 'Widersprüche (Art. 21 DSGVO), durch Komma getrennt', 'objections (Art. 21 GDPR), comma-separated'),
    },
  },
  login_history: {
    de: 'Anmeldungen (14 Monate)',
    en: 'Sign-ins (14 months)',
    fields: {
      signedInAt: f('date-time', 'angemeldet am (UTC)', 'signed in at (UTC)'),
      ipAddress: f('string', 'IP-Adresse', 'IP address'),
      client: f('string', 'Browser oder App', 'browser or app'),
    },
  },
};

const addressFields = ['street', 'postalCode', 'city', 'country'] as const;

function jsonType(field: Field): Record<string, unknown> {
  const base: Record<string, unknown> =
    field.type === 'address'
      ? {
          type: 'object',
          properties: Object.fromEntries(addressFields.map((name) => [name, { type: 'string' }])),
          required: [...addressFields],
          additionalProperties: false,
        }
      : field.type === 'date' || field.type === 'date-time'
        ? { type: 'string', format: field.type }
        : { type: field.type };
  const typed = field.nullable ? { anyOf: [base, { type: 'null' }] } : base;
  return { ...typed, description: `${field.de} / ${field.en}` };
}

/** The JSON Schema of every `json/<category>.json` file of a copy. */
export function packageJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'schema.json',
    title: 'Datenkopie / copy of your data',
    $defs: Object.fromEntries(
      Object.entries(packageSchema).map(([category, c]) => [
        category,
        {
          title: `${c.de} / ${c.en}`,
          type: 'object',
          required: ['category', 'items'],
          properties: {
            category: { const: category },
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', ...Object.keys(c.fields)],
                additionalProperties: false,
                properties: {
                  id: { type: 'string', description: 'Kennung des Eintrags / record identifier' },
                  ...Object.fromEntries(Object.entries(c.fields).map(([name, field]) => [name, jsonType(field)])),
                },
              },
            },
          },
        },
      ]),
    ),
  };
}

/** The CSV columns of a category: nested fields (addresses) flattened to `address.street` etc. */
export function csvColumns(category: DataCategory): string[] {
  return [
    'id',
    ...Object.entries(packageSchema[category].fields).flatMap(([name, field]) =>
      field.type === 'address' ? addressFields.map((part) => `${name}.${part}`) : [name],
    ),
  ];
}

/** The README's description of the files, in both languages. */
export function packageReadme(categories: readonly DataCategory[]): string {
  const section = (locale: 'de' | 'en') =>
    categories
      .map((category) => {
        const c = packageSchema[category];
        const lines = Object.entries(c.fields).map(([name, field]) => `  - ${name}: ${field[locale]}`);
        return `json/${category}.json, csv/${category}.csv – ${c[locale]}\n${lines.join('\n')}`;
      })
      .join('\n\n');
  return [
    'INHALT',
    'Diese Kopie enthält Ihre Daten je Kategorie als JSON (maschinenlesbar, Schema in schema.json) und als CSV (UTF-8, Semikolon, für Tabellenprogramme). Zeitangaben in UTC.',
    '',
    section('de'),
    '',
    'CONTENTS',
    'This copy contains your data per category as JSON (machine-readable, schema in schema.json) and as CSV (UTF-8, semicolon, for spreadsheets). Times in UTC.',
    '',
    section('en'),
  ].join('\n');
}
