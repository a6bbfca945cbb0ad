import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Id, Iso } from './common';

/** Art. 6(1)(a)-(f). */
export const LegalBasis = z.enum(['art6_1_a', 'art6_1_b', 'art6_1_c', 'art6_1_d', 'art6_1_e', 'art6_1_f']);
/** Art. 9(2)(a)-(j), for special categories of data. */
export const Art9Ground = z.enum([
  'art9_2_a',
  'art9_2_b',
  'art9_2_c',
  'art9_2_d',
  'art9_2_e',
  'art9_2_f',
  'art9_2_g',
  'art9_2_h',
  'art9_2_i',
  'art9_2_j',
]);

const Text = (max: number) => z.string().trim().max(max);

export const Retention = z.object({ category: Text(120).min(1), period: Text(300).min(1) });

const activityFields = {
  name: Text(200).min(2),
  purpose: Text(2000).min(2),
  legalBasis: LegalBasis,
  /** Required for Art. 6(1)(f). */
  legitimateInterest: Text(2000),
  specialCategories: z.boolean(),
  art9Ground: Art9Ground.nullable(),
  dataCategories: z.array(Text(120).min(1)).min(1).max(40),
  subjectCategories: z.array(Text(120).min(1)).min(1).max(20),
  /** Processors and third parties from the registry that receive the data. */
  recipientIds: z.array(Id).max(50),
  /** Recipients outside the registry, e.g. tax authorities. */
  otherRecipients: z.array(Text(200).min(1)).max(20),
  /** Art. 30(1)(e): safeguards beyond what the linked processors' transfer mechanisms say. */
  transferNote: Text(2000),
  retention: z.array(Retention).min(1).max(40),
  /** Art. 30(1)(g), Art. 32(1). */
  toms: z.array(Text(300).min(1)).max(40),
  /** When the officer last checked this entry against the processing as it is (Art. 5(2), Art. 24(1)). */
  reviewedAt: z.iso.date().nullable().optional(),
};

/** One change of an entry, as the record's history prints it: when, by whom, which fields (none: created). */
export const ActivityChange = z.object({ at: Iso, actor: Id, fields: z.array(z.string().max(40)).max(30) });
export type ActivityChange = z.infer<typeof ActivityChange>;

type ActivityFields = z.infer<z.ZodObject<typeof activityFields>>;

function checkActivity(a: ActivityFields, ctx: z.RefinementCtx): void {
  if (a.legalBasis === 'art6_1_f' && a.legitimateInterest.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['legitimateInterest'],
      message: 'Name the legitimate interest (Art. 6(1)(f)).',
      params: problem('legitimate-interest-missing'),
    });
  }
  if (a.specialCategories && !a.art9Ground) {
    ctx.addIssue({
      code: 'custom',
      path: ['art9Ground'],
      message: 'Special categories need an Art. 9(2) ground.',
      params: problem('art9-ground-missing'),
    });
  }
}

export const ActivityDraft = z.object(activityFields).superRefine(checkActivity).meta({ id: 'ActivityDraft' });
export type ActivityDraft = z.infer<typeof ActivityDraft>;

export const ProcessingActivity = EntityBase.extend(activityFields)
  .extend({
    // Entries stored before these fields existed read as never reviewed, with no history.
    reviewedAt: z.iso.date().nullable().default(null),
    /** Kept by the platform's mutators (the console shows the same): the entry's changes, newest last. */
    history: z.array(ActivityChange).max(200).default([]),
  })
  .superRefine(checkActivity)
  .meta({ id: 'ProcessingActivity' });
export type ProcessingActivity = z.infer<typeof ProcessingActivity>;

export const ActivityCreate = z
  .strictObject({ id: Id.regex(/^act_[a-z0-9-]{6,60}$/, 'ids look like act_…'), ...activityFields })
  .superRefine(checkActivity)
  .meta({ id: 'ActivityCreate' });
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityPatch = z
  .strictObject(activityFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'at least one field is required', params: problem('nothing-changed') })
  .meta({ id: 'ActivityPatch' });
export type ActivityPatch = z.infer<typeof ActivityPatch>;
