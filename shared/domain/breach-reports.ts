import type { AuthorityReport, IncidentSubmitReport, ReportContent } from '../api/breach-reports';
import type { Incident } from '../api/breaches';
import type { MutationContext } from '../entities/descriptor';
import { event } from './breach-changes';
import { breachAuthorityDeadline } from './breach-clock';
import { MIN_REASON_LENGTH } from './breach-severity';
import { canonicalJson } from './canonical-json';
import { RuleError } from './rules';
import { supervisoryAuthorities } from './supervisory-authorities';

/** What keeps a report from being sent, each named so the composer can say it in the reader's language. */
export const reportGaps = [
  'not-decided',
  'final-exists',
  'initial-exists',
  'initial-missing',
  'reference',
  'authority',
  'controller',
  'contact',
  'consequences',
  'measures',
  'delay-reasons',
  'update',
] as const;
export type ReportGap = (typeof reportGaps)[number];

type Draft = Pick<IncidentSubmitReport, 'phase' | 'region' | 'controller' | 'contact' | 'delayReasons' | 'update'>;
type Sent = Draft & Pick<IncidentSubmitReport, 'timeZone'>;

const blank = (text: string) => text.trim() === '';

/** Whether the report would be sent later than 72 hours after awareness (Art. 33(1)). */
/**
 * The Art. 33(1) clock runs until the authority has the report, or it was decided that it needs none (a
 * decision to notify alone does not stop it); a closed incident has none running.
 */
export const authorityClockRuns = (incident: Pick<Incident, 'status' | 'reports' | 'decision'>) =>
  incident.status !== 'closed' && !incident.reports.length && incident.decision?.authority !== false;

export const reportLate = (incident: Incident, at: string) => Date.parse(at) > Date.parse(breachAuthorityDeadline(incident.awareAt));

/**
 * What is still missing before this report can go to the authority: Art. 33(3)(a)–(d) (the facts carry (a);
 * the contact point is (b); consequences (c); measures (d)), the competent authority, the reasons for a late
 * notification, and the order of the phases (an initial report first, follow-ups and a final report under
 * the authority's reference, nothing after the final one).
 */
export function missingForReport(incident: Incident, draft: Draft, at: string): ReportGap[] {
  const gaps: ReportGap[] = [];
  const has = (phase: string) => incident.reports.some((report) => report.phase === phase);
  // The decision to notify precedes the first report; follow-ups go under a notification already made.
  if (draft.phase === 'initial' && !incident.decision?.authority) gaps.push('not-decided');
  if (has('final')) gaps.push('final-exists');
  if (draft.phase === 'initial' && has('initial')) gaps.push('initial-exists');
  if (draft.phase !== 'initial' && !has('initial')) gaps.push('initial-missing');
  if (draft.phase !== 'initial' && !incident.authorityReference) gaps.push('reference');
  if (!supervisoryAuthorities[draft.region]) gaps.push('authority');
  if (blank(draft.controller.name) || blank(draft.controller.address)) gaps.push('controller');
  if (blank(draft.contact.name) || blank(draft.contact.contact)) gaps.push('contact');
  if (blank(incident.consequences)) gaps.push('consequences');
  if (blank(incident.measures)) gaps.push('measures');
  if (draft.phase === 'initial' && reportLate(incident, at) && delayReasonsOf(incident, draft).length < MIN_REASON_LENGTH) {
    gaps.push('delay-reasons');
  }
  if (draft.phase !== 'initial' && draft.update.trim().length < MIN_REASON_LENGTH) gaps.push('update');
  return gaps;
}

/** The reasons for the delay: as the composer gives them, or as the late decision recorded them. */
const delayReasonsOf = (incident: Incident, draft: Pick<Draft, 'delayReasons'>) =>
  (draft.delayReasons.trim() || incident.decision?.delayReasons || '').trim();

/** The content of a report as the incident's facts read now: what is frozen when it is submitted. */
export function composeReport(incident: Incident, draft: Sent, at: string, processorName: (id: string) => string): ReportContent {
  const last = incident.assessments.at(-1);
  const late = draft.phase === 'initial' && reportLate(incident, at);
  return {
    incidentId: incident.id,
    phase: draft.phase,
    reference: incident.authorityReference,
    authority: { region: draft.region, name: supervisoryAuthorities[draft.region]?.name ?? draft.region },
    controller: { name: draft.controller.name, address: draft.controller.address, contact: draft.controller.contact },
    contact: { name: draft.contact.name, contact: draft.contact.contact },
    nature: {
      title: incident.title,
      description: incident.description,
      family: incident.family,
      losses: incident.losses,
      discoveredAt: incident.discoveredAt,
      awareAt: incident.awareAt,
      categories: incident.categories,
      people: incident.people,
      records: incident.records,
      vulnerableGroups: incident.vulnerableGroups,
      encryption: incident.encryption,
      processor:
        incident.reportedBy.kind === 'processor'
          ? { name: processorName(incident.reportedBy.processorId), awareAt: incident.reportedBy.processorAwareAt }
          : null,
    },
    consequences: incident.consequences,
    measures: incident.measures,
    severity: last ? { band: last.band, score: last.score } : null,
    delayReasons: late ? delayReasonsOf(incident, draft) : null,
    update: draft.phase === 'initial' ? '' : draft.update.trim(),
    submittedAt: at,
    timeZone: draft.timeZone,
  };
}

/**
 * Submits the next report: refused while anything is missing (the gaps named); otherwise its content is
 * frozen with its SHA-256 and never changes again. Follow-ups and the final report go under the reference.
 */
export function submitReport(current: Incident, args: IncidentSubmitReport, ctx: MutationContext): Incident {
  // The instant it went out is the officer's to say (a letter goes before it is recorded), within reason.
  const sent = Date.parse(args.sentAt);
  if (sent > Date.parse(ctx.at) + 60_000) throw new RuleError('sent-in-future', 'A report cannot have been sent in the future.', 'sentAt');
  const previous = current.reports.at(-1)?.submittedAt ?? current.awareAt;
  if (sent < Date.parse(previous)) {
    throw new RuleError('sent-too-early', 'A report goes after awareness and after the previous report.', 'sentAt', { after: previous });
  }
  const at = new Date(sent).toISOString();
  const gaps = missingForReport(current, args, at);
  if (gaps.length) {
    throw new RuleError('report-incomplete', `The report cannot be submitted yet: ${gaps.join(', ')}.`, undefined, {
      missing: gaps.join(','),
    });
  }
  if (current.reports.some((report) => report.id === args.reportId)) {
    throw new RuleError('already-exists', `A report ${args.reportId} was already submitted.`, 'reportId');
  }
  const content = composeReport(current, args, at, (id) => ctx.find('processor', id)?.legalName ?? id);
  const report: AuthorityReport = {
    id: args.reportId,
    phase: args.phase,
    submittedAt: at,
    submittedBy: ctx.actor,
    channel: args.channel,
    language: args.language,
    content,
    sha256: ctx.digest(canonicalJson(content)),
  };
  return {
    ...current,
    updatedAt: ctx.at,
    reports: [...current.reports, report],
    timeline: [...current.timeline, event(ctx, 'report', { phase: args.phase, report: args.reportId, channel: args.channel })],
  };
}
