import type { Dsar } from '../api/dsar';
import type { DataCategory, DenialReason, DsarAction, LetterPart, Locale, Message } from '../api/dsar-workflow';
import type { Job } from '../api/jobs';
import { excludedItems } from './dsar-package';
import { dateFormat } from './format';
import { labels } from './labels';
import { RuleError } from './rules';
import { supervisoryAuthorities } from './supervisory-authorities';

/** Art. 12(5)/11(2)/15(4)/17(3): the ground of a denial, as the letter states it. */
export const denialReasonTexts: Record<Locale, Record<DenialReason, string>> = {
  de: {
    manifestly_unfounded: 'Der Antrag ist offenkundig unbegründet (Art. 12 Abs. 5 Satz 2 lit. b DSGVO).',
    excessive: 'Der Antrag ist – insbesondere im Fall häufiger Wiederholung – exzessiv (Art. 12 Abs. 5 Satz 2 lit. b DSGVO).',
    identity_not_established: 'Wir konnten Sie nicht als betroffene Person identifizieren (Art. 11 Abs. 2, Art. 12 Abs. 2 DSGVO).',
    rights_of_others: 'Die Auskunft würde Rechte und Freiheiten anderer Personen beeinträchtigen (Art. 15 Abs. 4 DSGVO).',
    legal_exemption: 'Eine gesetzliche Ausnahme steht dem Antrag entgegen (z. B. Art. 17 Abs. 3 DSGVO, §§ 34, 35 BDSG).',
  },
  en: {
    manifestly_unfounded: 'The request is manifestly unfounded (Art. 12(5)(b) GDPR).',
    excessive: 'The request is excessive, in particular because of its repetitive character (Art. 12(5)(b) GDPR).',
    identity_not_established: 'We could not identify you as the data subject (Art. 11(2), Art. 12(2) GDPR).',
    rights_of_others: 'Providing the information would adversely affect the rights and freedoms of others (Art. 15(4) GDPR).',
    legal_exemption: 'A statutory exemption applies to the request (e.g. Art. 17(3) GDPR, §§ 34, 35 BDSG).',
  },
};

const texts = {
  de: {
    reasons: 'Gründe',
    extensionReasons: 'Gründe der Verlängerung (Art. 12 Abs. 3 Satz 3 DSGVO)',
    newDueDate: 'Neue Frist',
    newDueDateText: (date: string) => `Sie erhalten unsere Antwort spätestens bis zum ${date}.`,
    restricted: 'Nicht gelöschte Daten (Art. 17 Abs. 3 lit. b DSGVO)',
    restrictedIntro: 'Diese Daten müssen wir aufbewahren; bis zum Ende der Pflicht verarbeiten wir sie nur noch dafür (Art. 18 DSGVO):',
    restrictedLine: (category: string, basis: string, until: string) => `– ${category}: ${basis}, aufzubewahren bis ${until}`,
    withheld: 'Zurückgehaltene Angaben (Art. 15 Abs. 4 DSGVO)',
    withheldIntro: 'Folgende Einträge haben wir nicht in die Kopie aufgenommen:',
    withheldLine: (category: string, item: string, reason: string) => `– ${category}: ${item} – ${reason}`,
    noData: 'Ergebnis',
    noDataText:
      'Zu den von Ihnen angegebenen Daten führen wir kein Konto; wir verarbeiten über Sie keine personenbezogenen Daten außer denen dieses Antrags.',
    complaint: 'Beschwerderecht (Art. 77 DSGVO)',
    complaintText: (authority: string) =>
      `Sie haben das Recht, sich bei einer Aufsichtsbehörde zu beschweren, etwa bei der für uns zuständigen: ${authority}.`,
    remedy: 'Gerichtlicher Rechtsbehelf (Art. 79 DSGVO)',
    remedyText: 'Sie haben außerdem das Recht auf einen wirksamen gerichtlichen Rechtsbehelf.',
  },
  en: {
    reasons: 'Reasons',
    extensionReasons: 'Reasons for the extension (Art. 12(3) GDPR)',
    newDueDate: 'New date',
    newDueDateText: (date: string) => `You will receive our answer by ${date} at the latest.`,
    restricted: 'Data not erased (Art. 17(3)(b) GDPR)',
    restrictedIntro: 'We are obliged to keep these data; until the duty ends we process them for that purpose only (Art. 18 GDPR):',
    restrictedLine: (category: string, basis: string, until: string) => `– ${category}: ${basis}, to be kept until ${until}`,
    withheld: 'Information withheld (Art. 15(4) GDPR)',
    withheldIntro: 'We did not include the following entries in the copy:',
    withheldLine: (category: string, item: string, reason: string) => `– ${category}: ${item} – ${reason}`,
    noData: 'Outcome',
    noDataText: 'We hold no account under the details you gave; we process no personal data about you other than that of this request.',
    complaint: 'Right to lodge a complaint (Art. 77 GDPR)',
    complaintText: (authority: string) =>
      `You have the right to lodge a complaint with a supervisory authority, for example the one competent for us: ${authority}.`,
    remedy: 'Judicial remedy (Art. 79 GDPR)',
    remedyText: 'You also have the right to an effective judicial remedy.',
  },
} as const;

