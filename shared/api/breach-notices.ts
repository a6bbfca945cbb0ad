import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Id, Iso } from './common';

const Day = z.iso.date();

/** Who receives a notice: accounts picked or pasted, a CSV of user ids, or a query the platform runs. */
export const NoticeAudience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accounts'), userIds: z.array(Id).min(1).max(50_000) }),
  z.strictObject({ kind: z.literal('csv'), fileName: z.string().trim().min(1).max(200), userIds: z.array(Id).min(1).max(50_000) }),
  z.strictObject({ kind: z.literal('enrolled'), course: z.string().trim().min(2).max(200) }),
  z.strictObject({ kind: z.literal('logged_in'), from: Day, to: Day }).refine((range) => range.to >= range.from, {
    message: 'the end lies before the start',
    params: problem('range-inverted'),
    path: ['to'],
  }),
]);
export type NoticeAudience = z.infer<typeof NoticeAudience>;

/**
 * Art. 34(2): what a notice to the people affected must say besides the nature of the breach, in clear and
 * plain language — written once per language by the officer, composed into the message by the platform.
 */
const Part = z.string().trim().min(10).max(3000);
export const NoticeParts = z.strictObject({
  /** What happened, in plain words. */
  what: Part,
  /** Art. 33(3)(c): the likely consequences. */
  consequences: Part,
  /** Art. 33(3)(d): what we did and do. */
  measures: Part,
  /** What the person can do to protect themselves. */
  advice: Part,
});
export type NoticeParts = z.infer<typeof NoticeParts>;

export const NoticeCounts = z.object({
  recipients: z.number().int().min(0),
  queued: z.number().int().min(0),
  sent: z.number().int().min(0),
  delivered: z.number().int().min(0),
  bounced: z.number().int().min(0),
  /** Ids in the list the platform has no account for. */
  unknown: z.number().int().min(0),
});
export type NoticeCounts = z.infer<typeof NoticeCounts>;

/** Whom an audience reaches, asked before a notice goes out. */
export const AudiencePreview = z
  .object({ recipients: z.number().int().min(0), unknown: z.number().int().min(0) })
  .meta({ id: 'AudiencePreview' });

/** The platform's courses, which an audience can name. */
export const CourseList = z.object({ courses: z.array(z.string()) }).meta({ id: 'CourseList' });
export type AudiencePreview = z.infer<typeof AudiencePreview>;

/** An Art. 34 notice, sent by the platform as a job; its counts come back through the changes feed. */
export const Notice = EntityBase.extend({
  incidentId: Id,
  createdAt: Iso,
  createdBy: z.string().min(1).max(64),
  parts: z.strictObject({ de: NoticeParts, en: NoticeParts }),
  /** (b) the contact point people can turn to. */
  contact: z.string(),
  /** What was sent, in each language (each account gets its own language). */
  messages: z.object({ de: z.object({ subject: z.string(), body: z.string() }), en: z.object({ subject: z.string(), body: z.string() }) }),
  /** The audience as chosen; a list is kept by its size only (the ids are the platform's). */
  audience: z.object({ kind: z.enum(['accounts', 'csv', 'enrolled', 'logged_in']), description: z.string() }),
  state: z.enum(['queued', 'sending', 'done', 'failed']),
  counts: NoticeCounts,
  error: z.string().nullable(),
}).meta({ id: 'Notice' });
export type Notice = z.infer<typeof Notice>;

/** POST /v1/notices: tell the people affected by an incident (the client chooses the id). */
export const NoticeSend = z
  .strictObject({
    id: Id,
    incidentId: Id,
    parts: z.strictObject({ de: NoticeParts, en: NoticeParts }),
    contact: z.string().trim().min(5).max(300),
    audience: NoticeAudience,
  })
  .meta({ id: 'NoticeSend' });
export type NoticeSend = z.infer<typeof NoticeSend>;
