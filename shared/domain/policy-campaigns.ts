import type { PolicyVersion } from '../api/policies';
import {
  type CampaignChannel,
  type CampaignPlan,
  campaignIdOf,
  DEFAULT_LEAD_DAYS,
  MAX_REMINDERS,
  type PolicyCampaign,
} from '../api/policy-campaigns';
import type { MutationContext } from '../entities/descriptor';
import { daysBetween, localDate } from './calendar';
import { RuleError } from './rules';

/** The controller's time zone: the lead time counts its calendar days, the campaign's days are its days. */
export const CAMPAIGN_TIME_ZONE = 'Europe/Berlin';
/** A send instant this far in the past still counts as "now" (clocks of console and platform differ a little). */
const CLOCK_SLACK_MS = 5 * 60_000;

/** What only the platform can do for a campaign: count its audience, and send it as a job. */
export interface CampaignPlatform {
  /** Open accounts that read the platform in this language. */
  audience(language: PolicyVersion['language']): number;
  /** Accounts a campaign reached that have not acknowledged it (a reminder's audience). */
  unacknowledged(campaignId: string): number;
}

/**
 * Where a message names the new version's address: the platform fills in where it serves the text before it
 * takes effect (the sandbox: `/v1/public/policies/{document}/{language}/versions/{number}`) when it sends.
 */
export const CAMPAIGN_LINK = '{{link}}';

/** Each document's name as the messages need it (German declines it: unsere Datenschutzerklärung, unseren Cookie-Hinweis). */
const documentNames = {
  de: {
    privacy: { accusative: 'unsere Datenschutzerklärung', genitive: 'unserer Datenschutzerklärung', headline: 'Neue Datenschutzerklärung' },
    cookies: { accusative: 'unseren Cookie-Hinweis', genitive: 'unseres Cookie-Hinweises', headline: 'Neuer Cookie-Hinweis' },
  },
  en: {
    privacy: { accusative: 'our privacy policy', genitive: 'our privacy policy', headline: 'New privacy policy' },
    cookies: { accusative: 'our cookie notice', genitive: 'our cookie notice', headline: 'New cookie notice' },
  },
} as const;

