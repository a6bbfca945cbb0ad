import type { AuthorityReport } from '../../shared/api/breach-reports';
import { dateFormat } from '../../shared/domain/format';
import { labels } from '../../shared/domain/labels';
import { pdfDocument } from '../exports/pdf-document';

const texts = {
  de: {
    title: 'Meldung einer Verletzung des Schutzes personenbezogener Daten (Art. 33 DSGVO)',
    to: 'An',
    reference: 'Aktenzeichen der Behörde',
    noReference: 'noch nicht vergeben',
    submitted: 'Übermittelt am',
    controller: 'Verantwortlicher',
    contact: '(b) Datenschutzbeauftragter / Anlaufstelle',
    nature: '(a) Art der Verletzung',
    incident: 'Vorfall',
    family: 'Art des Vorfalls',
    losses: 'Verletzung der',
    discovered: 'Entdeckt am',
    aware: 'Kenntnis des Verantwortlichen am',
    processor: 'Gemeldet vom Auftragsverarbeiter (Art. 33 Abs. 2)',
    processorAware: 'Kenntnis des Auftragsverarbeiters',
    categories: 'Kategorien personenbezogener Daten',
    people: 'Ungefähre Zahl der betroffenen Personen',
    records: 'Ungefähre Zahl der Datensätze',
    vulnerable: 'Schutzbedürftige Gruppen',
    encryption: 'Verschlüsselung',
    consequences: '(c) Wahrscheinliche Folgen',
    measures: '(d) Ergriffene oder vorgeschlagene Maßnahmen',
    severity: 'Schwere (ENISA, SE = DPC × EI + CB)',
    delay: 'Gründe für die Meldung nach mehr als 72 Stunden (Art. 33 Abs. 1)',
    update: 'Neu gegenüber der vorigen Meldung (Art. 33 Abs. 4)',
    range: (min: number, max: number) => (min === max ? `${min}` : `${min} bis ${max}`),
    fingerprint: 'SHA-256 des Inhalts',
    page: 'Seite',
  },
  en: {
    title: 'Notification of a personal data breach (Art. 33 GDPR)',
    to: 'To',
    reference: "The authority's reference",
    noReference: 'not given yet',
    submitted: 'Submitted at',
    controller: 'Controller',
    contact: '(b) Data protection officer / contact point',
    nature: '(a) Nature of the breach',
    incident: 'Incident',
    family: 'Kind of incident',
    losses: 'Loss of',
    discovered: 'Discovered at',
    aware: 'Controller aware at',
    processor: 'Reported by the processor (Art. 33(2))',
    processorAware: 'Processor aware at',
    categories: 'Categories of personal data',
    people: 'Approximate number of people concerned',
    records: 'Approximate number of records',
    vulnerable: 'Vulnerable groups',
    encryption: 'Encryption',
    consequences: '(c) Likely consequences',
    measures: '(d) Measures taken or proposed',
    severity: 'Severity (ENISA, SE = DPC × EI + CB)',
    delay: 'Reasons for notifying after more than 72 hours (Art. 33(1))',
    update: 'New since the previous report (Art. 33(4))',
    range: (min: number, max: number) => (min === max ? `${min}` : `${min} to ${max}`),
    fingerprint: 'SHA-256 of the content',
    page: 'Page',
  },
} as const;

/**
 * A submitted report as the authority received it, in the report's language, printed from its frozen content
 * only: the same report always prints the same words, and its footer carries the content's SHA-256.
 */
export async function reportPdf(report: AuthorityReport): Promise<Buffer> {
  const t = texts[report.language];
  const names = labels[report.language];
  // In the time zone frozen with it: the same report always prints the same instants.
  const f = dateFormat(report.language, report.content.timeZone);
  const c = report.content;
  const n = c.nature;
  const name = <K extends keyof typeof names>(table: K, value: string) => (names[table] as Record<string, string>)[value] ?? value;
  const pdf = await pdfDocument({ title: `${t.title} – ${names.reportPhase[report.phase]}`, author: c.controller.name, subject: n.title });
  const { doc, text, field, heading } = pdf;
  doc.font('Helvetica-Bold').fontSize(16);
  text(t.title);
  doc.font('Helvetica').fontSize(12);
  text(names.reportPhase[report.phase], { paragraphGap: 10 });
  field(t.to, c.authority.name);
  field(t.reference, c.reference ?? t.noReference);
  field(t.submitted, `${f.longInstant(report.submittedAt)} · ${names.reportChannel[report.channel]}`);
  field(t.controller, [c.controller.name, c.controller.address, c.controller.contact].filter(Boolean).join('\n'));
  field(t.contact, [c.contact.name, c.contact.contact].filter(Boolean).join('\n'));
  if (c.update) field(t.update, c.update);
  heading(t.nature);
  field(t.incident, `${n.title}\n${n.description}`);
  field(t.family, name('breachFamily', n.family));
  field(t.losses, n.losses.map((loss) => name('lossKind', loss)).join(', '));
  field(t.discovered, f.longInstant(n.discoveredAt));
  field(t.aware, f.longInstant(n.awareAt));
  if (n.processor) field(t.processor, `${n.processor.name} · ${t.processorAware}: ${f.longInstant(n.processor.awareAt)}`);
  field(t.categories, n.categories.map((category) => name('dataCategory', category)).join(', '));
  field(t.people, t.range(n.people.min, n.people.max));
  field(t.records, t.range(n.records.min, n.records.max));
  if (n.vulnerableGroups.length) field(t.vulnerable, n.vulnerableGroups.map((g) => name('vulnerableGroup', g)).join(', '));
  field(t.encryption, name('encryptionState', n.encryption));
  heading(t.consequences);
  field('', c.consequences);
  heading(t.measures);
  field('', c.measures);
  if (c.severity) {
    const score = c.severity.score.toLocaleString(report.language === 'de' ? 'de-DE' : 'en-GB');
    field(t.severity, `${name('severityBand', c.severity.band)} (${score})`);
  }
  if (c.delayReasons) field(t.delay, c.delayReasons);
  doc.moveDown(1);
  doc.font('Courier').fontSize(8);
  text(`${t.fingerprint}: ${report.sha256}`);
  return pdf.end((page, pages) => `${c.controller.name} · ${names.reportPhase[report.phase]} · ${t.page} ${page} / ${pages}`);
}
