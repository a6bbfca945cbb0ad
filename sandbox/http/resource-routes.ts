import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Scope } from '../../shared/api/common';
import type { EntityKind, PlatformStore } from '../store/store';
import { requireScope, type TokenRegistry } from './auth';
import { ProblemError, validationProblem } from './problems';
import { expectedVersion, idempotentWrite } from './writes';

interface Resource<T extends { id: string; version: number }> {
  entity: EntityKind;
  /** Collection path, e.g. /v1/processors; items live at `${path}/:id`. */
  path: string;
  /** Property of the list answer, e.g. `processors`. */
  listKey: string;
  label: string;
  readScope: Scope;
  writeScope: Scope;
  schema: z.ZodType<T>;
  create: z.ZodType<Omit<T, 'version' | 'updatedAt'>>;
  patch: z.ZodType<Partial<T>>;
  /** Checks against other entities (links); throws a ProblemError. */
  references?(candidate: T): void;
}

/** List, create (client-chosen id, idempotent) and patch (If-Match, whole-record rules) for one registry entity. */
export function resourceRoutes<T extends { id: string; version: number }>(
  app: FastifyInstance,
  store: PlatformStore,
  tokens: TokenRegistry,
  resource: Resource<T>,
): void {
  app.get(resource.path, async (request) => {
    requireScope(tokens.authenticate(request), resource.readScope);
    return { [resource.listKey]: store.all<T>(resource.entity) };
  });

  app.post(resource.path, async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, resource.writeScope);
    const input = resource.create.safeParse(request.body);
    if (!input.success) throw validationProblem(input.error, resource.label);
    const answer = idempotentWrite(store, request, principal, () => {
      if (store.get(resource.entity, input.data.id))
        throw new ProblemError(409, 'exists', `A ${resource.label} ${input.data.id} exists already.`);
      const created = { ...input.data, version: 1, updatedAt: new Date().toISOString() } as unknown as T;
      resource.references?.(created);
      store.put(resource.entity, created);
      store.audit(principal.staff.id, `${resource.entity}.create`, resource.entity, created.id, {});
      return { status: 201, body: created };
    });
    return reply
      .code(answer.status)
      .header('etag', `"${(answer.body as T).version}"`)
      .send(answer.body);
  });

  app.patch<{ Params: { id: string } }>(`${resource.path}/:id`, async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, resource.writeScope);
    const version = expectedVersion(request);
    const patch = resource.patch.safeParse(request.body);
    if (!patch.success) throw validationProblem(patch.error, 'request body');
    const answer = idempotentWrite(store, request, principal, () => {
      const current = store.get<T>(resource.entity, request.params.id);
      if (!current) throw new ProblemError(404, 'not-found', `No ${resource.label} ${request.params.id}.`);
      if (current.version !== version) {
        throw new ProblemError(412, 'stale-version', `The ${resource.label} is at version ${current.version}, not ${version}.`, {
          current,
        });
      }
      // The rules span fields: the merged record must pass them as a whole.
      const merged = resource.schema.safeParse({
        ...current,
        ...patch.data,
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
      });
      if (!merged.success) {
        const problem = validationProblem(merged.error, resource.label);
        throw new ProblemError(422, `invalid-${resource.entity}`, `The changed ${resource.label} breaks a rule.`, {
          errors: problem.extra.errors,
        });
      }
      resource.references?.(merged.data);
      store.put(resource.entity, merged.data);
      store.audit(principal.staff.id, `${resource.entity}.patch`, resource.entity, merged.data.id, Object.keys(patch.data as object));
      return { status: 200, body: merged.data };
    });
    return reply
      .code(answer.status)
      .header('etag', `"${(answer.body as T).version}"`)
      .send(answer.body);
  });
}
