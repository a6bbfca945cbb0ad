import type { z } from 'zod';
import type { EntityName } from '../../shared/api/changes';
import type { PlatformClient } from '../platform/client';

/** A pending write as the outbox keeps it. */
export interface PendingWrite {
  seq: number;
  entity: EntityName;
  entityId: string;
  op: string;
  body: Record<string, unknown>;
  baseVersion: number;
  idempotencyKey: string;
  attempts: number;
}

/**
 * What a feature gives the sync engine for one entity: how to mirror it into the cache, how to show a
 * pending local write on top of the mirrored state, and how to send that write to the platform.
 */
export interface SyncedEntity<T extends { id: string; version: number } = { id: string; version: number }> {
  entity: EntityName;
  schema: z.ZodType<T>;
  upsert(doc: T): void;
  /** For a large bootstrap: stop maintaining secondary indexes until `endBulkLoad`. */
  beginBulkLoad?(): void;
  endBulkLoad?(): void;
  remove(id: string): void;
  clear(): void;
  /** The cached version, the base of a new write; null when the entity is not in the cache. */
  currentVersion?(id: string): number | null;
  /** Shows a pending write in the cache (marks the row pending); a pending create inserts the row. */
  overlay?(write: Pick<PendingWrite, 'entityId' | 'op' | 'body'>): void;
  send?(client: PlatformClient, write: PendingWrite): Promise<T>;
  /** The entity as the platform holds it now; null when the platform has no such entity. */
  fetch?(client: PlatformClient, id: string): Promise<T | null>;
}
