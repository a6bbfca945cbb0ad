import { z } from 'zod';
import { type Entity, type EntityName, type EntityTypes, entities, entityNames } from '../entities/registry';

export const EntityNameSchema = z.enum(entityNames as [EntityName, ...EntityName[]]);
export type { EntityName };

const upsert = (entity: Entity) =>
  z.object({
    seq: z.number().int().positive(),
    entity: z.literal(entity.name),
    id: z.string(),
    op: z.literal('upsert'),
    version: z.number().int().positive(),
    data: entity.schema,
  });

export const Tombstone = z.object({
  seq: z.number().int().positive(),
  entity: EntityNameSchema,
  id: z.string(),
  op: z.literal('delete'),
  version: z.number().int().positive(),
  data: z.null(),
});

type Upsert = {
  [N in EntityName]: { seq: number; entity: N; id: string; op: 'upsert'; version: number; data: EntityTypes[N] };
}[EntityName];
export type Change = Upsert | z.infer<typeof Tombstone>;

/** One entry of the ordered changes feed: the latest state of one entity, or its tombstone. */
// The union is built from the registry, so its element types are the registry's: the cast restores them.
// Chosen by `op`, then by `entity` (not tried option by option: a page of the last entity in the registry would be
// parsed against every other entity's schema first).
const upserts = entities.map(upsert) as unknown as [ReturnType<typeof upsert>, ...ReturnType<typeof upsert>[]];
export const Change = z
  .discriminatedUnion('op', [z.discriminatedUnion('entity', upserts), Tombstone])
  .meta({ id: 'Change' }) as unknown as z.ZodType<Change>;

export const ChangesPage = z
  .object({
    changes: z.array(Change),
    /** Opaque; pass it back as `after`. A cursor from another platform epoch answers 410. */
    cursor: z.string(),
    hasMore: z.boolean(),
    /**
     * At most how many changes follow this page (a bound, not a count: entities the token may not read and
     * entities that moved on are included); for a bootstrap's progress. Absent where the platform cannot say.
     */
    remaining: z.number().int().min(0).optional(),
  })
  .meta({ id: 'ChangesPage' });
export type ChangesPage = z.infer<typeof ChangesPage>;

export const ChangesQuery = z.object({
  after: z.string().max(100).default('0'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
