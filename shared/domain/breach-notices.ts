import type { Notice, NoticeAudience, NoticeParts, NoticeSend } from '../api/breach-notices';
import type { Incident } from '../api/breaches';
import type { MutationContext } from '../entities/descriptor';
import { RuleError } from './rules';

/** What only the platform can do for a notice: find the accounts it goes to, and send it as a job. */
export interface NoticePlatform {
  /** How many accounts the audience reaches (a query is run; a list counts the ids it knows). */
  resolve(audience: NoticeAudience): { recipients: number; unknown: number };
  /** Queues the job that sends it, once the write has committed. */
  start(noticeId: string, audience: NoticeAudience): void;
}

const texts = {
  de: {
    subject: 'Wichtige Information zum Schutz Ihrer Daten',
    greeting: 'Guten Tag,',
    intro:
      'wir müssen Sie über eine Verletzung des Schutzes personenbezogener Daten informieren, die auch Ihre Daten betrifft (Art. 34 DSGVO).',
    what: 'Was ist passiert?',
    consequences: 'Welche Folgen kann das für Sie haben?',
    measures: 'Was wir getan haben und tun',
    advice: 'Was Sie selbst tun können',
    contact: 'Fragen? Unser Datenschutzbeauftragter',
    closing: 'Wir bedauern den Vorfall sehr.',
  },
  en: {
    subject: 'Important information about the protection of your data',
    greeting: 'Hello,',
    intro: 'we have to tell you about a personal data breach that also concerns your data (Art. 34 GDPR).',
    what: 'What happened?',
    consequences: 'What this may mean for you',
    measures: 'What we have done and are doing',
    advice: 'What you can do',
    contact: 'Questions? Our data protection officer',
    closing: 'We are very sorry this happened.',
  },
} as const;

/**
 * The message in one language: every part Art. 34(2) requires under its own heading, in the order a reader
 * needs it. The officer writes the parts; no one can send a notice that leaves one out.
 */
export function composeNotice(language: 'de' | 'en', parts: NoticeParts, contact: string) {
  const t = texts[language];
  const section = (heading: string, text: string) => `${heading}\n${text.trim()}`;
  return {
    subject: t.subject,
    body: [
      t.greeting,
      t.intro,
      section(t.what, parts.what),
      section(t.consequences, parts.consequences),
      section(t.measures, parts.measures),
      section(t.advice, parts.advice),
      section(t.contact, contact),
      t.closing,
    ].join('\n\n'),
  };
}

/** The audience in words for the register (a list by its size: the ids stay on the platform). */
export function describeAudience(audience: NoticeAudience): string {
  switch (audience.kind) {
    case 'accounts':
      return `${audience.userIds.length}`;
    case 'csv':
      return `${audience.fileName} (${audience.userIds.length})`;
    case 'enrolled':
      return audience.course;
    case 'logged_in':
      return `${audience.from}..${audience.to}`;
  }
}

/**
 * Art. 34: a notice goes out only for an incident on which telling the people was decided; the platform
 * resolves the audience (refusing one that reaches nobody) and sends it as a job whose counts come back
 * through the feed. The console's own check runs without the platform and shows it queued.
 */
export function sendNotice(_: null, args: NoticeSend, ctx: MutationContext<NoticePlatform>): Notice {
  const incident: Incident | null = ctx.find('incident', args.incidentId);
  if (!incident) throw new RuleError('unknown-incident', `No incident ${args.incidentId}.`, 'incidentId', { id: args.incidentId });
  if (!incident.decision?.subjects) {
    throw new RuleError('notice-not-decided', 'Decide to tell the people affected before sending them a notice (Art. 34).', 'incidentId');
  }
  const listed = args.audience.kind === 'accounts' || args.audience.kind === 'csv' ? new Set(args.audience.userIds).size : 0;
  const reach = ctx.platform?.resolve(args.audience) ?? { recipients: listed, unknown: 0 };
  if (ctx.platform && reach.recipients === 0) {
    throw new RuleError('audience-empty', 'No platform account matches this audience.', 'audience');
  }
  ctx.platform?.start(args.id, args.audience);
  return {
    id: args.id,
    version: 0,
    updatedAt: ctx.at,
    incidentId: args.incidentId,
    createdAt: ctx.at,
    createdBy: ctx.actor,
    parts: args.parts,
    contact: args.contact,
    messages: {
      de: composeNotice('de', args.parts.de, args.contact),
      en: composeNotice('en', args.parts.en, args.contact),
    },
    audience: { kind: args.audience.kind, description: describeAudience(args.audience) },
    state: 'queued',
    counts: { recipients: reach.recipients, queued: reach.recipients, sent: 0, delivered: 0, bounced: 0, unknown: reach.unknown },
    error: null,
  };
}
