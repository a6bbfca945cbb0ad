import { z } from 'zod';

/** RFC 9457 problem details, the only error shape the admin API answers with. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** For 400 and 422: what is wrong with which field, each by its problem code (the type's last segment). */
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          message: z.string(),
        }),
      )
      .optional(),
    /** The values the problem's sentence names (a date, a status), for clients that word it themselves. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** On 412: the entity as the platform holds it now. */
    current: z.unknown().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Iso = z.iso.datetime({ offset: true });
/** Ids travel in paths, file names and logs: letters, digits, `_` and `-` only. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of 1 to 64 letters, digits, _ or -');

/** Every entity carries these; writes are checked against `version` (If-Match). */
export const EntityBase = z.object({
  id: Id,
  version: z.number().int().positive(),
  updatedAt: Iso,
});

export const Role = z.enum(['privacy_officer', 'security_lead', 'legal', 'admin']);
export type Role = z.infer<typeof Role>;

export const Scope = z.enum([
  'dsar:read',
  'dsar:write',
  'staff:read',
  'processor:read',
  'processor:write',
  'breach:read',
  'breach:write',
  'breach:decide',
  'policy:read',
  'policy:write',
  'policy:approve',
  'access:read',
  'access:review',
  'access:write',
]);
export type Scope = z.infer<typeof Scope>;

/** What each role's token may do. The platform enforces it; the console hides what a role cannot use. */
export const scopesOfRole: Record<Role, readonly Scope[]> = {
  // Security leads log and assess incidents; privacy officers read them and decide on notification.
  // Legal and the privacy officers draft and approve policies, four eyes apart (the rule keeps the author out).
  privacy_officer: [
    'dsar:read',
    'dsar:write',
    'staff:read',
    'processor:read',
    'processor:write',
    'breach:read',
    'breach:decide',
    'policy:read',
    'policy:write',
    'policy:approve',
    'access:read',
    'access:review',
  ],
  // Security leads run access reviews and revoke; everyone decides the grants they are asked to review.
  security_lead: ['staff:read', 'processor:read', 'breach:read', 'breach:write', 'access:read', 'access:review', 'access:write'],
  legal: [
    'dsar:read',
    'staff:read',
    'processor:read',
    'breach:read',
    'policy:read',
    'policy:write',
    'policy:approve',
    'access:read',
    'access:review',
  ],
  // Administrators hold every scope there is.
  admin: Scope.options,
};

export const Staff = EntityBase.extend({
  name: z.string().min(1),
  email: z.email(),
  roles: z.array(Role).min(1),
  active: z.boolean(),
}).meta({ id: 'Staff' });
export type Staff = z.infer<typeof Staff>;

export const Me = z
  .object({
    staff: Staff,
    scopes: z.array(Scope),
    workspace: z.object({ id: Id, name: z.string() }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