/** The controller's calendar date of an instant, as its readers write it. */
function dateOf(instant: string, language: 'de' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: CAMPAIGN_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

/**
 * The e-mail and the in-app notice of a material change, in the version's language: what changes (the
 * version's change summary), from when, where to read it, and that the person need do nothing else. The
 * wording is fixed here so that no campaign leaves out the date or the summary.
 */
export function composeCampaign(version: Pick<PolicyVersion, 'document' | 'language' | 'changeSummary' | 'title'>, effectiveAt: string) {
  const language = version.language;
  const name = documentNames[language][version.document];
  const date = dateOf(effectiveAt, language);
  const summary = version.changeSummary.trim();
  // The platform puts the address of its published text in for each recipient (only it knows its public URL).
  const link = CAMPAIGN_LINK;
  if (language === 'de') {
    return {
      email: {
        subject: `Wir ändern ${name.accusative} zum ${date}`,
        body: [
          'Guten Tag,',
          `zum ${date} tritt eine neue Fassung ${name.genitive} in Kraft. Das ändert sich:`,
          summary,
          `Die neue Fassung lesen Sie schon jetzt hier: ${link}. Bis dahin gilt die bisherige Fassung.`,
          'Fragen? Unser Datenschutzbeauftragter ist für Sie da.',
        ].join('\n\n'),
      },
      inApp: {
        subject: `${name.headline} ab ${date}`,
        body: `${summary}\n\nDie neue Fassung: ${link}`,
      },
    };
  }
  return {
    email: {
      subject: `We are changing ${name.accusative} on ${date}`,
      body: [
        'Hello,',
        `A new version of ${name.genitive} takes effect on ${date}. This is what changes:`,
        summary,
        `You can read the new version now: ${link}. Until then the current version applies.`,
        'Questions? Our data protection officer is there for you.',
      ].join('\n\n'),
    },
    inApp: {
      subject: `${name.headline} from ${date}`,
      body: `${summary}\n\nThe new version: ${link}`,
    },
  };
}

/** Calendar days in the controller's time zone from sending to taking effect (§ 187 BGB counts days, not hours). */
export const leadDaysOf = (sendAt: string, effectiveAt: string) =>
  daysBetween(localDate(sendAt, CAMPAIGN_TIME_ZONE), localDate(effectiveAt, CAMPAIGN_TIME_ZONE));

/** Whether a campaign still speaks for its version: the same effective instant and the same change, still standing. */
export const campaignStands = (campaign: Pick<PolicyCampaign, 'effectiveAt' | 'changeSummary'>, version: PolicyVersion | null) =>
  (version?.status === 'scheduled' || version?.status === 'published') &&
  version.effectiveAt === campaign.effectiveAt &&
  version.changeSummary === campaign.changeSummary;

const zero = { sent: 0, delivered: 0, bounced: 0, acknowledged: 0 };

/**
 * Telling users of a material change before it takes effect: only for a scheduled version classified material,
 * sent at least the lead time before its effective date (30 days unless a reason says why less), to every open
 * account reading the platform in the version's language — counted by the platform, which refuses an audience
 * of nobody. The platform starts the first wave at `sendAt`.
 */
export function planCampaign(args: CampaignPlan, ctx: MutationContext<CampaignPlatform>): PolicyCampaign {
  const attempt = Number(/_(\d+)$/.exec(args.id)?.[1] ?? Number.NaN);
  if (!Number.isInteger(attempt) || attempt < 1 || args.id !== campaignIdOf(args.versionId, attempt)) {
    throw new RuleError('invalid-campaign-id', `A campaign of ${args.versionId} is named ${campaignIdOf(args.versionId)}.`, 'id');
  }
  // A version is told once; again only after its earlier campaign was stopped (it was withdrawn and scheduled anew).
  if (attempt > 1 && ctx.find('policyCampaign', campaignIdOf(args.versionId, attempt - 1))?.state !== 'cancelled') {
    throw new RuleError('campaign-exists', 'This version already has a campaign that was not stopped.', 'versionId');
  }
  const version = ctx.find('policyVersion', args.versionId);
  if (!version) {
    throw new RuleError('unknown-policy-version', `There is no version ${args.versionId}.`, 'versionId', { number: args.versionId });
  }
  if (version.classification?.kind !== 'material') {
    throw new RuleError(
      'campaign-minor',
      'Only a material change is told to users actively; a minor one is simply published.',
      'versionId',
    );
  }
  if (version.status !== 'scheduled' || !version.effectiveAt) {
    throw new RuleError(
      'campaign-not-scheduled',
      'Schedule the version first: the lead time counts back from its effective date.',
      'versionId',
    );
  }
  const sendAt = args.sendAt ? new Date(args.sendAt).toISOString() : ctx.at;
  if (Date.parse(sendAt) < Date.parse(ctx.at) - CLOCK_SLACK_MS) {
    throw new RuleError('send-in-past', 'A campaign is sent now or later.', 'sendAt');
  }
  const days = leadDaysOf(sendAt, version.effectiveAt);
  if (Date.parse(version.effectiveAt) <= Date.parse(sendAt) || days < args.leadDays) {
    throw new RuleError(
      'lead-too-short',
      `Sent then, users would have ${Math.max(0, days)} days before the change takes effect; the lead time asks for ${args.leadDays}.`,
      args.leadDays >= DEFAULT_LEAD_DAYS ? 'leadDays' : 'sendAt',
      { days: Math.max(0, days), required: args.leadDays },
    );
  }
  const recipients = ctx.platform?.audience(version.language) ?? 0;
  if (ctx.platform && recipients === 0) {
    throw new RuleError('audience-empty', 'No open account reads the platform in this language.', 'versionId');
  }
  return {
    id: args.id,
    version: 0,
    updatedAt: ctx.at,
    versionId: version.id,
    document: version.document,
    language: version.language,
    number: version.number,
    effectiveAt: version.effectiveAt,
    changeSummary: version.changeSummary,
    channels: sortChannels(args.channels),
    leadDays: args.leadDays,
    shortLeadReason: args.leadDays < DEFAULT_LEAD_DAYS ? args.shortLeadReason : null,
    sendAt,
    createdBy: ctx.actor,
    createdAt: ctx.at,
    messages: composeCampaign(version, version.effectiveAt),
    state: 'planned',
    recipients,
    totals: { ...zero },
    days: [],
    waves: [
      {
        number: 1,
        kind: 'initial',
        requestedBy: ctx.actor,
        requestedAt: ctx.at,
        note: '',
        recipients,
        queued: recipients,
        delivered: 0,
        state: 'planned',
      },
    ],
    cancelReason: null,
    stoppedBecause: null,
  };
}

const sortChannels = (channels: readonly CampaignChannel[]): CampaignChannel[] =>
  (['email', 'in_app'] as const).filter((channel) => channels.includes(channel));

/**
 * A reminder to everyone the campaign reached who has not acknowledged it: once the earlier waves are done,
 * while the version still stands, at most three times.
 */
export function remindCampaign(current: PolicyCampaign, args: { note: string }, ctx: MutationContext<CampaignPlatform>): PolicyCampaign {
  if (current.state === 'cancelled') throw new RuleError('campaign-cancelled', 'The campaign was stopped.', 'id');
  if (current.state !== 'sent') {
    throw new RuleError('campaign-still-sending', 'Wait until the last wave has gone out before reminding anyone.', 'id');
  }
  // Once in force, "we are changing" is no longer true: a reminder is for the lead time only.
  if (Date.parse(current.effectiveAt) <= Date.parse(ctx.at)) {
    throw new RuleError(
      'campaign-effective-passed',
      'The change has taken effect: a reminder would announce what is already in force.',
      'id',
    );
  }
  if (current.waves.filter((wave) => wave.kind === 'reminder').length >= MAX_REMINDERS) {
    throw new RuleError('too-many-reminders', `At most ${MAX_REMINDERS} reminders per campaign.`, 'id', { count: MAX_REMINDERS });
  }
  if (!campaignStands(current, ctx.find('policyVersion', current.versionId))) {
    throw new RuleError(
      'campaign-version-withdrawn',
      'The version was withdrawn, rescheduled or reworded since: this campaign no longer speaks for it.',
      'id',
    );
  }
  const recipients = ctx.platform?.unacknowledged(current.id) ?? 0;
  if (ctx.platform && recipients === 0) {
    throw new RuleError('nobody-to-remind', 'Everyone reached has acknowledged the change.', 'id');
  }
  const number = current.waves.length + 1;
  return {
    ...current,
    updatedAt: ctx.at,
    state: 'sending',
    waves: [
      ...current.waves,
      {
        number,
        kind: 'reminder',
        requestedBy: ctx.actor,
        requestedAt: ctx.at,
        note: args.note,
        recipients,
        queued: recipients,
        delivered: 0,
        state: 'planned',
      },
    ],
  };
}

/** Stopping a campaign that has not finished: what went out stays counted, nothing more is sent. */
export function cancelCampaign(current: PolicyCampaign, args: { reason: string }, ctx: MutationContext<CampaignPlatform>): PolicyCampaign {
  if (current.state !== 'planned' && current.state !== 'sending') {
    throw new RuleError('campaign-finished', 'The campaign has finished: there is nothing left to stop.', 'id');
  }
  return stopped(current, args.reason, null, ctx.at);
}

/** The campaign stopped: by a person (with the reason), or by the platform when its version changed. */
export function stopped(
  current: PolicyCampaign,
  reason: string | null,
  because: PolicyCampaign['stoppedBecause'],
  at: string,
): PolicyCampaign {
  return {
    ...current,
    updatedAt: at,
    state: 'cancelled',
    cancelReason: reason,
    stoppedBecause: because,
    waves: current.waves.map((wave) => (wave.state === 'done' ? wave : { ...wave, state: 'cancelled' })),
  };
}