/** What the parts of a letter are composed from, besides the request: the step's own data and the jobs. */
export interface LetterFacts {
  findJob(id: string): Job | null;
  /** For an extension: the new last day of the period (YYYY-MM-DD). */
  extendedDue?: string;
}

/**
 * The parts the law requires a letter to contain, composed from the step and the request at send time, so no
 * edit of the letter's text can leave them out. A part that cannot be composed refuses the step.
 */
export function requiredParts(dsar: Dsar, action: DsarAction, facts: LetterFacts): LetterPart[] {
  if (!('message' in action)) return [];
  const locale = action.message.locale;
  const t = texts[locale];
  const day = dateFormat(locale, 'UTC').letterDay;
  const names = labels[locale];
  const rightsOf = (region: string): LetterPart[] => {
    const authority = supervisoryAuthorities[region];
    if (!authority) {
      throw new RuleError('no-authority', `No supervisory authority is known for ${region}: set the Land in the settings.`, undefined, {
        region,
      });
    }
    return [
      { kind: 'complaint', title: t.complaint, text: t.complaintText(`${authority.name}, ${authority.url}`) },
      { kind: 'judicial_remedy', title: t.remedy, text: t.remedyText },
    ];
  };

  switch (action.type) {
    case 'deny':
      return [
        { kind: 'reasons', title: t.reasons, text: `${denialReasonTexts[locale][action.reason]}\n${action.explanation}` },
        ...rightsOf(action.clock.region),
      ];
    case 'extend':
      if (!facts.extendedDue) throw new RuleError('no-new-date', 'The extension notice needs the new date.');
      return [
        { kind: 'reasons', title: t.extensionReasons, text: action.reason },
        { kind: 'new_due_date', title: t.newDueDate, text: t.newDueDateText(day(facts.extendedDue)) },
      ];
    case 'complete': {
      if (dsar.subject.userId === null) return [{ kind: 'no_data', title: t.noData, text: t.noDataText }];
      const parts: LetterPart[] = [];
      const jobs = dsar.events.flatMap((e) => (e.kind === 'job_started' ? [facts.findJob(e.jobId)] : []));
      // Art. 17(3)(b), 12(4): what an erasure had to keep, why, and until when.
      const erasure = jobs.find((job) => job?.state === 'succeeded' && job.result?.kind === 'erasure')?.result;
      const restricted = erasure?.kind === 'erasure' ? erasure.categories.filter((c) => c.outcome === 'restricted') : [];
      if (restricted.length) {
        const lines = restricted.map((c) =>
          t.restrictedLine(names.dataCategory[c.category], c.legalBasis ?? '', c.until ? day(c.until) : ''),
        );
        parts.push({ kind: 'restricted', title: t.restricted, text: [t.restrictedIntro, ...lines].join('\n') });
      }
      // Art. 15(4), 12(4): what the copy left out, and on which ground.
      const delivered = dsar.events.find((e) => e.kind === 'delivered');
      if (delivered?.kind === 'delivered') {
        const items = withheldItems(dsar, facts.findJob(delivered.jobId));
        if (items.length) {
          const lines = items.map((i) => t.withheldLine(names.dataCategory[i.category], i.label, i.reason));
          parts.push({ kind: 'withheld', title: t.withheld, text: [t.withheldIntro, ...lines].join('\n') });
        }
      }
      return parts.length ? [...parts, ...rightsOf(action.clock.region)] : [];
    }
    default:
      return [];
  }
}

/** The entries an officer withheld from a delivered package, with their labels and reasons. */
function withheldItems(dsar: Dsar, job: Job | null): { category: DataCategory; label: string; reason: string }[] {
  if (!job) return [];
  const items = job.result?.kind === 'package' ? job.result.categories.flatMap((c) => c.items) : [];
  return [...excludedItems(dsar, job.id)].map(([id, item]) => ({ ...item, label: items.find((i) => i.id === id)?.label ?? id }));
}

/** The whole letter as the subject receives it: the editable text, the required parts, the closing. */
export function letterText(message: Pick<Message, 'body' | 'closing'>, parts: readonly LetterPart[]): string {
  return [message.body, ...parts.map((part) => `${part.title}\n${part.text}`), message.closing]
    .filter((block) => block.trim())
    .join('\n\n');
}
