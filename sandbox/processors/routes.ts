import type { FastifyInstance } from 'fastify';
import { operations } from '../../shared/api/paths';
import { Processor, ProcessorCreate, ProcessorPatch } from '../../shared/api/processors';
import { requireScope, type TokenRegistry } from '../http/auth';
import { ProblemError, validationProblem } from '../http/problems';
import { expectedVersion, idempotentWrite } from '../http/writes';
import type { PlatformStore } from '../store/store';

export function processorRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry): void {
  app.get('/v1/processors', async (request) => {
    requireScope(tokens.authenticate(request), operations.listProcessors.scope);
    return { processors: store.all<Processor>('processor') };
  });

  app.post('/v1/processors', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.createProcessor.scope);
    const input = ProcessorCreate.safeParse(request.body);
    if (!input.success) throw validationProblem(input.error, 'processor');
    const answer = idempotentWrite(store, request, principal, () => {
      if (store.get('processor', input.data.id)) throw new ProblemError(409, 'exists', `A processor ${input.data.id} exists already.`);
      const created: Processor = { ...input.data, version: 1, updatedAt: new Date().toISOString() };
      store.put('processor', created);
      store.audit(principal.staff.id, 'processor.create', 'processor', created.id, { legalName: created.legalName });
      return { status: 201, body: created };
    });
    return reply
      .code(answer.status)
      .header('etag', `"${(answer.body as Processor).version}"`)
      .send(answer.body);
  });

  app.patch<{ Params: { id: string } }>('/v1/processors/:id', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.patchProcessor.scope);
    const version = expectedVersion(request);
    const patch = ProcessorPatch.safeParse(request.body);
    if (!patch.success) throw validationProblem(patch.error, 'request body');
    const answer = idempotentWrite(store, request, principal, () => {
      const current = store.get<Processor>('processor', request.params.id);
      if (!current) throw new ProblemError(404, 'not-found', `No processor ${request.params.id}.`);
      if (current.version !== version) {
        throw new ProblemError(412, 'stale-version', `The processor is at version ${current.version}, not ${version}.`, { current });
      }
      // The rules span fields (DPA dates, Chapter V): the merged processor must pass them as a whole.
      const merged = Processor.safeParse({ ...current, ...patch.data, version: current.version + 1, updatedAt: new Date().toISOString() });
      if (!merged.success) {
        const problem = validationProblem(merged.error, 'processor');
        throw new ProblemError(422, 'invalid-processor', 'The changed processor breaks a registry rule.', { errors: problem.extra.errors });
      }
      store.put('processor', merged.data);
      store.audit(principal.staff.id, 'processor.patch', 'processor', merged.data.id, Object.keys(patch.data));
      return { status: 200, body: merged.data };
    });
    return reply
      .code(answer.status)
      .header('etag', `"${(answer.body as Processor).version}"`)
      .send(answer.body);
  });
}
