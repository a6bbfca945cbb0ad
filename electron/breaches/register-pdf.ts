import type { Notice } from '../../shared/api/breach-notices';
import type { Incident } from '../../shared/api/breaches';
import { dateFormat } from '../../shared/domain/format';
import { pdfDocument } from '../exports/pdf-document';
import { breachRegisterTable } from './register-csv';

const texts = {
  de: { title: 'Verzeichnis der Datenpannen (Art. 33 Abs. 5 DSGVO)', exported: 'Stand', count: 'Vorfälle', page: 'Seite' },
  en: { title: 'Register of personal data breaches (Art. 33(5) GDPR)', exported: 'As of', count: 'incidents', page: 'Page' },
} as const;

/**
 * The register as an authority would ask to see it: every incident, notified or not, one block each with the
 * same columns as the CSV (an empty column is left out), newest awareness first.
 */
export async function breachRegisterPdf(
  incidents: readonly Incident[],
  language: 'de' | 'en',
  timeZone: string,
  controller: string,
  noticesOf?: (incidentId: string) => readonly Notice[],
): Promise<Buffer> {
  const t = texts[language];
  const { headers, rows } = breachRegisterTable(incidents, language, timeZone, noticesOf);
  const pdf = await pdfDocument({ title: t.title, author: controller, subject: t.title });
  const { doc, text, field, heading } = pdf;
  doc.font('Helvetica-Bold').fontSize(16);
  text(t.title);
  doc.font('Helvetica').fontSize(10);
  text(
    `${controller} · ${t.exported}: ${dateFormat(language, timeZone).longInstant(new Date().toISOString())} · ${rows.length} ${t.count}`,
    {
      paragraphGap: 8,
    },
  );
  for (const row of rows) {
    // ID and title make the heading; the rest are the CSV's columns, label over value.
    heading(`${row[1]} (${row[0]})`, 12);
    row.slice(2).forEach((value, index) => {
      if (String(value) !== '') field(headers[index + 2], String(value));
    });
  }
  return pdf.end((page, pages) => `${controller} · ${t.title} · ${t.page} ${page} / ${pages}`);
}
