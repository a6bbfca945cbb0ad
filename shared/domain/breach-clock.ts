/**
 * Art. 33(1): 72 hours after becoming aware. A period in hours never rolls to a working day, so this clock needs
 * no calendar of public holidays (and the page that shows it does not load one).
 */
export function breachAuthorityDeadline(awareAt: string): string {
  const instant = Date.parse(awareAt);
  if (Number.isNaN(instant)) throw new RangeError(`not an instant: ${awareAt}`);
  return new Date(instant + 72 * 3_600_000).toISOString();
}
