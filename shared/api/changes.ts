import { z } from 'zod';
import { ProcessingActivity } from './activities';
import { Staff } from './common';
import { Dsar } from './dsar';
import { Job } from './jobs';
import { Processor } from './processors';

export const EntityName = z.enum(['dsar', 'staff', 'processor', 'activity', 'job']);
export type EntityName = z.infer<typeof EntityName>;

const upsert = <E extends EntityName, S extends z.ZodType>(entity: E, data: S) =>
  z.object({
    seq: z.number().int().positive(),
    entity: z.literal(entity),
    id: z.string(),
    op: z.literal('upsert'),
    version: z.number().int().positive(),
    data,
  });

export const Tombstone = z.object({
  seq: z.number().int().positive(),
  entity: EntityName,
  id: z.string(),
  op: z.literal('delete'),
  version: z.number().int().positive(),
  data: z.null(),
});

/** One entry of the ordered changes feed: the latest state of one entity, or its tombstone. */
export const Change = z
  .union([
    upsert('dsar', Dsar),
    upsert('staff', Staff),
    upsert('processor', Processor),
    upsert('activity', ProcessingActivity),
    upsert('job', Job),
    Tombstone,
  ])
  .meta({ id: 'Change' });
export type Change = z.infer<typeof Change>;

export const ChangesPage = z
  .object({
    changes: z.array(Change),
    /** Opaque; pass it back as `after`. A cursor from another platform epoch answers 410. */
    cursor: z.string(),
    hasMore: z.boolean(),
  })
  .meta({ id: 'ChangesPage' });
export type ChangesPage = z.infer<typeof ChangesPage>;

export const ChangesQuery = z.object({
  after: z.string().max(100).default('0'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
