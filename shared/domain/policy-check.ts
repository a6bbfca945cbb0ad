import type { ProcessingActivity } from '../api/activities';
import type { PolicySection } from '../api/policies';
import type { Processor } from '../api/processors';
import { isEea, isListedCountry } from './transfers';

/** What Art. 13 GDPR asks a privacy policy to say. */
export const art13Items = [
  'controller',
  'dpo',
  'purposes',
  'legitimate_interests',
  'recipients',
  'transfers',
  'retention',
  'rights',
  'withdrawal',
  'complaint',
  'provision_required',
  'automated_decisions',
] as const;
export type Art13Item = (typeof art13Items)[number];

/** Words that show where a policy says it, in German and English. */
const signs: Record<Art13Item, RegExp> = {
  controller: /verantwortlich(?:e|er)?\b|controller\b|impressum|anbieter der plattform|wir, die/i,
  dpo: /datenschutzbeauftragt|data protection officer|\bdpo\b/i,
  purposes: /rechtsgrundlage|art\.\s*6|zwecke?\b|legal basis|purposes?\b/i,
  legitimate_interests: /berechtigte[nms]? interesse|legitimate interests?/i,
  recipients: /empfänger|drittanbieter|dienstleister|weitergeben|recipients?|third[- ]part/i,
  transfers:
    /drittl(?:and|änder)|außerhalb (?:der eu|des ewr)|\busa\b|standardvertragsklausel|third countr|outside the (?:eu|eea)|standard contractual/i,
  retention: /speicherdauer|aufbewahr|gelöscht|löschen wir|speichern wir .* (?:monate|jahre)|retention|retain|deleted after/i,
  rights: /auskunft|berichtigung|datenübertragbarkeit|einschränkung der verarbeitung|right of access|rectification|portability/i,
  withdrawal: /einwilligung[^.]{0,80}widerruf|widerruf[^.]{0,80}einwilligung|withdraw (?:your |their )?consent|consent[^.]{0,60}withdraw/i,
  complaint: /aufsichtsbehörde|supervisory authority|lodge a complaint/i,
  provision_required:
    /gesetzlich oder vertraglich vorgeschrieben|erforderlich, um|verpflichtet, (?:uns )?(?:ihre )?daten|statutory or contractual requirement|obliged to provide/i,
  automated_decisions: /automatisierte entscheidung|profiling|automated decision/i,
};

export interface ChecklistEntry {
  item: Art13Item;
  /** The first section that says it, or null where the policy is silent. */
  sectionId: string | null;
}

/** Each Art. 13 item located in the first section that speaks to it, or shown missing. */
export function art13Checklist(sections: readonly PolicySection[]): ChecklistEntry[] {
  return art13Items.map((item) => ({
    item,
    sectionId: sections.find((section) => signs[item].test(`${section.heading}\n${section.body}`))?.id ?? null,
  }));
}

/**
 * The registry has it, the text does not (processor, country, activity); or the reverse: the text names a
 * company or a third country that no active processor of the registry stands for (text_recipient, text_country).
 */
export type HintKind = 'processor' | 'country' | 'activity' | 'text_recipient' | 'text_country';
export interface RegistryHint {
  /** Stable, so a dismissal keeps: `processor:prc_…`, `country:US`, `activity:act_…`, `text-recipient:zahlwerk`, `text-country:IN`. */
  key: string;
  kind: HintKind;
  /** What one side names and the other does not: a processor's name, a country's, an activity's. */
  subject: string;
}

/** Whether the text names it as a word of its own ("USA", not the "usa" in "zusammen"). */
const mentions = (text: string, name: string) =>
  new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text);

/** Company names the text gives with their legal form ("Zahlwerk GmbH", "Streamcraft Video, Inc."). */
const companies =
  /\b(\p{Lu}[\p{L}\p{N}&.-]*(?:[ ,]+\p{Lu}[\p{L}\p{N}&.-]*){0,3}),? (GmbH|AG|SE|KG|UG|Inc\.|Ltd\.?|LLC|SAS|B\.V\.)(?![\p{L}])/gu;

/** Every country the picker offers that is outside the EEA, once. */
const thirdCountries: readonly string[] = Array.from({ length: 26 * 26 }, (_, i) =>
  String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
).filter((code) => isListedCountry(code) && !isEea(code));

/** The distinctive word of a company name: "Zahlwerk GmbH" → "zahlwerk". */
const nameCore = (name: string) =>
  name
    .toLowerCase()
    .replace(/\b(gmbh|ag|se|inc\.?|ltd\.?|llc|sas|s\.a\.|b\.v\.|co\.? kg|kg|ug)\b/g, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 3)[0] ?? name.toLowerCase();

/**
 * What the registry and the records of processing hold that the policy does not mention: active processors
 * by name, the third countries their data go to, and the processing activities by name. Each a suggestion
 * the author takes up in the text or dismisses with a reason.
 */
export function registryHints(
  sections: readonly PolicySection[],
  processors: readonly Processor[],
  activities: readonly ProcessingActivity[],
  countryName: (code: string) => string[],
): RegistryHint[] {
  const text = sections
    .map((section) => `${section.heading}\n${section.body}`)
    .join('\n')
    .toLowerCase();
  const hints: RegistryHint[] = [];
  const active = processors.filter((p) => p.status !== 'terminated');
  for (const processor of active) {
    if (!text.includes(nameCore(processor.legalName)))
      hints.push({ key: `processor:${processor.id}`, kind: 'processor', subject: processor.legalName });
  }
  const countries = [...new Set(active.flatMap((p) => p.countries).filter((code) => !isEea(code)))].sort();
  for (const code of countries) {
    const names = countryName(code).map((name) => name.toLowerCase());
    if (!names.some((name) => mentions(text, name)))
      hints.push({ key: `country:${code}`, kind: 'country', subject: countryName(code)[0] ?? code });
  }
  // The reverse: companies and third countries the text names that no active processor stands for.
  const original = sections.map((section) => `${section.heading}\n${section.body}`).join('\n');
  const cores = new Set(active.map((p) => nameCore(p.legalName)));
  const seen = new Set<string>();
  for (const match of original.matchAll(companies)) {
    const name = `${match[1]} ${match[2]}`.replace(/\s+/g, ' ');
    const core = nameCore(name);
    if (cores.has(core) || seen.has(core)) continue;
    seen.add(core);
    hints.push({ key: `text-recipient:${core}`, kind: 'text_recipient', subject: name });
  }
  const destinations = new Set(active.flatMap((p) => p.countries));
  for (const code of thirdCountries) {
    if (destinations.has(code)) continue;
    const names = countryName(code).map((name) => name.toLowerCase());
    if (names.some((name) => name.length > 3 && text.includes(name) && mentions(text, name)))
      hints.push({ key: `text-country:${code}`, kind: 'text_country', subject: countryName(code)[0] ?? code });
  }
  for (const activity of activities) {
    const words = activity.name
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length > 5);
    if (words.length && !words.some((word) => text.includes(word.slice(0, Math.max(6, word.length - 2))))) {
      hints.push({ key: `activity:${activity.id}`, kind: 'activity', subject: activity.name });
    }
  }
  return hints;
}
