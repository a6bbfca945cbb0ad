import type { Locale } from '../../shared/api/dsar-workflow';
import type { Article15Information } from '../../shared/domain/registry-queries';
import { isEea } from '../../shared/domain/transfers';

const legalBasisText = (basis: string) => basis.replace(/^art6_1_([a-f])$/, 'Art. 6(1)($1)');
const mechanismText: Record<string, Record<string, string>> = {
  de: {
    adequacy: 'Angemessenheitsbeschluss',
    scc: 'Standardvertragsklauseln',
    bcr: 'verbindliche interne Datenschutzvorschriften',
    art49: 'Art. 49 DSGVO',
  },
  en: { adequacy: 'adequacy decision', scc: 'standard contractual clauses', bcr: 'binding corporate rules', art49: 'Art. 49 GDPR' },
};

const words = {
  de: {
    title: 'Informationen nach Art. 15 Abs. 1 DSGVO',
    purposes: 'a) Verarbeitungszwecke und Rechtsgrundlagen',
    categories: 'b) Kategorien personenbezogener Daten',
    recipients: 'c) Empfänger und Kategorien von Empfängern',
    retention: 'd) Speicherdauer',
    rights: 'e) Ihre Rechte: Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18), Widerspruch (Art. 21).',
    complaint: 'f) Beschwerderecht bei einer Aufsichtsbehörde (Art. 77 DSGVO).',
    source: 'g) Herkunft: Die Daten stammen von Ihnen selbst und aus Ihrer Nutzung der Plattform.',
    automated: 'h) Eine automatisierte Entscheidungsfindung einschließlich Profiling (Art. 22) findet nicht statt.',
    transfer: 'Drittland',
    safeguard: 'Garantie',
    dpf: 'Angemessenheitsbeschluss zum EU-US Data Privacy Framework vom 10.07.2023; der Empfänger ist danach zertifiziert',
  },
  en: {
    title: 'Information under Art. 15(1) GDPR',
    purposes: '(a) Purposes of the processing and legal bases',
    categories: '(b) Categories of personal data',
    recipients: '(c) Recipients and categories of recipients',
    retention: '(d) Retention period',
    rights: '(e) Your rights: rectification (Art. 16), erasure (Art. 17), restriction (Art. 18), objection (Art. 21).',
    complaint: '(f) The right to lodge a complaint with a supervisory authority (Art. 77 GDPR).',
    source: '(g) Source: the data come from you and from your use of the platform.',
    automated: '(h) There is no automated decision-making, including profiling (Art. 22).',
    transfer: 'third country',
    safeguard: 'safeguard',
    dpf: 'adequacy decision on the EU-US Data Privacy Framework of 10 July 2023; the recipient is certified under it',
  },
} as const;

/** The Art. 15(1) information as plain text for the data package, in the subject's language. */
export function article15Text(info: Article15Information, locale: Locale): string {
  const w = words[locale];
  const lines = [w.title, '', w.purposes];
  for (const p of info.purposes) lines.push(`- ${p.activity}: ${p.purpose} (${legalBasisText(p.legalBasis)})`);
  lines.push('', w.categories, ...info.categories.map((c) => `- ${c}`), '', w.recipients);
  for (const r of info.recipients) {
    // Only third countries (outside the EU/EEA) are transfers under Chapter V.
    const abroad = r.countries.filter((c) => !isEea(c));
    // The US is adequate only for DPF-certified recipients: the letter names that ground, and claims none
    // while the certification is not confirmed.
    const usUnderAdequacy = r.mechanism === 'adequacy' && abroad.includes('US');
    const safeguard = usUnderAdequacy
      ? r.dpfCertified
        ? w.dpf
        : null
      : r.mechanism && r.mechanism !== 'none'
        ? mechanismText[locale][r.mechanism]
        : null;
    lines.push(
      `- ${r.name}${abroad.length ? ` (${w.transfer}: ${abroad.join(', ')}${safeguard ? `; ${w.safeguard}: ${safeguard}` : ''})` : ''}`,
    );
  }
  lines.push(
    '',
    w.retention,
    ...info.retention.map((r) => `- ${r.category}: ${r.period}`),
    '',
    w.rights,
    w.complaint,
    w.source,
    w.automated,
  );
  return `${lines.join('\n')}\n`;
}
