import { z } from 'zod';
import { EntityBase, Id, Iso } from './common';

/** Arts. 15-18, 20, 21 GDPR. */
export const DsarType = z.enum(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']);
export type DsarType = z.infer<typeof DsarType>;

export const DsarStatus = z.enum(['new', 'identity_pending', 'in_progress', 'awaiting_subject', 'completed', 'denied', 'withdrawn']);
export type DsarStatus = z.infer<typeof DsarStatus>;

export const DsarChannel = z.enum(['web_form', 'email', 'letter', 'in_app']);
export const DsarPriority = z.enum(['low', 'normal', 'high']);
export const Locale = z.enum(['de', 'en']);

export const DsarSubject = z.object({
  /** The platform account, when the requester has one. */
  userId: Id.nullable(),
  name: z.string().min(1).max(200),
  email: z.email().max(254),
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
  notes: z.string().max(10_000),
}).meta({ id: 'Dsar' });
export type Dsar = z.infer<typeof Dsar>;

/** PATCH /v1/dsars/{id}: the fields a console may change in this version of the contract. */
export const DsarPatch = z
  .strictObject({
    assigneeId: Id.nullable().optional(),
    priority: DsarPriority.optional(),
    notes: z.string().max(10_000).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'at least one field is required' })
  .meta({ id: 'DsarPatch' });
export type DsarPatch = z.infer<typeof DsarPatch>;
