import { z } from 'zod';
import type { AnyEntity, Mutator } from '../entities/descriptor';
import { entities } from '../entities/registry';
import { AccountMatch, AccountSearch } from './accounts';
import { PlatformAuditPage, PlatformAuditQuery } from './audit';
import { AudiencePreview, CourseList, NoticeAudience } from './breach-notices';
import { ChangesPage, ChangesQuery } from './changes';
import { Me, Problem, type Scope } from './common';
import { ProtectedResourceMetadata } from './oauth';
import { PolicyChangelog, PublishedPolicy } from './policies';
import { CampaignAudience, CampaignAudienceQuery, PersonPolicyNotices } from './policy-campaigns';

/**
 * The admin API as data: one entry per operation. The sandbox routes, the console's client and the
 * OpenAPI document are all read from this list, so they cannot drift apart.
 */
export interface Operation {
  method: 'get' | 'patch' | 'post' | 'delete';
  path: string;
  summary: string;
  scope: Scope | null;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Writes carry an Idempotency-Key; updates also If-Match with the version they are based on. */
  write?: 'create' | 'update';
  response: z.ZodType;
  /** A file instead of JSON (the response schema then describes nothing). */
  file?: 'application/zip';
  /** Answered without any token (the public policy pages, the sign-in metadata). */
  public?: boolean;
  errors: number[];
}

/** The operations that are not about one entity. */
export const operations = {
  openapi: {
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    scope: null,
    public: true,
    response: z.unknown(),
    errors: [],
  },
  protectedResource: {
    method: 'get',
    path: '/.well-known/oauth-protected-resource/v1',
    summary: 'Where people sign in for this API, and its scopes (OAuth 2.0 Protected Resource Metadata, RFC 9728); no token needed',
    scope: null,
    public: true,
    response: ProtectedResourceMetadata,
    errors: [],
  },
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
  searchAccounts: {
    method: 'get',
    path: '/v1/accounts',
    summary: 'Find platform accounts by name or e-mail (subject lookup at intake)',
    scope: 'dsar:write',
    query: AccountSearch,
    response: z.object({ accounts: z.array(AccountMatch) }),
    errors: [400, 401, 403],
  },
  previewAudience: {
    method: 'post',
    path: '/v1/notice-audiences/preview',
    summary: 'How many accounts an audience reaches (nothing is sent)',
    scope: 'breach:decide',
    body: NoticeAudience,
    response: AudiencePreview,
    errors: [400, 401, 403, 413, 415],
  },
  listCourses: {
    method: 'get',
    path: '/v1/courses',
    summary: "The platform's courses, which a notice's audience can name",
    scope: 'breach:decide',
    response: CourseList,
    errors: [401, 403],
  },
  campaignAudience: {
    method: 'get',
    path: '/v1/policy-audience',
    summary: 'How many open accounts a policy campaign in a language reaches (nothing is sent)',
    scope: 'policy:write',
    query: CampaignAudienceQuery,
    response: CampaignAudience,
    errors: [400, 401, 403],
  },
  personPolicyNotices: {
    method: 'get',
    path: '/v1/accounts/{id}/policy-notices',
    summary:
      "For one account: which policy versions it was told of, when, how, and whether it acknowledged them (a person's data: read with the requests' scope, and logged)",
    scope: 'dsar:read',
    response: PersonPolicyNotices,
    errors: [401, 403, 404],
  },
  publicPolicy: {
    method: 'get',
    path: '/v1/public/policies/{document}/{language}',
    summary: 'The policy readers get now, with its effective date ("Stand") and fingerprint (no token needed)',
    scope: null,
    public: true,
    response: PublishedPolicy,
    errors: [404],
  },
  publicPolicyVersion: {
    method: 'get',
    path: '/v1/public/policies/{document}/{language}/versions/{number}',
    summary: 'One version as it was published, unchanged (its fingerprint proves it; no token needed)',
    scope: null,
    public: true,
    response: PublishedPolicy,
    errors: [404],
  },
  publicChangelog: {
    method: 'get',
    path: '/v1/public/policies/{document}/{language}/changelog',
    summary: 'Every published version of a policy, newest first (no token needed)',
    scope: null,
    public: true,
    response: PolicyChangelog,
    errors: [404],
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
} as const satisfies Record<string, Operation>;

const createErrors = [400, 401, 403, 409, 413, 415, 422];
const updateErrors = [400, 401, 403, 404, 412, 413, 415, 422, 428];

/** Fetching one entity: every entity can be fetched, e.g. to learn the platform's state after a refused write. */
export const getOperation = (entity: AnyEntity): Operation => ({
  method: 'get',
  path: `${entity.path}/{id}`,
  summary: `One ${entity.label}`,
  scope: entity.scopes.read,
  response: entity.schema,
  errors: [401, 403, 404],
});

/** One entity's audit log: read with the entity's own scope. */
export const auditOperation = (entity: AnyEntity): Operation => ({
  method: 'get',
  path: `${entity.path}/{id}/audit-log`,
  summary: `What was done to one ${entity.label} on the platform, by whom and when (newest first)`,
  scope: entity.scopes.read,
  query: PlatformAuditQuery,
  response: PlatformAuditPage,
  errors: [400, 401, 403, 404],
});

export const listOperation = (entity: AnyEntity & { list: NonNullable<AnyEntity['list']> }): Operation => ({
  method: 'get',
  path: entity.path,
  summary: entity.list.summary,
  scope: entity.scopes.read,
  response: z.object({ [entity.list.key]: z.array(entity.schema) }),
  errors: [401, 403],
});

/** A mutator as an operation: its arguments are the body, the answer is the entity as the platform stored it. */
export const mutatorOperation = (entity: AnyEntity, mutator: Mutator<unknown, unknown>): Operation => ({
  method: mutator.http.method,
  path: `${entity.path}${mutator.http.path}`,
  summary: mutator.summary,
  scope: mutator.scope ?? entity.scopes.write,
  body: mutator.args,
  write: mutator.kind,
  response: entity.schema,
  errors: mutator.kind === 'create' ? createErrors : updateErrors,
});

const camel = (...words: string[]) => words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');

/** Every operation of the admin API, by operation id: the fixed ones and those each entity brings. */
export function allOperations(): Record<string, Operation> {
  const all: Record<string, Operation> = { ...operations };
  for (const entity of entities as readonly AnyEntity[]) {
    all[camel(entity.name, 'get')] = getOperation(entity);
    all[camel(entity.name, 'auditLog')] = auditOperation(entity);
    if (entity.list) all[camel(entity.name, 'list')] = listOperation({ ...entity, list: entity.list });
    for (const [name, mutator] of Object.entries(entity.mutators)) all[camel(entity.name, name)] = mutatorOperation(entity, mutator);
  }
  return all;
}

export { Problem };
