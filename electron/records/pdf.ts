import PDFDocument from 'pdfkit';
import { dateFormat } from '../../shared/domain/format';
import type { RecordsOfProcessing } from '../../shared/domain/records';
import { basisLines, type ExportLanguage, exportLabels, transferLines } from './labels';

// PDF standard fonts encode WinAnsi only: Latin-1 plus these. Anything else is transliterated, so a name
// like "Yıldız" prints as "Yildiz" instead of vanishing.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const special: Record<string, string> = { '→': '->', ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h' };
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char) || char === '\n') out += char;
    else if (special[char]) out += special[char];
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => (c.codePointAt(0) ?? 0) < 0x100) && base ? base : '?';
    }
  }
  return out;
}

/** The Art. 30(1) record as a PDF an authority can read: one section per activity, letters (a)-(g). */
/** The record for the authority; its date in the controller's time zone. */
export function recordsPdf(records: RecordsOfProcessing, language: ExportLanguage, timeZone: string): Promise<Buffer> {
  const l = exportLabels[language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: `${l.title} – ${records.controller.controllerName}`,
      Author: records.controller.controllerName,
      Subject: l.subtitle,
      Creator: 'Privacy Console',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options?: PDFKit.Mixins.TextOptions) => doc.text(toWinAnsi(value), options);
  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(9);
    text(label);
    doc.font('Helvetica').fontSize(10);
    text(value || '–', { paragraphGap: 6 });
  };
  const list = (values: readonly string[]) => values.map((v) => `• ${v}`).join('\n');

  const exportedAt = dateFormat(language, timeZone).longInstant(records.exportedAt);
  doc.font('Helvetica-Bold').fontSize(18);
  text(l.title);
  doc.font('Helvetica').fontSize(11);
  text(`${l.subtitle} · ${l.exportedAt}: ${exportedAt}`, { paragraphGap: 12 });
  const c = records.controller;
  field(l.controller, [c.controllerName, c.controllerAddress, c.controllerContact].filter(Boolean).join('\n'));
  field(l.dpo, [c.dpoName, c.dpoContact].filter(Boolean).join('\n'));

  for (const entry of records.entries) {
    doc.moveDown(0.8);
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13);
    text(`${l.activity}: ${entry.name}`, { paragraphGap: 4 });
    field(l.purpose, entry.purpose);
    field(l.legalBasis, basisLines(entry, l, language).join('\n'));
    field(l.subjects, entry.subjectCategories.join(', '));
    field(l.data, entry.dataCategories.join(', '));
    field(l.recipients, list(entry.recipients.map((r) => (r.countries.length ? `${r.name} (${r.countries.join(', ')})` : r.name))));
    field(l.transfers, [...transferLines(entry, l, language), entry.transferNote].filter(Boolean).join('\n') || l.noTransfers);
    field(l.retention, list(entry.retention.map((r) => `${r.category}: ${r.period}`)));
    field(l.toms, list(entry.toms));
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('Helvetica').fontSize(8);
    // Inside the bottom margin: lift the margin for the footer line so it does not open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(toWinAnsi(`${c.controllerName} · ${l.title} · ${l.page} ${i + 1} / ${range.count}`), 56, doc.page.height - 36, {
      align: 'center',
      width: doc.page.width - 112,
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
