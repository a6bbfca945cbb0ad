import { z } from 'zod';
import { Iso } from './common';

/** One entry of the platform's audit log: who (a staff member, or the platform itself) did what to an entity, when. */
export const PlatformAuditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: Iso,
    /** A staff id, or "platform" for what the platform did by itself (a job, a wave, an intake). */
    actor: z.string().min(1),
    /** The staff member's name; null for the platform and for staff no longer known. */
    actorName: z.string().nullable(),
    /** "<entity>.<step>", e.g. dsar.assign, incident.submitReport.initial. */
    action: z.string().min(1),
    /** What the log keeps of the step's arguments (the descriptor's audit detail: no more personal data than needed). */
    detail: z.unknown(),
  })
  .meta({ id: 'PlatformAuditEntry' });
export type PlatformAuditEntry = z.infer<typeof PlatformAuditEntry>;

export const PlatformAuditQuery = z.strictObject({
  /** Entries older than this seq (the page before); absent: the newest. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of one entity's audit log, newest first; `next` is the `before` of the next page. */
export const PlatformAuditPage = z
  .object({ entries: z.array(PlatformAuditEntry), next: z.number().int().positive().nullable() })
  .meta({ id: 'PlatformAuditPage' });
export type PlatformAuditPage = z.infer<typeof PlatformAuditPage>;
