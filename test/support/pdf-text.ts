import { inflateSync } from 'node:zlib';

/**
 * The text drawn in a PDF made with standard fonts: inflates each content stream and decodes the hex
 * strings of its TJ/Tj operators (WinAnsi). Enough to find words in our own exports, not a general parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\nendstream/g)) {
    // The compressed bytes may themselves end in a CR: try them whole first, then without a CR line end.
    const data = match[1];
    let content = data;
    for (const candidate of [data, data.replace(/\r$/, '')]) {
      try {
        content = inflateSync(Buffer.from(candidate, 'latin1')).toString('latin1');
        break;
      } catch {
        // not this one
      }
    }
    for (const line of content.split('\n')) {
      if (!/T[Jj]\s*$/.test(line)) continue;
      for (const hex of line.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1], 'hex').toString('latin1');
      text += '\n';
    }
  }
  return text;
}
