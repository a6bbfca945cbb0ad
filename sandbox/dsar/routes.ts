import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AccountSearch } from '../../shared/api/accounts';
import { type Staff, scopesOfRole } from '../../shared/api/common';
import { type Dsar, DsarCreate, DsarPatch } from '../../shared/api/dsar';
import { DsarAction, type DsarEvent, type DsarEventBody } from '../../shared/api/dsar-workflow';
import type { Job } from '../../shared/api/jobs';
import { operations } from '../../shared/api/paths';
import { applyAction, WorkflowError } from '../../shared/domain/dsar-workflow';
import type { Account } from '../accounts/account';
import { requireScope, type TokenRegistry } from '../http/auth';
import { ProblemError, validationProblem } from '../http/problems';
import { expectedVersion, idempotentWrite } from '../http/writes';
import type { PlatformStore } from '../store/store';
import type { JobRunner } from './jobs';
import { buildPackage } from './package';

const event = (actor: string, at: string, e: DsarEventBody) => ({ id: randomUUID(), at, actor, ...e }) as DsarEvent;

export function dsarRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry, jobs: JobRunner): void {
  const load = (id: string) => {
    const dsar = store.get<Dsar>('dsar', id);
    if (!dsar) throw new ProblemError(404, 'not-found', `No data-subject request ${id}.`);
    return dsar;
  };
  const sendDsar = (reply: import('fastify').FastifyReply, answer: { status: number; body: unknown; replayed: boolean }) => {
    const body = answer.body as Dsar;
    return reply.code(answer.status).header('etag', `"${body.version}"`).header('idempotent-replayed', String(answer.replayed)).send(body);
  };
  const checkVersion = (current: Dsar, version: number) => {
    if (current.version !== version) {
      throw new ProblemError(412, 'stale-version', `The request is at version ${current.version}, not ${version}.`, { current });
    }
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
      checkVersion(current, version);
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
      const now = new Date().toISOString();
      const events: DsarEvent[] = [];
      if (patch.data.assigneeId !== undefined && patch.data.assigneeId !== current.assigneeId) {
        events.push(event(principal.staff.id, now, { kind: 'assigned', assigneeId: patch.data.assigneeId }));
      }
      const changes = [];
      if (patch.data.priority !== undefined && patch.data.priority !== current.priority) {
        changes.push({ field: 'priority', before: current.priority, after: patch.data.priority });
      }
      if (patch.data.tags !== undefined && patch.data.tags.join(',') !== current.tags.join(',')) {
        changes.push({ field: 'tags', before: current.tags.join(', '), after: patch.data.tags.join(', ') });
      }
      if (changes.length) events.push(event(principal.staff.id, now, { kind: 'fields', changes }));
      const next: Dsar = {
        ...current,
        ...patch.data,
        version: current.version + 1,
        updatedAt: now,
        events: [...current.events, ...events],
      };
      store.put('dsar', next);
      store.audit(principal.staff.id, 'dsar.patch', 'dsar', next.id, patch.data);
      return { status: 200, body: next };
    });
    return sendDsar(reply, answer);
  });

  app.post('/v1/dsars', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.createDsar.scope);
    const parsed = DsarCreate.safeParse(request.body);
    if (!parsed.success) throw validationProblem(parsed.error, 'request body');
    const input = parsed.data;
    const answer = idempotentWrite(store, request, principal, () => {
      if (store.get('dsar', input.id)) throw new ProblemError(409, 'exists', `A request ${input.id} exists already.`);
      const now = new Date();
      const invalid = (path: string, message: string) => new ProblemError(422, 'invalid-request', message, { errors: [{ path, message }] });
      if (Date.parse(input.receivedAt) > now.getTime() + 60_000) throw invalid('receivedAt', 'The receipt cannot lie in the future.');
      if (input.subject.userId && !store.account(input.subject.userId))
        throw invalid('subject.userId', `No platform account ${input.subject.userId}.`);
      if (input.duplicateOf) {
        const original = store.get<Dsar>('dsar', input.duplicateOf);
        if (!original || original.status === 'duplicate')
          throw invalid('duplicateOf', `${input.duplicateOf} is not a request this one can repeat.`);
      }
      const at = now.toISOString();
      const events: DsarEvent[] = [event(principal.staff.id, at, { kind: 'received', channel: input.channel })];
      if (input.duplicateOf) {
        events.push(event(principal.staff.id, at, { kind: 'duplicate', of: input.duplicateOf }));
        events.push(event(principal.staff.id, at, { kind: 'status', from: 'new', to: 'duplicate' }));
      }
      const dsar: Dsar = {
        id: input.id,
        version: 1,
        updatedAt: at,
        type: input.type,
        status: input.duplicateOf ? 'duplicate' : 'new',
        subject: input.subject,
        channel: input.channel,
        receivedAt: new Date(input.receivedAt).toISOString(),
        assigneeId: null,
        priority: input.priority,
        notes: input.notes,
        tags: [],
        duplicateOf: input.duplicateOf,
        events,
      };
      store.put('dsar', dsar);
      store.audit(principal.staff.id, 'dsar.create', 'dsar', dsar.id, { type: dsar.type, channel: dsar.channel });
      return { status: 201, body: dsar };
    });
    return sendDsar(reply, answer);
  });

  app.post<{ Params: { id: string } }>('/v1/dsars/:id/actions', async (request, reply) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.dsarAction.scope);
    const version = expectedVersion(request);
    const parsed = DsarAction.safeParse(request.body);
    if (!parsed.success) throw validationProblem(parsed.error, 'action');
    // Set inside the write's transaction; the job runs once that has committed.
    let startedJobId: string | null = null;
    const answer = idempotentWrite(store, request, principal, () => {
      const current = load(request.params.id);
      checkVersion(current, version);
      try {
        const outcome = applyAction(current, parsed.data, {
          actor: principal.staff.id,
          at: new Date().toISOString(),
          newId: randomUUID,
          findDsar: (id) => store.get<Dsar>('dsar', id),
          findJob: (id) => store.get<Job>('job', id),
          deliver: (job, excluded, information) => {
            const built = buildPackage(job, excluded, information);
            store.savePackage(job.id, built.sha256, built.zip);
            return { sha256: built.sha256, bytes: built.bytes, files: built.files };
          },
        });
        const next: Dsar = { ...outcome.dsar, version: current.version + 1 };
        store.put('dsar', next);
        if (outcome.job) startedJobId = jobs.create(outcome.job).id;
        store.audit(principal.staff.id, `dsar.${parsed.data.type}`, 'dsar', next.id, parsed.data);
        return { status: 200, body: next };
      } catch (error) {
        if (error instanceof WorkflowError) {
          throw new ProblemError(
            422,
            error.code,
            error.message,
            error.path ? { errors: [{ path: error.path, message: error.message }] } : {},
          );
        }
        throw error;
      }
    });
    if (startedJobId !== null && !answer.replayed) jobs.start(startedJobId);
    return sendDsar(reply, answer);
  });

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
