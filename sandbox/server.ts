import { createServer } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { type Me, Scope } from '../shared/api/common';
import { OAUTH_PATH, type ProtectedResourceMetadata } from '../shared/api/oauth';
import { openApiDocument } from '../shared/api/openapi';
import { type EntityName, entities, type PlatformNeeds } from '../shared/entities/registry';
import { AccessRunner, accessPlatform } from './access/platform';
import { Credentials } from './auth/credentials';
import { type AuthorizationServer, authorizationServer } from './auth/provider';
import { emitIncident } from './breaches/emit';
import { NoticeRunner, noticePlatform, noticeRoutes } from './breaches/notices';
import { changesRoutes } from './changes';
import { emitRequest } from './dsar/intake';
import { JobRunner } from './dsar/jobs';
import { dsarPlatform } from './dsar/platform';
import { dsarRoutes } from './dsar/routes';
import { TokenRegistry } from './http/auth';
import { entityRoutes, type PlatformOf } from './http/entity-routes';
import { ProblemError, sendProblem } from './http/problems';
import { CampaignRunner, campaignPlatform, campaignRoutes } from './policies/campaigns';
import { PolicyPublisher, publicPolicyRoutes } from './policies/publisher';
import { emitLeaver, ensureAccess } from './seed/access';
import { DEFAULT_DEMO_LEARNERS, ensureLearners } from './seed/learners';
import { DEFAULT_DEMO_REQUESTS, ensureIncidents, ensurePolicies, ensureTemplates, seedIfEmpty } from './seed/seed';
import { demoStaff } from './seed/staff';
import { PlatformStore } from './store/store';

export interface SandboxOptions {
  /** SQLite file of the platform store; ':memory:' for a throwaway one. */
  dbPath: string;
  /** 64 hex characters: the store is encrypted with it (the in-process demo workspace). */
  dbKey?: string;
  /** Requests seeded into an empty store. */
  requests?: number;
  /** Learner accounts on the platform (the audience of policy campaigns); 40,000 by default. */
  learners?: number;
  /** Hears how many learner accounts are seeded so far (a million take a while). */
  onSeedProgress?(done: number, total: number): void;
  host?: string;
  port?: number;
  /** Fixed token for the default (first) staff member; random when absent. */
  token?: string;
  seedNow?: Date;
  /** Log requests to stdout (the CLI does; tests and the in-process demo do not). */
  logger?: boolean;
  /** Time per step of a fulfilment job (one data category per step). */
  jobStepMs?: number;
  /** Emit a new request from a random account this often, as users filing requests would. Off when absent. */
  emitEveryMs?: number;
  /** A processor reports a new incident this long after the start (once), so the 72-hour clock is seen ticking. */
  incidentAfterMs?: number;
  /** Time per step of sending a notice to the people affected. */
  noticeStepMs?: number;
  /** The platform's clock for publishing policies at their instant (tests inject one). */
  now?: () => Date;
  /** How often the platform looks for policy versions that are due. */
  publishCheckMs?: number;
  /** Time per step of a policy campaign (each wave goes out in about eight, people acknowledge in the next five). */
  campaignStepMs?: number;
  /** How long the platform takes to carry out a revocation of access. */
  accessStepMs?: number;
  /** How long after a failed revocation the platform first tries again on its own (doubling each time). */
  accessRetryMs?: number;
  /** Someone leaves this long after the start (once), still holding their grants. */
  leaverAfterMs?: number;
  /** The demo platform: its sign-in page lists the staff with their passwords and shows the current code. */
  demo?: boolean;
  /** Lifetimes of the authorization server's tokens, in seconds (tests shorten them). */
  accessTokenTtl?: number;
  refreshTokenTtl?: number;
}

/**
 * Injected failures for tests of the console's resilience: the next `count` requests either answer
 * `status` without doing anything, or (`dropResponse`) are processed and then lose their answer, as when a
 * connection breaks after the platform applied a write.
 */
export type Faults = { count: number } & ({ status: 429 | 500 | 503; retryAfterSeconds?: number } | { dropResponse: true });

