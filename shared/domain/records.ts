import type { ActivityChange, ProcessingActivity } from '../api/activities';
import type { Processor } from '../api/processors';
import { isEea } from './transfers';

export interface ControllerDetails {
  controllerName: string;
  controllerAddress: string;
  controllerContact: string;
  dpoName: string;
  dpoContact: string;
  /** Optional: a controller established in the Union has none (Art. 27). */
  representative: string;
}

/** One entry of the Art. 30(1) record, letters (a)-(g) as the article lists them. */
export interface RecordEntry {
  id: string;
  name: string;
  /** (b) */
  purpose: string;
  legalBasis: ProcessingActivity['legalBasis'];
  legitimateInterest: string;
  art9Ground: ProcessingActivity['art9Ground'];
  /** (c) */
  subjectCategories: string[];
  dataCategories: string[];
  /** (d) recipients, with their role and the countries they process in ('other': outside the registry) */
  recipients: { name: string; role: Processor['role'] | 'other'; countries: string[] }[];
  /** (e) transfers to third countries and their safeguards */
  transfers: {
    recipient: string;
    countries: string[];
    mechanism: Processor['transfer']['mechanism'];
    sccModule: string | null;
    tiaDate: string | null;
  }[];
  transferNote: string;
  /** (f) */
  retention: { category: string; period: string }[];
  /** (g) */
  toms: string[];
  /** The entry's accountability: its version, last change, last review and history (Art. 5(2)). */
  version: number;
  updatedAt: string;
  reviewedAt: string | null;
  history: ActivityChange[];
}

export interface RecordsOfProcessing {
  /** (a) */
  controller: ControllerDetails;
  /** Art. 26: who decides on purposes and means together with the controller, from the registry. */
  jointControllers: { name: string; address: string; purposes: string[] }[];
  exportedAt: string;
  entries: RecordEntry[];
}

/** Derives the Art. 30(1)(a)-(g) record from the activities and the processors they name. */
export function recordsOfProcessing(
  activities: readonly ProcessingActivity[],
  processors: readonly Processor[],
  controller: ControllerDetails,
  exportedAt: string,
): RecordsOfProcessing {
  const byId = new Map(processors.map((p) => [p.id, p]));
  const entries = [...activities]
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((activity): RecordEntry => {
      const linked = activity.recipientIds.map((id) => byId.get(id)).filter((p): p is Processor => p !== undefined);
      return {
        id: activity.id,
        name: activity.name,
        purpose: activity.purpose,
        legalBasis: activity.legalBasis,
        legitimateInterest: activity.legitimateInterest,
        art9Ground: activity.specialCategories ? activity.art9Ground : null,
        subjectCategories: activity.subjectCategories,
        dataCategories: activity.dataCategories,
        recipients: [
          ...linked.map((p) => ({ name: p.legalName, role: p.role, countries: p.countries })),
          ...activity.otherRecipients.map((name) => ({ name, role: 'other' as const, countries: [] })),
        ],
        transfers: linked
          .filter((p) => p.countries.some((c) => !isEea(c)))
          .map((p) => ({
            recipient: p.legalName,
            countries: p.countries.filter((c) => !isEea(c)),
            mechanism: p.transfer.mechanism,
            sccModule: p.transfer.sccModule,
            tiaDate: p.transfer.tiaDate,
          })),
        transferNote: activity.transferNote,
        retention: activity.retention,
        toms: activity.toms,
        version: activity.version,
        updatedAt: activity.updatedAt,
        reviewedAt: activity.reviewedAt,
        history: activity.history,
      };
    });
  const jointControllers = processors
    .filter((p) => p.role === 'joint_controller' && p.status !== 'terminated')
    .map((p) => ({ name: p.legalName, address: p.address, purposes: p.purposes }));
  return { controller, jointControllers, exportedAt, entries };
}

/** What the export needs: all but the representative, which only a controller outside the Union has. */
export function missingControllerDetails(details: ControllerDetails): (keyof ControllerDetails)[] {
  return (Object.keys(details) as (keyof ControllerDetails)[]).filter((key) => key !== 'representative' && details[key].trim() === '');
}

/** A list of measures several entries share word for word: the record prints it once and refers to it. */
export interface TomCatalogue {
  number: number;
  toms: string[];
}

/**
 * The shared measure lists of a record: every list that two or more entries name identically, numbered in the
 * order the entries first use them. `of(entry)` answers the largest catalogue the entry's measures contain,
 * and the measures it has beyond it.
 */
export function tomCatalogues(entries: readonly Pick<RecordEntry, 'toms'>[]) {
  const key = (toms: readonly string[]) => JSON.stringify([...toms].sort());
  const uses = new Map<string, { toms: string[]; count: number }>();
  for (const { toms } of entries) {
    if (!toms.length) continue;
    const found = uses.get(key(toms)) ?? { toms, count: 0 };
    found.count++;
    uses.set(key(toms), found);
  }
  const catalogues: TomCatalogue[] = [...uses.values()].filter((u) => u.count > 1).map((u, i) => ({ number: i + 1, toms: u.toms }));
  return {
    catalogues,
    of(entry: Pick<RecordEntry, 'toms'>): { catalogue: TomCatalogue | null; extra: string[] } {
      const own = new Set(entry.toms);
      const catalogue =
        catalogues.filter((c) => c.toms.every((tom) => own.has(tom))).sort((a, b) => b.toms.length - a.toms.length)[0] ?? null;
      const covered = new Set(catalogue?.toms ?? []);
      return { catalogue, extra: entry.toms.filter((tom) => !covered.has(tom)) };
    },
  };
}
