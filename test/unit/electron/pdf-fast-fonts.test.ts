import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fastStandardFonts } from '../../../electron/exports/pdf-fast-fonts';

/** The same page, with pdfkit's own encoder or the remembering one: the files must be the same bytes. */
function render(fast: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date('2026-11-27T00:00:00Z') } });
  if (fast) fastStandardFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const text = 'AVAWAY To Vogel — Tätigkeit „WAV“ fi ff Ÿ €5 · Kernaufgabe, Yıldız; LTA PAVA Wo Te Ty';
  for (const font of ['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Courier']) {
    doc.font(font).fontSize(9);
    doc.text(text.repeat(6), { width: 300, align: 'justify' });
    doc.text(text, { continued: true }).text(' und weiter', { underline: true });
    doc.text(`${Math.round(doc.widthOfString(text) * 1000)}`);
  }
  // The fast path really ran (otherwise the comparison would prove nothing).
  if (fast) expect((doc as unknown as { _font: { fastGlyphs?: true } })._font.fastGlyphs).toBe(true);
  doc.end();
  return done;
}

describe('the remembering encoder for standard fonts', () => {
  it('writes the same PDF as pdfkit’s own, byte for byte (kerning, wrapping, justification, widths)', async () => {
    const [own, fast] = await Promise.all([render(false), render(true)]);
    expect(fast.length).toBeGreaterThan(2000);
    expect(fast.equals(own)).toBe(true);
  });
});