export interface Sandbox {
  url: string;
  /** Service-account token of each staff member, by staff id. */
  tokens: Record<string, string>;
  defaultToken: string;
  /** The authorization server people sign in with (`<url>/oauth`). */
  issuer: string;
  /** Each member of staff's password and second factor. */
  credentials: Credentials;
  store: PlatformStore;
  app: FastifyInstance;
  /** Every route served, as `GET` and `/v1/dsars/:id`. */
  routes: readonly { method: string; path: string }[];
  inject(faults: Faults): void;
  /** Files a new request from a random account now, as a user on the platform would. */
  emitRequest(): ReturnType<typeof emitRequest>;
  /** Logs a new processor-reported incident now, aware for 49 hours. */
  emitIncident(): ReturnType<typeof emitIncident>;
  /** Publishes the policy versions due at the platform's clock now (it also does so on its own, every few seconds). */
  publishDue(): ReturnType<PolicyPublisher['publishDue']>;
  /** The job that sends policy campaigns (tests and the bench step it by hand). */
  campaigns: CampaignRunner;
  /** Someone leaves now: their last day was yesterday, and they still hold their grants. */
  emitLeaver(): ReturnType<typeof emitLeaver>;
  /** The job that carries out revocations and revokes lapsed grants (tests run its nightly pass by hand). */
  access: AccessRunner;
  close(): Promise<void>;
}

