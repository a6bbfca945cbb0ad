import { z } from 'zod';
import { EntityBase, Id } from './common';
import { DataCategory, FieldChange, JobKind, ObjectionPurpose } from './dsar-workflow';

const Day = z.iso.date();

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One record of a data category as the platform holds it: `fields` is the record itself (its actual content,
 * addresses as structured fields), `label` and `detail` are one line for the officer's review.
 */
export const PackageItem = z.object({
  id: Id,
  label: z.string(),
  detail: z.string(),
  fields: z.record(z.string(), z.union([Scalar, z.record(z.string(), Scalar)])).default({}),
});
export type PackageItem = z.infer<typeof PackageItem>;

/** The outcome of a fulfilment job, per kind. */
export const JobResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('package'),
    /** Every category with its records; the officer reviews these before delivery. */
    categories: z.array(z.object({ category: DataCategory, count: z.number().int(), items: z.array(PackageItem) })),
  }),
  z.object({
    kind: z.literal('erasure'),
    categories: z.array(
      z.object({
        category: DataCategory,
        /** `anonymised`: kept without anything that identifies the person (where the records of processing say so). */
        outcome: z.enum(['erased', 'anonymised', 'restricted']),
        records: z.number().int(),
        /** Where a retention duty applies (Art. 17(3)(b), § 35(3) BDSG): the law and the end of the duty. */
        legalBasis: z.string().nullable(),
        until: Day.nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal('restriction'), restricted: z.boolean() }),
  z.object({ kind: z.literal('objection'), objections: z.array(ObjectionPurpose) }),
  z.object({ kind: z.literal('rectification'), changes: z.array(FieldChange) }),
]);
export type JobResult = z.infer<typeof JobResult>;

/** A fulfilment job the platform runs for a request; its progress reaches the console through the feed. */
export const Job = EntityBase.extend({
  dsarId: Id,
  kind: JobKind,
  state: z.enum(['running', 'succeeded', 'failed']),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** What the platform is doing now, e.g. the category it is collecting. */
  step: z.string().nullable(),
  result: JobResult.nullable(),
  error: z.string().nullable(),
}).meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;
