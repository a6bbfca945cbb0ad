import type Database from 'better-sqlite3-multiple-ciphers';
import type { AccessReview, Employee, Grant } from '../../shared/api/access';
import type { Incident } from '../../shared/api/breaches';
import type { PolicyCampaign } from '../../shared/api/policy-campaigns';
import type { Processor } from '../../shared/api/processors';
import { type CheckSettings, findings, reviewOverdue } from '../../shared/domain/access';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { authorityClockRuns } from '../../shared/domain/breach-reports';
import { clockLeft } from '../../shared/domain/breach-severity';
import { localDate } from '../../shared/domain/calendar';
import { registryReminders } from '../../shared/domain/reminders';
import { type CampaignFigure, type Overview, type RegistryFigure, registryFigures } from '../../shared/ipc/overview';
import { isBulkLoading } from '../cache/bulk-load';
import { dsarFigures } from './dsar-figures';

export interface OverviewDeps {
  db: Database.Database;
  timeZone(): string;
  processors: { list(): Processor[] };
  incidents: { list(): Incident[] };
  campaigns: { list(): PolicyCampaign[] };
  reviews: { list(): AccessReview[] };
  employees: { list(): Employee[] };
  grants: { list(): Grant[] };
  checks(): CheckSettings;
}

/** The overview over the cache at one instant: the requests' figures by SQL, the smaller registers from their documents. */
export function overviewAt(deps: OverviewDeps) {
  const dsar = dsarFigures(deps.db);
  return (now: Date): Overview => {
    const today = localDate(now, deps.timeZone());
    const incidents = deps.incidents.list().filter((incident) => incident.status !== 'closed');
    const clocks = incidents
      .filter(authorityClockRuns)
      .map((incident) => {
        const deadline = breachAuthorityDeadline(incident.awareAt);
        return { id: incident.id, title: incident.title, deadline, minutesLeft: clockLeft(deadline, now).totalMinutes };
      })
      .sort((a, b) => a.minutesLeft - b.minutesLeft);

    const registry = Object.fromEntries(registryFigures.map((kind) => [kind, 0])) as Record<RegistryFigure, number>;
    // Processors, not reminders: a processor with two open objection windows is one row behind the figure.
    const behind = new Map<RegistryFigure, Set<string>>(registryFigures.map((kind) => [kind, new Set()]));
    for (const reminder of registryReminders(deps.processors.list(), today))
      behind.get(reminder.kind as RegistryFigure)?.add(reminder.processorId);
    for (const kind of registryFigures) registry[kind] = behind.get(kind)?.size ?? 0;

    const campaigns = deps.campaigns.list().sort((a, b) => b.sendAt.localeCompare(a.sendAt));
    const lastSent = campaigns.find((campaign) => campaign.state === 'sent');
    const shown = campaigns.filter((campaign) => campaign.state === 'planned' || campaign.state === 'sending' || campaign === lastSent);

    const reviews = deps.reviews
      .list()
      .filter((review) => review.state === 'open')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
      .map((review) => ({
        id: review.id,
        title: review.title,
        dueDate: review.dueDate,
        overdue: reviewOverdue(review, today),
        items: review.counts.items,
        decided: review.counts.decided,
      }));
    const leavers = findings(deps.employees.list(), deps.grants.list(), now.toISOString(), deps.checks()).filter(
      (f) => f.kind === 'leaver',
    );

    return {
      // While a bootstrap defers the indexes and the tallies, the requests' figures wait for its end.
      dsar: isBulkLoading(deps.db) ? null : dsar(today),
      incidents: { open: incidents.length, clocks },
      registry,
      campaigns: shown.map(campaignFigure),
      reviews,
      leavers: { open: leavers.length, overdue: leavers.filter((finding) => finding.overdue).length },
    };
  };
}

const campaignFigure = (campaign: PolicyCampaign): CampaignFigure => ({
  id: campaign.id,
  versionId: campaign.versionId,
  document: campaign.document,
  language: campaign.language,
  number: campaign.number,
  state: campaign.state,
  recipients: campaign.recipients,
  reached: campaign.waves[0]?.delivered ?? 0,
  acknowledged: campaign.totals.acknowledged,
  bounced: campaign.totals.bounced,
});
