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
export function transferLines(entry: RecordEntry, labels: Labels, language: ExportLanguage): string[] {
  const mechanism = enumLabels[language].transferMechanism;
  return entry.transfers.map((t) => {
    const safeguard = t.mechanism === 'scc' ? `${mechanism.scc}, ${labels.module} ${t.sccModule ?? '?'}` : mechanism[t.mechanism];
    return `${t.recipient} → ${t.countries.join(', ')}: ${safeguard}${t.tiaDate ? `; ${labels.tia} ${t.tiaDate}` : ''}`;
  });
}
