import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Id, Iso } from './common';
import { PolicyDocument, PolicyLanguage } from './policies';

/** How users are told: an e-mail, and a notice in the app they confirm when they next sign in. */
export const CampaignChannel = z.enum(['email', 'in_app']);
export type CampaignChannel = z.infer<typeof CampaignChannel>;

/** The lead time authorities expect between telling users of a material change and its taking effect. */
export const DEFAULT_LEAD_DAYS = 30;
/** At most this many reminder waves after the first. */
export const MAX_REMINDERS = 3;

const Count = z.number().int().min(0);

/** What a campaign (or one of its days) did: messages sent, people reached, e-mails bounced, people who acknowledged. */
export const CampaignCounts = z.object({
  sent: Count,
  /** Reached by e-mail or in the app. */
  delivered: Count,
  /** E-mails that came back (with the notice in the app as well, the person is still reached). */
  bounced: Count,
  /**
   * Followed the link in the e-mail or confirmed the notice in the app (each person once, whichever wave reached
   * them). No tracking pixel: opening a mail is not counted (§ 25 TDDDG).
   */
  acknowledged: Count,
});
export type CampaignCounts = z.infer<typeof CampaignCounts>;

/** A wave: the first message, or a reminder to those who have not acknowledged. */
export const CampaignWave = z.object({
  number: z.number().int().positive(),
  kind: z.enum(['initial', 'reminder']),
  requestedBy: z.string().min(1).max(64),
  requestedAt: Iso,
  /** What the person who asked for it noted (a reminder's reason). */
  note: z.string().default(''),
  /** Accounts it goes to, counted by the platform when it started. */
  recipients: Count,
  queued: Count,
  /** Accounts it reached (by e-mail or in the app). */
  delivered: Count.default(0),
  state: z.enum(['planned', 'sending', 'done', 'cancelled']),
});
export type CampaignWave = z.infer<typeof CampaignWave>;

/** Subject and text of one channel, in the version's language (the change summary composed in). */
const Message = z.object({ subject: z.string(), body: z.string() });

/**
 * A material change told to users: one campaign per policy version, sent by the platform as a job to every
 * open account that reads the platform in the version's language. Its counts (totals and per day) come back
 * through the changes feed — the per-person rows stay on the platform.
 */
export const PolicyCampaign = EntityBase.extend({
  versionId: Id,
  document: PolicyDocument,
  language: PolicyLanguage,
  /** The version's number, the instant it takes effect and what changes (as when planned: a version rescheduled or reworded since stops the campaign). */
  number: z.number().int().positive(),
  effectiveAt: Iso,
  changeSummary: z.string(),
  channels: z.array(CampaignChannel).min(1),
  /** The lead time aimed for; shorter than 30 days only with the reason. */
  leadDays: z.number().int().min(0).max(365),
  shortLeadReason: z.string().nullable(),
  /** When the first wave goes out (the platform starts it then, with no console running). */
  sendAt: Iso,
  createdBy: z.string().min(1).max(64),
  createdAt: Iso,
  messages: z.object({ email: Message, inApp: Message }),
  state: z.enum(['planned', 'sending', 'sent', 'cancelled']),
  /** Accounts the first wave reached. */
  recipients: Count,
  totals: CampaignCounts,
  /** Per calendar day (UTC), oldest first: what happened that day. */
  days: z.array(CampaignCounts.extend({ day: z.iso.date() })),
  waves: z.array(CampaignWave),
  cancelReason: z.string().nullable(),
  /** Why the platform stopped it on its own: its version was withdrawn, rescheduled or reworded. */
  stoppedBecause: z.enum(['version_changed']).nullable().default(null),
}).meta({ id: 'PolicyCampaign' });
export type PolicyCampaign = z.infer<typeof PolicyCampaign>;

/**
 * A version's campaigns are numbered: the first `cmp_<document>_<language>_<number>_1`; after one was stopped
 * (the version withdrawn and scheduled again), the next.
 */
