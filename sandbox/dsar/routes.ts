import type { FastifyInstance } from 'fastify';
import { type Staff, scopesOfRole } from '../../shared/api/common';
import { type Dsar, DsarPatch } from '../../shared/api/dsar';
import { operations } from '../../shared/api/paths';
import { requireScope, type TokenRegistry } from '../http/auth';
import { ProblemError, validationProblem } from '../http/problems';
import { expectedVersion, idempotentWrite } from '../http/writes';
import type { PlatformStore } from '../store/store';

export function dsarRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry): void {
  const load = (id: string) => {
    const dsar = store.get<Dsar>('dsar', id);
    if (!dsar) throw new ProblemError(404, 'not-found', `No data-subject request ${id}.`);
    return dsar;
  };

  app.get<{ Params: { id: string } }>('/v1/dsars/:id', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.getDsar.scope);
    const dsar = load(request.params.id);
    return reply.header('etag', `"${dsar.version}"`).send(dsar);
  });

  app.patch<{ Params: { id: string } }>('/v1/dsars/:id', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.patchDsar.scope);
    const version = expectedVersion(request);
    const patch = DsarPatch.safeParse(request.body);
    if (!patch.success) throw validationProblem(patch.error, 'request body');
    const answer = idempotentWrite(store, request, principal, () => {
      const current = load(request.params.id);
      if (current.version !== version) {
        throw new ProblemError(412, 'stale-version', `The request is at version ${current.version}, not ${version}.`, { current });
      }
      if (patch.data.assigneeId) {
        const assignee = store.get<Staff>('staff', patch.data.assigneeId);
        const mayWork = assignee?.active && assignee.roles.some((role) => scopesOfRole[role].includes('dsar:write'));
        if (!mayWork) {
          throw new ProblemError(
            422,
            'invalid-assignee',
            `${patch.data.assigneeId} is not an active staff member who may work on requests.`,
            {
              errors: [{ path: 'assigneeId', message: 'not an active privacy officer or admin' }],
            },
          );
        }
      }
      const next: Dsar = { ...current, ...patch.data, version: current.version + 1, updatedAt: new Date().toISOString() };
      store.put('dsar', next);
      store.audit(principal.staff.id, 'dsar.patch', 'dsar', next.id, patch.data);
      return { status: 200, body: next };
    });
    const body = answer.body as Dsar;
    return reply.code(answer.status).header('etag', `"${body.version}"`).header('idempotent-replayed', String(answer.replayed)).send(body);
  });
}