const BODY_LIMIT = 64 * 1024;

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store = new PlatformStore(options.dbPath, { key: options.dbKey });
  seedIfEmpty(store, { requests: options.requests ?? DEFAULT_DEMO_REQUESTS, now: options.seedNow });
  ensureTemplates(store, options.seedNow);
  ensureIncidents(store, options.seedNow);
  const learners = options.learners ?? DEFAULT_DEMO_LEARNERS;
  ensureLearners(store, learners, options.seedNow ?? new Date(), (done) => options.onSeedProgress?.(done, learners));
  ensurePolicies(store);
  ensureAccess(store, options.seedNow ?? new Date());
  const credentials = new Credentials(store);
  credentials.ensure(demoStaff);
  credentials.reflectInEmployees(options.seedNow);
  const registry = new TokenRegistry(store);
  const tokens: Record<string, string> = {};
  for (const staff of demoStaff) tokens[staff.id] = registry.issue(staff.id, staff === demoStaff[0] ? options.token : undefined);

  // The authorization server answers below /oauth on the same port; it needs the origin, known once listening.
  let auth: AuthorizationServer | null = null;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: options.logger ?? false,
    return503OnClosing: true,
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (auth && (req.url === OAUTH_PATH || req.url?.startsWith(`${OAUTH_PATH}/`))) {
          auth.handle(req, res).catch(() => {
            if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
            res.end('The sign-in request could not be read.');
          });
        } else handler(req, res);
      }),
  });
  const routes: { method: string; path: string }[] = [];
  app.addHook('onRoute', (route) => {
    // Fastify adds HEAD beside every GET by itself.
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, path: route.url });
  });
  let faults: Faults | null = null;

  app.addHook('onRequest', async (_request, reply) => {
    if (!faults || faults.count <= 0 || !('status' in faults)) return;
    faults.count--;
    if (faults.retryAfterSeconds !== undefined) reply.header('retry-after', String(faults.retryAfterSeconds));
    throw new ProblemError(faults.status, 'injected-fault', 'Injected failure (sandbox fault injection).');
  });
  app.addHook('onSend', async (request) => {
    if (!faults || faults.count <= 0 || !('dropResponse' in faults)) return;
    faults.count--;
    request.raw.socket.destroy();
  });

  // Only JSON bodies are accepted; anything else is a 415 problem, not a parser crash.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new ProblemError(400, 'malformed-json', 'The request body is not well-formed JSON.'), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.toProblem(request.url));
    const status = error.statusCode ?? 500;
    const known: Record<string, [number, string, string]> = {
      FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', `The body exceeds ${BODY_LIMIT} bytes.`],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send the body as application/json.'],
      FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'The JSON body is empty.'],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid-content-length', 'Content-Length does not match the body.'],
    };
    const mapped = known[error.code];
    if (mapped) return sendProblem(reply, new ProblemError(...mapped).toProblem(request.url));
    if (status >= 400 && status < 500) {
      return sendProblem(reply, new ProblemError(status, 'bad-request', error.message).toProblem(request.url));
    }
    request.log.error(error);
    return sendProblem(reply, new ProblemError(500, 'internal', 'The platform failed to answer this request.').toProblem(request.url));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new ProblemError(404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`).toProblem()),
  );

  app.get('/v1/openapi.json', async () => openApiDocument());
  app.get('/.well-known/oauth-protected-resource/v1', async (): Promise<ProtectedResourceMetadata> => {
    if (!auth) throw new ProblemError(503, 'starting', 'The platform is starting.');
    return {
      resource: auth.resource,
      authorization_servers: [auth.issuer],
      scopes_supported: [...Scope.options],
      bearer_methods_supported: ['header'],
    };
  });
  app.get('/v1/me', async (request) => {
    const principal = registry.authenticate(request);
    const workspace = store.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'workspace'").get();
    const me: Me = {
      staff: principal.staff,
      scopes: principal.scopes,
      workspace: { id: store.epoch, name: workspace?.value ?? 'Platform' },
    };
    return me;
  });
  changesRoutes(app, store, registry);
  const jobs = new JobRunner(store, options.jobStepMs ?? 300);
  const notices = new NoticeRunner(store, options.noticeStepMs ?? 1500);
  const campaigns = new CampaignRunner(store, options.now);
  const access = new AccessRunner(store, { stepMs: options.accessStepMs ?? 2000, retryMs: options.accessRetryMs ?? 120_000 });
  // What the platform lends the mutators of an entity beyond its store: jobs, packages, accounts.
  const platforms: { [N in keyof PlatformNeeds]: PlatformOf<PlatformNeeds[N]> } = {
    dsar: dsarPlatform(store, jobs),
    notice: noticePlatform(notices),
    policyCampaign: campaignPlatform(campaigns),
    accessReview: accessPlatform(access),
    reviewItem: accessPlatform(access),
  };
  const platformOf: Partial<Record<EntityName, PlatformOf<unknown>>> = platforms;
  for (const entity of entities) entityRoutes(app, store, registry, entity, platformOf[entity.name]);
  dsarRoutes(app, store, registry);
  noticeRoutes(app, notices, registry);
  campaignRoutes(app, campaigns, store, registry);
  const publisher = new PolicyPublisher(store, options.now);
  publicPolicyRoutes(app, publisher);

  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const url = address.replace('[::1]', '127.0.0.1');
  auth = authorizationServer({
    store,
    credentials,
    origin: url,
    demo: options.demo ?? false,
    accessTokenTtl: options.accessTokenTtl,
    refreshTokenTtl: options.refreshTokenTtl,
  });
  registry.issued = (token) => auth?.tokenFor(token) ?? null;
  jobs.resume();
  notices.resume();
  publisher.start(options.publishCheckMs ?? 5000);
  campaigns.start(options.campaignStepMs ?? 1500);
  access.start();
  const leaverTimer = options.leaverAfterMs === undefined ? null : setTimeout(() => emitLeaver(store), options.leaverAfterMs);
  leaverTimer?.unref();
  const emitter = options.emitEveryMs ? setInterval(() => emitRequest(store), options.emitEveryMs) : null;
  emitter?.unref();
  const incidentTimer = options.incidentAfterMs === undefined ? null : setTimeout(() => emitIncident(store), options.incidentAfterMs);
  incidentTimer?.unref();
  return {
    url,
    tokens,
    defaultToken: tokens[demoStaff[0].id],
    issuer: auth.issuer,
    credentials,
    store,
    app,
    routes,
    inject: (next) => {
      faults = { ...next };
    },
    emitRequest: () => emitRequest(store),
    emitIncident: () => emitIncident(store),
    publishDue: () => publisher.publishDue(),
    campaigns,
    emitLeaver: () => emitLeaver(store),
    access,
    close: async () => {
      if (emitter) clearInterval(emitter);
      if (incidentTimer) clearTimeout(incidentTimer);
      jobs.stop();
      notices.stop();
      publisher.stop();
      campaigns.stop();
      access.stop();
      if (leaverTimer) clearTimeout(leaverTimer);
      await app.close();
      store.close();
    },
  };
}
