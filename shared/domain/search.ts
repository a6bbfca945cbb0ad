/**
 * German names are written both ways: Krüger and Krueger, Weiß and Weiss. The search index keeps each name
 * also in this spelling, and a query is looked up in both, so either way finds the other.
 */
export function foldGerman(text: string): string {
  return text.toLocaleLowerCase('de').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/** A request id anywhere in a search (it stands in the subject of every message): `dsr_…`. */
export function requestIdIn(search: string): string | null {
  return /\b(dsr_[A-Za-z0-9-]{3,60})\b/.exec(search)?.[1] ?? null;
}
