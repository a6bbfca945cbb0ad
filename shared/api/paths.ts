import { z } from 'zod';
import { AccountMatch, AccountSearch } from './accounts';
import { ActivityCreate, ActivityPatch, ProcessingActivity } from './activities';
import { ChangesPage, ChangesQuery } from './changes';
import { Me, Problem, Staff } from './common';
import { Dsar, DsarCreate, DsarPatch } from './dsar';
import { DsarAction } from './dsar-workflow';
import { Processor, ProcessorCreate, ProcessorPatch } from './processors';

/**
 * The admin API as data: one entry per operation. The sandbox routes, the console's client and the
 * OpenAPI document are all read from this list, so they cannot drift apart.
 */
export interface Operation {
  method: 'get' | 'patch' | 'post' | 'delete';
  path: string;
  summary: string;
  scope: string | null;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Writes carry an Idempotency-Key; updates also If-Match with the version they are based on. */
  write?: 'create' | 'update';
  response: z.ZodType;
  /** A file instead of JSON (the response schema then describes nothing). */
  file?: 'application/zip';
  errors: number[];
}

export const operations = {
  me: {
    method: 'get',
    path: '/v1/me',
    summary: 'The staff member behind the token, their scopes and the workspace',
    scope: null,
    response: Me,
    errors: [401],
  },
  changes: {
    method: 'get',
    path: '/v1/changes',
    summary: 'Ordered changes feed of everything the token may see (cursor 0 bootstraps)',
    scope: null,
    query: ChangesQuery,
    response: ChangesPage,
    errors: [400, 401, 410],
  },
  listStaff: {
    method: 'get',
    path: '/v1/staff',
    summary: 'Staff accounts',
    scope: 'staff:read',
    response: z.object({ staff: z.array(Staff) }),
    errors: [401, 403],
  },
  getDsar: {
    method: 'get',
    path: '/v1/dsars/{id}',
    summary: 'One data-subject request',
    scope: 'dsar:read',
    response: Dsar,
    errors: [401, 403, 404],
  },
  patchDsar: {
    method: 'patch',
    path: '/v1/dsars/{id}',
    summary: 'Change assignment, priority or tags of a data-subject request',
    scope: 'dsar:write',
    body: DsarPatch,
    write: 'update',
    response: Dsar,
    errors: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  },
  createDsar: {
    method: 'post',
    path: '/v1/dsars',
    summary: 'Record a request that arrived by e-mail or letter (the client chooses the id)',
    scope: 'dsar:write',
    body: DsarCreate,
    write: 'create',
    response: Dsar,
    errors: [400, 401, 403, 409, 413, 415, 422],
  },
  dsarAction: {
    method: 'post',
    path: '/v1/dsars/{id}/actions',
    summary: 'Move a request forward: identity, clarification, extension, denial, jobs, delivery, Art. 19 notices, messages',
    scope: 'dsar:write',
    body: DsarAction,
    write: 'update',
    response: Dsar,
    errors: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  },
  searchAccounts: {
    method: 'get',
    path: '/v1/accounts',
    summary: 'Find platform accounts by name or e-mail (subject lookup at intake)',
    scope: 'dsar:write',
    query: AccountSearch,
    response: z.object({ accounts: z.array(AccountMatch) }),
    errors: [400, 401, 403],
  },
  getPackage: {
    method: 'get',
    path: '/v1/jobs/{id}/package',
    summary: 'The data package as delivered to the subject (ZIP of JSON and CSV per category)',
    scope: 'dsar:read',
    response: z.unknown(),
    file: 'application/zip',
    errors: [401, 403, 404],
  },
  listProcessors: {
    method: 'get',
    path: '/v1/processors',
    summary: 'The processor and third-party registry',
    scope: 'processor:read',
    response: z.object({ processors: z.array(Processor) }),
    errors: [401, 403],
  },
  createProcessor: {
    method: 'post',
    path: '/v1/processors',
    summary: 'Register a processor (the client chooses the id)',
    scope: 'processor:write',
    body: ProcessorCreate,
    write: 'create',
    response: Processor,
    errors: [400, 401, 403, 409, 413, 415, 422],
  },
  patchProcessor: {
    method: 'patch',
    path: '/v1/processors/{id}',
    summary: 'Change a processor; the merged result must satisfy the same rules',
    scope: 'processor:write',
    body: ProcessorPatch,
    write: 'update',
    response: Processor,
    errors: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  },
  listActivities: {
    method: 'get',
    path: '/v1/processing-activities',
    summary: 'The records of processing activities (Art. 30(1))',
    scope: 'processor:read',
    response: z.object({ activities: z.array(ProcessingActivity) }),
    errors: [401, 403],
  },
  createActivity: {
    method: 'post',
    path: '/v1/processing-activities',
    summary: 'Record a processing activity (the client chooses the id)',
    scope: 'processor:write',
    body: ActivityCreate,
    write: 'create',
    response: ProcessingActivity,
    errors: [400, 401, 403, 409, 413, 415, 422],
  },
  patchActivity: {
    method: 'patch',
    path: '/v1/processing-activities/{id}',
    summary: 'Change a processing activity',
    scope: 'processor:write',
    body: ActivityPatch,
    write: 'update',
    response: ProcessingActivity,
    errors: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  },
} as const satisfies Record<string, Operation>;

export { Problem };
