import { fastStandardFonts } from './pdf-fast-fonts';
import { toWinAnsi } from './pdf-text';

/**
 * An A4 document with the house's type: a bold label over its value, headings, and a footer on every page
 * (drawn when the document ends). `done` resolves with the file once `end()` was called. pdfkit (with its font
 * and layout packages) is loaded by the first document, not at the start of the app.
 */
export async function pdfDocument(info: { title: string; author: string; subject: string }) {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Privacy Console' },
  });
  fastStandardFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options?: PDFKit.Mixins.TextOptions) => doc.text(toWinAnsi(value), options);
  return {
    doc,
    done,
    text,
    heading(value: string, size = 13) {
      if (doc.y > doc.page.height - 160) doc.addPage();
      doc.moveDown(0.6);
      doc.font('Helvetica-Bold').fontSize(size);
      text(value, { paragraphGap: 4 });
    },
    field(label: string, value: string) {
      doc.font('Helvetica-Bold').fontSize(9);
      text(label);
      doc.font('Helvetica').fontSize(10);
      text(value || '–', { paragraphGap: 6 });
    },
    /** The footer line of every page, e.g. "Controller · Title · Page 1 / 3", then the end of the file. */
    end(footer: (page: number, pages: number) => string) {
      const range = doc.bufferedPageRange();
      for (let i = 0; i < range.count; i++) {
        doc.switchToPage(range.start + i);
        doc.font('Helvetica').fontSize(8);
        // Inside the bottom margin: lift the margin for the footer so it does not open a new page.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.text(toWinAnsi(footer(i + 1, range.count)), 56, doc.page.height - 36, {
          align: 'center',
          width: doc.page.width - 112,
          lineBreak: false,
        });
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return done;
    },
  };
}
