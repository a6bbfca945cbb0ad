import type { LetterPart, Message } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { dateFormat } from '../../shared/domain/format';
import type { ControllerDetails } from '../../shared/domain/records';
import { toWinAnsi } from '../exports/pdf-text';

const MM = 72 / 25.4;

export interface LetterInput {
  requestId: string;
  message: Message;
  parts: readonly LetterPart[];
  /** When it was sent (the timeline's instant). */
  sentAt: string;
  subject: { name: string; address: string | null };
  controller: Pick<ControllerDetails, 'controllerName' | 'controllerAddress' | 'controllerContact'>;
  timeZone: string;
}

const texts = {
  de: { page: (n: number, of: number) => `Seite ${n} von ${of}`, reference: 'Unser Zeichen' },
  en: { page: (n: number, of: number) => `Page ${n} of ${of}`, reference: 'Our reference' },
};

/** "Lindenstraße 12, 10115 Berlin" as the lines of an address field. */
const addressLines = (address: string | null) =>
  (address ?? '')
    .split(/\s*[,\n]\s*/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A sent message as the letter that goes by post, laid out after DIN 5008 (form B) so it fits a window
 * envelope: the return address and the recipient in the address field, the date and the reference, the
 * subject line, the text the officer wrote, every part the law requires with its heading, and the closing.
 * The same parts as the e-mail, composed when the step was taken; nothing is re-worded here.
 */
export async function letterPdf(input: LetterInput): Promise<Buffer> {
  const { message, controller } = input;
  const t = texts[message.locale];
  const left = 25 * MM;
  const width = (210 - 25 - 20) * MM;
  // Loaded when the first letter is printed: pdfkit and its fonts are no part of the start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 27 * MM, bottom: 25 * MM, left, right: 20 * MM },
    bufferPages: true,
    info: { Title: toWinAnsi(message.subject), Author: toWinAnsi(controller.controllerName), Creator: 'Privacy Console' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(toWinAnsi(value), { width, ...options });

  // The letterhead, top right.
  doc.font('Helvetica-Bold').fontSize(10);
  doc.text(toWinAnsi(controller.controllerName), 125 * MM, 12 * MM, { width: 65 * MM, align: 'right' });
  doc.font('Helvetica').fontSize(8);
  for (const line of [...addressLines(controller.controllerAddress), controller.controllerContact].filter(Boolean)) {
    doc.text(toWinAnsi(line), { width: 65 * MM, align: 'right' });
  }

  // The address field (45 mm from the top, 85 mm wide): the return address in small print, then the recipient.
  const returnAddress = [controller.controllerName, ...addressLines(controller.controllerAddress)].join(' · ');
  doc
    .font('Helvetica')
    .fontSize(7)
    .text(toWinAnsi(returnAddress), left, 45 * MM, { width: 85 * MM, underline: true });
  doc.fontSize(10).moveDown(0.6);
  for (const line of [input.subject.name, ...addressLines(input.subject.address)]) doc.text(toWinAnsi(line), { width: 85 * MM });

  // Date and reference, right of the information block.
  const day = dateFormat(message.locale, input.timeZone).letterDay(localDate(input.sentAt, input.timeZone));
  doc.fontSize(9).text(toWinAnsi(`${t.reference}: ${input.requestId}`), 125 * MM, 50 * MM, { width: 65 * MM, align: 'right' });
  doc.text(toWinAnsi(day), { width: 65 * MM, align: 'right' });

  // The subject line starts below the address field and the information block.
  doc.y = Math.max(doc.y, 98.4 * MM);
  doc.x = left;
  doc.font('Helvetica-Bold').fontSize(11);
  text(message.subject);
  doc.moveDown(1.2);

  doc.font('Helvetica').fontSize(10.5);
  text(message.body, { lineGap: 2 });
  for (const part of input.parts) {
    doc.moveDown(0.9);
    doc.font('Helvetica-Bold').fontSize(10.5);
    text(part.title);
    doc.font('Helvetica');
    text(part.text, { lineGap: 2 });
  }
  if (message.closing.trim()) {
    doc.moveDown(1.2);
    text(message.closing, { lineGap: 2 });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(toWinAnsi(`${input.requestId} · ${t.page(i + 1, range.count)}`), left, doc.page.height - 15 * MM, { width, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
