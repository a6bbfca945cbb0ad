import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Id, Iso } from './common';
import { DsarEvent, Locale } from './dsar-workflow';

/** Arts. 15-18, 20, 21 GDPR. */
export const DsarType = z.enum(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']);
export type DsarType = z.infer<typeof DsarType>;

export const DsarStatus = z.enum([
  'new',
  'identity_pending',
  'in_progress',
  'awaiting_subject',
  'completed',
  'denied',
  'withdrawn',
  'duplicate',
]);
export type DsarStatus = z.infer<typeof DsarStatus>;

export const DsarChannel = z.enum(['web_form', 'email', 'letter', 'in_app']);
export const DsarPriority = z.enum(['low', 'normal', 'high']);
export { Locale };

export const Tag = z.string().trim().min(1).max(40);

export const DsarSubject = z.object({
  /** The platform account, when the requester has one. */
  userId: Id.nullable(),
  name: z.string().min(1).max(200),
  /** None for a person who wrote by letter and gave no e-mail address: replies go by post. */
  email: z.email().max(254).nullable(),
  locale: Locale,
  /** Postal address, for requests that came by letter. */
  address: z.string().max(300).nullable(),
});

export const Dsar = EntityBase.extend({
  type: DsarType,
  status: DsarStatus,
  subject: DsarSubject,
  channel: DsarChannel,
  receivedAt: Iso,
  assigneeId: Id.nullable(),
  priority: DsarPriority,
  /** The request as it arrived (intake note); internal notes are timeline entries. */
  notes: z.string().max(10_000),
  tags: z.array(Tag).max(20),
  /** Set with status `duplicate`: the open request this one repeats. */
  duplicateOf: Id.nullable(),
  /** Everything that happened to the request, oldest first. */
  events: z.array(DsarEvent),
}).meta({ id: 'Dsar' });
export type Dsar = z.infer<typeof Dsar>;

/** The officer who works on the request, or nobody. */
export const DsarAssign = z.strictObject({ assigneeId: Id.nullable() }).meta({ id: 'DsarAssign' });
export type DsarAssign = z.infer<typeof DsarAssign>;

export const DsarSetPriority = z.strictObject({ priority: DsarPriority }).meta({ id: 'DsarSetPriority' });
export type DsarSetPriority = z.infer<typeof DsarSetPriority>;

export const DsarSetTags = z.strictObject({ tags: z.array(Tag).max(20) }).meta({ id: 'DsarSetTags' });
export type DsarSetTags = z.infer<typeof DsarSetTags>;

/** POST /v1/dsars: a request that reached the controller outside the platform (e-mail, letter). */
export const DsarCreateFields = z.strictObject({
  id: Id,
  type: DsarType,
  channel: z.enum(['email', 'letter']),
  receivedAt: Iso,
  subject: DsarSubject,
  notes: z.string().max(10_000).default(''),
  priority: DsarPriority.default('normal'),
  /** Set after the officer saw the duplicate warning and records it as a repeat of that request. */
  duplicateOf: Id.nullable().default(null),
});

/** The controller must be able to answer (Art. 12(1)): by e-mail, or by post to an address. */
export function checkReachable(
  create: { channel: 'email' | 'letter'; subject: { email: string | null; address: string | null } },
  ctx: z.RefinementCtx,
): void {
  if (create.channel === 'email' && create.subject.email === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['subject', 'email'],
      message: 'a request by e-mail needs its address',
      params: problem('required'),
    });
  }
  if (create.subject.email === null && !create.subject.address?.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['subject', 'address'],
      message: 'without an e-mail address, replies go by post: give the postal address',
      params: problem('no-postal-address'),
    });
  }
}

export const DsarCreate = DsarCreateFields.superRefine(checkReachable).meta({ id: 'DsarCreate' });
export type DsarCreate = z.infer<typeof DsarCreate>;
