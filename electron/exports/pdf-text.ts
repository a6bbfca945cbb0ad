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
