import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PlatformAuditQuery } from '../../shared/api/audit';
import type { Staff } from '../../shared/api/common';
import { auditOperation, getOperation, listOperation, mutatorOperation } from '../../shared/api/paths';
import { RuleError } from '../../shared/domain/rules';
import type { MutationContext, Versioned } from '../../shared/entities/descriptor';
import type { SomeEntity } from '../../shared/entities/registry';
import { sha256Hex } from '../store/digest';
import type { PlatformStore } from '../store/store';
import { type Principal, requireScope, type TokenRegistry } from './auth';
import { ProblemError, validationProblem } from './problems';
import { expectedVersion, idempotentWrite } from './writes';

/** What the platform lends an entity's mutators for one request, and what it does once the write committed. */
export interface PlatformSession<P> {
  capabilities: P;
  /** Runs after the write's transaction committed (not for a replay): e.g. a job starts. */
  committed(): void;
}
export type PlatformOf<P> = (principal: Principal) => PlatformSession<P>;

/** `/v1/dsars/{id}/assign` → `/v1/dsars/:id/assign` */
const routePath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const send = (reply: FastifyReply, status: number, body: Versioned, replayed: boolean) =>
  reply.code(status).header('etag', `"${body.version}"`).header('idempotent-replayed', String(replayed)).send(body);

/**
 * Serves one entity of the registry: fetch one, list all (where the descriptor allows), and each mutator as
 * an idempotent write. The platform is the authority: it runs the same mutator the console ran to check and
 * show the change, on its own state, and stores the result under the next version.
 */
export function entityRoutes(
  app: FastifyInstance,
  store: PlatformStore,
  tokens: TokenRegistry,
  entity: SomeEntity,
  platform?: PlatformOf<unknown>,
): void {
  app.get<{ Params: { id: string } }>(routePath(getOperation(entity).path), async (request, reply) => {
    requireScope(tokens.authenticate(request), entity.scopes.read);
    const found = store.get<Versioned>(entity.name, request.params.id);
    if (!found) throw new ProblemError(404, 'not-found', `No ${entity.label} ${request.params.id}.`);
    return reply.header('etag', `"${found.version}"`).send(found);
  });

  app.get<{ Params: { id: string } }>(routePath(auditOperation(entity).path), async (request) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, entity.scopes.read);
    // Colleagues' names only for a token that may read the staff list; the id otherwise.
    const names = principal.scopes.includes('staff:read');
    const query = PlatformAuditQuery.safeParse(request.query);
    if (!query.success) throw validationProblem(query.error, 'query');
    if (!store.get(entity.name, request.params.id)) throw new ProblemError(404, 'not-found', `No ${entity.label} ${request.params.id}.`);
    const { before, limit } = query.data;
    // One more than asked says whether there is a page after this one.
    const rows = store.entityAudit(entity.name, request.params.id, before ?? null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      entries: page.map((row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        actorName: row.actor === 'platform' || !names ? null : (store.get<Staff>('staff', row.actor)?.name ?? null),
        action: row.action,
        detail: JSON.parse(row.detail) as unknown,
      })),
      next: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
    };
  });

  if (entity.list) {
    const key = entity.list.key;
    app.get(routePath(listOperation({ ...entity, list: entity.list }).path), async (request) => {
      requireScope(tokens.authenticate(request), entity.scopes.read);
      return { [key]: store.all(entity.name) };
    });
  }

  for (const [name, mutator] of Object.entries(entity.mutators)) {
    const operation = mutatorOperation(entity, mutator);
    app.route<{ Params: { id?: string } }>({
      method: operation.method.toUpperCase() as 'POST' | 'PATCH',
      url: routePath(operation.path),
      handler: async (request, reply) => {
        const principal = tokens.authenticate(request);
        requireScope(principal, operation.scope);
        const version = mutator.kind === 'update' ? expectedVersion(request) : null;
        const args = mutator.args.safeParse(request.body);
        if (!args.success) throw validationProblem(args.error, 'request body');
        const session = platform?.(principal);
        const answer = idempotentWrite(store, request, principal, () => {
          const ctx: MutationContext<unknown> = {
            actor: principal.staff.id,
            at: new Date().toISOString(),
            newId: randomUUID,
            digest: sha256Hex,
            find: (other, id) => store.get(other, id),
            platform: session?.capabilities,
          };
          // What the audit log keeps of a write: the step it names, and what the descriptor allows it to keep.
          let next: Versioned;
          let audit: { action: string; detail: unknown };
          try {
            if (mutator.kind === 'create') {
              // A create's arguments carry its id (`CreateMutator`).
              const input = args.data as { id: string };
              if (store.get(entity.name, input.id)) throw new ProblemError(409, 'exists', `A ${entity.label} ${input.id} exists already.`);
              next = { ...mutator.apply(null, input, ctx), version: 1 };
              audit = { action: mutator.auditName?.(input) ?? name, detail: mutator.auditDetail ? mutator.auditDetail(input) : input };
            } else {
              const current = store.get<Versioned>(entity.name, request.params.id ?? '');
              if (!current) throw new ProblemError(404, 'not-found', `No ${entity.label} ${request.params.id}.`);
              if (current.version !== version) {
                throw new ProblemError(412, 'stale-version', `The ${entity.label} is at version ${current.version}, not ${version}.`, {
                  current,
                });
              }
              const result = mutator.apply(current, args.data, ctx);
              // The mutator changed nothing (as the console saw it too): no new version, nothing in the feed.
              if (result === current) return { status: 200, body: current };
              next = { ...result, version: current.version + 1 };
              audit = {
                action: mutator.auditName?.(args.data) ?? name,
                detail: mutator.auditDetail ? mutator.auditDetail(args.data) : args.data,
              };
            }
          } catch (error) {
            if (error instanceof RuleError)
              throw new ProblemError(422, error.code, error.message, {
                ...(error.issues.length ? { errors: error.issues } : {}),
                ...(Object.keys(error.params).length ? { params: error.params } : {}),
              });
            throw error;
          }
          store.put(entity.name, next);
          store.audit(principal.staff.id, `${entity.name}.${audit.action}`, entity.name, next.id, audit.detail);
          return { status: mutator.kind === 'create' ? 201 : 200, body: next };
        });
        if (!answer.replayed) session?.committed();
        return send(reply, answer.status, answer.body as Versioned, answer.replayed);
      },
    });
  }
}
