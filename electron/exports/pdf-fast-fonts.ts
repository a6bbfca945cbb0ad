/**
 * pdfkit encodes and measures text in the 14 standard fonts glyph by glyph, building a string key for every
 * kerning pair it looks up; a listing of 100,000 grants spent most of its time there. This gives each standard
 * font the same `encode` and `widthOfString` with every lookup remembered per character code and per pair of
 * codes — the answers are pdfkit's own (asked once each), so the file is byte for byte the same.
 */

interface AfmFont {
  encodeText(text: string): string[];
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string | undefined): number;
}
interface StandardFont {
  font?: AfmFont;
  encode(text: string, features?: unknown): [string[], Position[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  fastGlyphs?: true;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

const END = 0x10000;

function speedUp(font: StandardFont): void {
  const afm = font.font;
  if (font.fastGlyphs || !afm || typeof afm.getKernPair !== 'function') return;
  const hexes = new Map<number, string>();
  const glyphs = new Map<number, string>();
  const widths = new Map<number, number>();
  const kerns = new Map<number, number>();
  const glyph = (code: number) => {
    let name = glyphs.get(code);
    if (name === undefined) {
      name = afm.characterToGlyph(code);
      glyphs.set(code, name);
    }
    return name;
  };
  const width = (code: number) => {
    let value = widths.get(code);
    if (value === undefined) {
      value = afm.widthOfGlyph(glyph(code));
      widths.set(code, value);
    }
    return value;
  };
  const advance = (code: number, next: number) => {
    const key = code * (END + 1) + next;
    let value = kerns.get(key);
    if (value === undefined) {
      value = width(code) + afm.getKernPair(glyph(code), next === END ? undefined : glyph(next));
      kerns.set(key, value);
    }
    return value;
  };
  const hex = (code: number) => {
    let value = hexes.get(code);
    if (value === undefined) {
      value = afm.encodeText(String.fromCharCode(code))[0];
      hexes.set(code, value);
    }
    return value;
  };
  font.encode = (text) => {
    const encoded: string[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : END;
      encoded.push(hex(code));
      positions.push({ xAdvance: advance(code, next), yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width(code) });
    }
    return [encoded, positions];
  };
  font.widthOfString = (text, size) => {
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      units += advance(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : END);
    }
    return units * (size / 1000);
  };
  font.fastGlyphs = true;
}

/** Every standard font this document selects gets the remembering encoder. */
export function fastStandardFonts(doc: PDFKit.PDFDocument): void {
  const select = doc.font.bind(doc);
  const internal = doc as unknown as { _font?: StandardFont };
  doc.font = ((...args: Parameters<typeof doc.font>) => {
    select(...args);
    if (internal._font) speedUp(internal._font);
    return doc;
  }) as typeof doc.font;
  if (internal._font) speedUp(internal._font);
}
