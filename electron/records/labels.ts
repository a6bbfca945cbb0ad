import type { RecordEntry } from '../../shared/domain/records';

export type ExportLanguage = 'de' | 'en';

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
    basis: {
      art6_1_a: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)',
      art6_1_b: 'Art. 6 Abs. 1 lit. b DSGVO (Vertrag)',
      art6_1_c: 'Art. 6 Abs. 1 lit. c DSGVO (rechtliche Verpflichtung)',
      art6_1_d: 'Art. 6 Abs. 1 lit. d DSGVO (lebenswichtige Interessen)',
      art6_1_e: 'Art. 6 Abs. 1 lit. e DSGVO (öffentliche Aufgabe)',
      art6_1_f: 'Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse)',
    },
    mechanism: {
      none: 'keine Garantie erfasst',
      adequacy: 'Angemessenheitsbeschluss (Art. 45 DSGVO)',
      scc: 'Standardvertragsklauseln 2021/914 (Art. 46 Abs. 2 lit. c DSGVO), Modul',
      bcr: 'Verbindliche interne Datenschutzvorschriften (Art. 47 DSGVO)',
      art49: 'Ausnahme nach Art. 49 DSGVO',
    },
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
    basis: {
      art6_1_a: 'Art. 6(1)(a) GDPR (consent)',
      art6_1_b: 'Art. 6(1)(b) GDPR (contract)',
      art6_1_c: 'Art. 6(1)(c) GDPR (legal obligation)',
      art6_1_d: 'Art. 6(1)(d) GDPR (vital interests)',
      art6_1_e: 'Art. 6(1)(e) GDPR (public task)',
      art6_1_f: 'Art. 6(1)(f) GDPR (legitimate interests)',
    },
    mechanism: {
      none: 'no safeguard recorded',
      adequacy: 'Adequacy decision (Art. 45 GDPR)',
      scc: 'Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR), module',
      bcr: 'Binding corporate rules (Art. 47 GDPR)',
      art49: 'Derogation under Art. 49 GDPR',
    },
  },
} as const;

export type Labels = (typeof exportLabels)[ExportLanguage];

export function transferLines(entry: RecordEntry, labels: Labels): string[] {
  return entry.transfers.map((t) => {
    const safeguard = t.mechanism === 'scc' ? `${labels.mechanism.scc} ${t.sccModule ?? '?'}` : labels.mechanism[t.mechanism];
    return `${t.recipient} → ${t.countries.join(', ')}: ${safeguard}${t.tiaDate ? `; ${labels.tia} ${t.tiaDate}` : ''}`;
  });
}
