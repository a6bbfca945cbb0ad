import type { FastifyInstance } from 'fastify';
import { AccountSearch } from '../../shared/api/accounts';
import { operations } from '../../shared/api/paths';
import type { Account } from '../accounts/account';
import { requireScope, type TokenRegistry } from '../http/auth';
import { ProblemError, validationProblem } from '../http/problems';
import type { PlatformStore } from '../store/store';

/** The request work's operations beside its entities: the subject lookup at intake and the delivered package. */
export function dsarRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry): void {
  app.get('/v1/accounts', async (request) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.searchAccounts.scope);
    const query = AccountSearch.safeParse(request.query);
    if (!query.success) throw validationProblem(query.error, 'query');
    const accounts = store.searchAccounts<Account>(query.data.q).map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      createdAt: a.createdAt,
      locale: a.locale,
    }));
    return { accounts };
  });

  /** The delivered package, as the subject received it. */
  app.get<{ Params: { id: string } }>('/v1/jobs/:id/package', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.getPackage.scope);
    const zip = store.package(request.params.id);
    if (!zip) throw new ProblemError(404, 'not-found', `No delivered package for job ${request.params.id}.`);
    return reply.type('application/zip').send(zip);
  });
}