export const campaignIdOf = (versionId: string, attempt = 1) => `cmp_${versionId.replace(/^pol_/, '')}_${attempt}`;

/** What a person chooses when planning a campaign (the console derives the id from the version). */
export const CampaignPlanFields = z.strictObject({
  versionId: Id,
  channels: z
    .array(CampaignChannel)
    .min(1)
    .max(2)
    .refine((list) => new Set(list).size === list.length, { message: 'a channel is named twice' }),
  leadDays: z.number().int().min(0).max(365).default(DEFAULT_LEAD_DAYS),
  shortLeadReason: z.string().trim().min(10).max(2000).nullable().default(null),
  /** When sending starts; now when absent. */
  sendAt: Iso.nullable().default(null),
});

const leadReasoned = (plan: { leadDays: number; shortLeadReason: string | null }) =>
  plan.leadDays >= DEFAULT_LEAD_DAYS || plan.shortLeadReason !== null;
const leadReasonMissing = {
  message: `a lead time under ${DEFAULT_LEAD_DAYS} days needs the reason`,
  params: problem('lead-reason-missing'),
  path: ['shortLeadReason'],
};

/** The console's check of the fields (the same rule the platform applies to the operation). */
export const CampaignPlanInput = CampaignPlanFields.refine(leadReasoned, leadReasonMissing);

/** POST /v1/policy-campaigns: plan telling users of a scheduled material change (the id follows the version's). */
export const CampaignPlan = CampaignPlanFields.extend({ id: Id }).refine(leadReasoned, leadReasonMissing).meta({ id: 'CampaignPlan' });
export type CampaignPlan = z.infer<typeof CampaignPlan>;

/** POST /v1/policy-campaigns/{id}/remind: a reminder wave to everyone reached who has not acknowledged (before it takes effect). */
export const CampaignRemind = z.strictObject({ note: z.string().trim().max(500).default('') }).meta({ id: 'CampaignRemind' });
/** POST /v1/policy-campaigns/{id}/cancel: stop a campaign that has not finished (what went out stays counted). */
export const CampaignCancel = z.strictObject({ reason: z.string().trim().min(10).max(2000) }).meta({ id: 'CampaignCancel' });

/** GET /v1/policy-audience?language=de: how many open accounts a campaign in that language reaches. */
export const CampaignAudienceQuery = z.strictObject({ language: PolicyLanguage });
export const CampaignAudience = z.object({ language: PolicyLanguage, recipients: Count }).meta({ id: 'CampaignAudience' });
export type CampaignAudience = z.infer<typeof CampaignAudience>;

/** GET /v1/accounts/{id}/policy-notices: for one person, which versions they were told of, when, and what came of it. */
export const PersonPolicyNotice = z.object({
  campaignId: Id,
  versionId: Id,
  document: PolicyDocument,
  language: PolicyLanguage,
  number: z.number().int().positive(),
  effectiveAt: Iso,
  wave: z.number().int().positive(),
  channels: z.array(CampaignChannel),
  /** Reached (by e-mail or in the app), bounced (an e-mail only campaign), or never sent (the campaign stopped first). */
  outcome: z.enum(['queued', 'sent', 'delivered', 'bounced', 'cancelled']),
  /** The e-mail came back, though the notice in the app reached the person. */
  emailBounced: z.boolean(),
  sentAt: Iso.nullable(),
  acknowledgedAt: Iso.nullable(),
  acknowledgedBy: z.enum(['clicked', 'confirmed']).nullable(),
});
export type PersonPolicyNotice = z.infer<typeof PersonPolicyNotice>;
export const PersonPolicyNotices = z.object({ accountId: Id, notices: z.array(PersonPolicyNotice) }).meta({ id: 'PersonPolicyNotices' });
export type PersonPolicyNotices = z.infer<typeof PersonPolicyNotices>;
