import type { Versioned } from '../../shared/entities/descriptor';
import type { EntityName, EntityTypes } from '../../shared/entities/registry';

/**
 * One entity of the registry as the cache mirrors it. The sync engine and the write path know nothing more
 * about an entity than this; its feature decides the table, the query columns and the indexes.
 */
export interface CachedEntity<T extends Versioned> {
  /** The entity as the console shows it (pending local writes included), or null. */
  read(id: string): T | null;
  /** The platform's state. Never replaces a newer version (then answers false); clears the pending mark. */
  upsert(doc: T): boolean;
  /** The result of a pending local write, shown over the mirror: marked pending, its version the write's base. */
  overlay(doc: T): void;
  remove(id: string): void;
  clear(): void;
  /** For a large bootstrap: stop maintaining secondary indexes until `endBulkLoad`. */
  beginBulkLoad?(): void;
  endBulkLoad?(): void;
}

/** Every entity of the registry, cached: the compiler refuses a map that misses one. */
export type CachedEntities = { [N in EntityName]: CachedEntity<EntityTypes[N]> };

/** A pending write as the outbox keeps it: which mutator of which entity, with which arguments. */
export interface PendingWrite {
  seq: number;
  entity: EntityName;
  entityId: string;
  mutator: string;
  args: Record<string, unknown>;
  baseVersion: number;
  idempotencyKey: string;
  attempts: number;
  /** An irreversible write is not sent before this instant: until then it can be undone. */
  holdUntil: string | null;
  /** An attempt ended without an answer: the platform may have it, so it can no longer be undone. */
  maybeSent: boolean;
  /** In which workspace and as whom it was made ("<workspace>/<staff>"); null for writes queued before this was kept. */
  identity: string | null;
}
