import { labels as enumLabels, type LabelLanguage } from '../../shared/domain/labels';
import type { RecordEntry } from '../../shared/domain/records';

export type ExportLanguage = LabelLanguage;

/** The export's own texts: it is read by an authority, outside the app, in German or English. */
export const exportLabels = {
  de: {
    title: 'Verzeichnis von Verarbeitungstätigkeiten',
    subtitle: 'nach Art. 30 Abs. 1 DSGVO',
    controller: '(a) Verantwortlicher',
    dpo: '(a) Datenschutzbeauftragte(r)',
    exportedAt: 'Stand',
    activity: 'Verarbeitungstätigkeit',
    purpose: '(b) Zweck',
    legalBasis: 'Rechtsgrundlage',
    interest: 'Berechtigtes Interesse',
    art9: 'Ausnahme nach Art. 9 Abs. 2',
    subjects: '(c) Kategorien betroffener Personen',
    data: '(c) Kategorien personenbezogener Daten',
    recipients: '(d) Empfänger',
    transfers: '(e) Übermittlungen in Drittländer und Garantien',
    noTransfers: 'keine',
    retention: '(f) Löschfristen',
    toms: '(g) Technische und organisatorische Maßnahmen (Art. 32 Abs. 1)',
    tia: 'Transfer-Folgenabschätzung',
    page: 'Seite',
    module: 'Modul',
    representative: '(a) Vertreter in der Union (Art. 27)',
    jointControllers: '(a) Gemeinsam Verantwortliche (Art. 26)',
    otherRecipient: 'Empfänger außerhalb des Verzeichnisses',
    catalogue: 'Maßnahmenkatalog',
    seeCatalogue: 'siehe Maßnahmenkatalog {n} im Anhang',
    plus: 'zusätzlich',
    annex: 'Anhang: Technische und organisatorische Maßnahmen',
    annexIntro: 'Kataloge, die mehrere Verarbeitungstätigkeiten gleichlautend nennen; dort wird auf sie verwiesen.',
    state: 'Stand des Eintrags',
    version: 'Version',
    reviewed: 'zuletzt geprüft',
    notReviewed: 'noch nicht geprüft',
    history: 'Änderungsverlauf',
    created: 'angelegt',
    earlier: 'ältere Änderungen im Protokoll der Plattform',
  },
  en: {
    title: 'Records of processing activities',
    subtitle: 'under Art. 30(1) GDPR',
    controller: '(a) Controller',
    dpo: '(a) Data protection officer',
    exportedAt: 'As of',
    activity: 'Processing activity',
    purpose: '(b) Purpose',
    legalBasis: 'Legal basis',
    interest: 'Legitimate interest',
    art9: 'Art. 9(2) ground',
    subjects: '(c) Categories of data subjects',
    data: '(c) Categories of personal data',
    recipients: '(d) Recipients',
    transfers: '(e) Transfers to third countries and safeguards',
    noTransfers: 'none',
    retention: '(f) Erasure time limits',
    toms: '(g) Technical and organisational measures (Art. 32(1))',
    tia: 'Transfer impact assessment',
    page: 'Page',
    module: 'module',
    representative: '(a) Representative in the Union (Art. 27)',
    jointControllers: '(a) Joint controllers (Art. 26)',
    otherRecipient: 'recipient outside the registry',
    catalogue: 'Catalogue of measures',
    seeCatalogue: 'see catalogue of measures {n} in the annex',
    plus: 'in addition',
    annex: 'Annex: technical and organisational measures',
    annexIntro: 'Catalogues that several processing activities name word for word; the activities refer to them.',
    state: 'State of the entry',
    version: 'version',
    reviewed: 'last reviewed',
    notReviewed: 'not reviewed yet',
    history: 'History of changes',
    created: 'created',
    earlier: 'earlier changes in the platform audit log',
  },
} as const;

export type Labels = (typeof exportLabels)[ExportLanguage];

/** The legal basis of an entry with its legitimate interest and Art. 9(2) ground, in the label table's words. */
export function basisLines(entry: RecordEntry, labels: Labels, language: ExportLanguage): string[] {
  const names = enumLabels[language];
  return [
    names.legalBasis[entry.legalBasis],
    entry.legitimateInterest && `${labels.interest}: ${entry.legitimateInterest}`,
    entry.art9Ground && `${labels.art9}: ${names.art9Ground[entry.art9Ground]}`,
  ].filter((line): line is string => Boolean(line));
}

/** Art. 30(1)(e): each transfer to a third country with its safeguard, named as everywhere else. */
export function transferLines(entry: RecordEntry, labels: Labels, language: ExportLanguage, day: (value: string) => string): string[] {
  const mechanism = enumLabels[language].transferMechanism;
  return entry.transfers.map((t) => {
    const safeguard = t.mechanism === 'scc' ? `${mechanism.scc}, ${labels.module} ${t.sccModule ?? '?'}` : mechanism[t.mechanism];
    return `${t.recipient} → ${t.countries.join(', ')}: ${safeguard}${t.tiaDate ? `; ${labels.tia} ${day(t.tiaDate)}` : ''}`;
  });
}

/** Art. 30(1)(d): a recipient with its role in the export's language and the countries it processes in. */
export function recipientLine(recipient: RecordEntry['recipients'][number], labels: Labels, language: ExportLanguage): string {
  const role = recipient.role === 'other' ? labels.otherRecipient : enumLabels[language].processorRole[recipient.role];
  return `${recipient.name} (${[role, ...recipient.countries].join(', ')})`;
}

/** The fields of an entry as its history names them, in the export's language. */
export const activityFieldNames: Record<LabelLanguage, Record<string, string>> = {
  de: {
    name: 'Bezeichnung',
    purpose: 'Zweck',
    legalBasis: 'Rechtsgrundlage',
    legitimateInterest: 'berechtigtes Interesse',
    specialCategories: 'besondere Kategorien',
    art9Ground: 'Ausnahme nach Art. 9',
    dataCategories: 'Datenkategorien',
    subjectCategories: 'Kategorien betroffener Personen',
    recipientIds: 'Empfänger',
    otherRecipients: 'weitere Empfänger',
    transferNote: 'Drittlandübermittlung',
    retention: 'Löschfristen',
    toms: 'TOM',
    reviewedAt: 'Prüfdatum',
  },
  en: {
    name: 'name',
    purpose: 'purpose',
    legalBasis: 'legal basis',
    legitimateInterest: 'legitimate interest',
    specialCategories: 'special categories',
    art9Ground: 'Art. 9 ground',
    dataCategories: 'data categories',
    subjectCategories: 'categories of data subjects',
    recipientIds: 'recipients',
    otherRecipients: 'other recipients',
    transferNote: 'third-country transfers',
    retention: 'erasure time limits',
    toms: 'TOMs',
    reviewedAt: 'review date',
  },
};
