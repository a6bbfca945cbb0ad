import type { ProcessingActivity } from '../api/activities';
import type { Processor } from '../api/processors';
import { isEea } from './transfers';

export interface ControllerDetails {
  controllerName: string;
  controllerAddress: string;
  controllerContact: string;
  dpoName: string;
  dpoContact: string;
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
  /** (d) recipients, with the countries they process in */
  recipients: { name: string; role: string; countries: string[] }[];
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
}

export interface RecordsOfProcessing {
  /** (a) */
  controller: ControllerDetails;
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
          ...activity.otherRecipients.map((name) => ({ name, role: 'other', countries: [] })),
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
      };
    });
  return { controller, exportedAt, entries };
}

export function missingControllerDetails(details: ControllerDetails): (keyof ControllerDetails)[] {
  return (Object.keys(details) as (keyof ControllerDetails)[]).filter((key) => details[key].trim() === '');
}
