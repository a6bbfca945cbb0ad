import type { ProcessingActivity } from '../api/activities';
import type { Processor } from '../api/processors';

const norm = (category: string) => category.trim().toLocaleLowerCase('de');

export interface HoldingProcessor {
  id: string;
  legalName: string;
  /** The asked-for categories this processor holds, as the registry names them. */
  categories: string[];
  /** Through which processing activities, besides the processor's own list of categories. */
  viaActivities: string[];
}

/**
 * Art. 19: who must be told of a rectification, erasure or restriction — every processor (not terminated)
 * that holds one of the categories, either in its own record or as recipient of an activity processing them.
 */
export function processorsHolding(
  categories: readonly string[],
  processors: readonly Processor[],
  activities: readonly ProcessingActivity[],
): HoldingProcessor[] {
  const wanted = new Set(categories.map(norm));
  const result = new Map<string, HoldingProcessor>();
  const entry = (p: Processor) => {
    let found = result.get(p.id);
    if (!found) {
      found = { id: p.id, legalName: p.legalName, categories: [], viaActivities: [] };
      result.set(p.id, found);
    }
    return found;
  };
  const active = processors.filter((p) => p.status !== 'terminated');
  for (const p of active) {
    for (const category of p.dataCategories)
      if (wanted.has(norm(category)) && !entry(p).categories.includes(category)) entry(p).categories.push(category);
  }
  const byId = new Map(active.map((p) => [p.id, p]));
  for (const activity of activities) {
    const matching = activity.dataCategories.filter((c) => wanted.has(norm(c)));
    if (!matching.length) continue;
    for (const id of activity.recipientIds) {
      const p = byId.get(id);
      if (!p) continue;
      const held = entry(p);
      for (const category of matching) if (!held.categories.includes(category)) held.categories.push(category);
      if (!held.viaActivities.includes(activity.name)) held.viaActivities.push(activity.name);
    }
  }
  for (const [id, held] of result) if (!held.categories.length) result.delete(id);
  return [...result.values()].sort((a, b) => a.legalName.localeCompare(b.legalName, 'de'));
}

export interface Article15Information {
  /** Art. 15(1)(a) with the legal basis of each purpose. */
  purposes: { activity: string; purpose: string; legalBasis: ProcessingActivity['legalBasis'] }[];
  /** (b) */
  categories: string[];
  /** (c), with third countries (Art. 15(2) safeguards come from the processors' transfer mechanisms). */
  recipients: {
    name: string;
    countries: string[];
    mechanism: Processor['transfer']['mechanism'] | null;
    /** A US recipient under adequacy: certified under the EU-US Data Privacy Framework (null: not checked). */
    dpfCertified: boolean | null;
  }[];
  /** (d) */
  retention: { category: string; period: string }[];
}

/**
 * The Art. 15(1)(a)-(d) information for a data subject, derived from the activities that concern people of
 * the subject's categories (e.g. Lernende, Kundinnen und Kunden). Source (g) and automated decisions (h) are
 * not yet recorded in the registry and must be stated by the officer.
 */
export function article15Information(
  subjectCategories: readonly string[],
  processors: readonly Processor[],
  activities: readonly ProcessingActivity[],
): Article15Information {
  const wanted = new Set(subjectCategories.map(norm));
  const relevant = activities.filter((a) => a.subjectCategories.some((c) => wanted.has(norm(c))));
  const byId = new Map(processors.map((p) => [p.id, p]));
  const unique = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    purposes: relevant.map((a) => ({ activity: a.name, purpose: a.purpose, legalBasis: a.legalBasis })),
    categories: unique(
      relevant.flatMap((a) => a.dataCategories),
      norm,
    ),
    recipients: unique(
      relevant.flatMap((a) => [
        ...a.recipientIds
          .map((id) => byId.get(id))
          .filter((p): p is Processor => p !== undefined)
          .map((p) => ({
            name: p.legalName,
            countries: p.countries,
            mechanism: p.transfer.mechanism,
            dpfCertified: p.transfer.dpfCertified,
          })),
        ...a.otherRecipients.map((name) => ({ name, countries: [] as string[], mechanism: null, dpfCertified: null })),
      ]),
      (r) => r.name,
    ),
    retention: unique(
      relevant.flatMap((a) => a.retention),
      (r) => `${norm(r.category)}|${r.period}`,
    ),
  };
}

/** The registry's answers other features need (the request work: Art. 15, Art. 19), from whoever keeps it. */
export interface RegistryQueries {
  processorsHolding(categories: readonly string[]): HoldingProcessor[];
  article15Information(subjectCategories: readonly string[]): Article15Information;
}
