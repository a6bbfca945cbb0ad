import type { z } from 'zod';
import type { PlatformAuditPage } from '../../shared/api/audit';
import type { NoticeAudience } from '../../shared/api/breach-notices';
import { Problem } from '../../shared/api/common';
import { auditOperation, getOperation, listOperation, mutatorOperation, type Operation, operations } from '../../shared/api/paths';
import type { AnyEntity, Versioned } from '../../shared/entities/descriptor';
import { staticToken, type TokenSource } from '../auth/session';
import { PlatformError } from './errors';

export interface PlatformClientOptions {
  baseUrl: string;
  /** A service account's fixed token, or a person's session (refreshed before expiry and once after a 401). */
  token: string | TokenSource;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after the first, on network errors, 5xx, 429 and 503. */
  retries?: number;
  /** First backoff; doubles per attempt, with jitter. */
  backoffMs?: number;
  /** Longest Retry-After honoured before giving up on this call (the sync engine tries again later). */
  maxRetryAfterMs?: number;
  /** Largest JSON answer read. */
  maxBodyBytes?: number;
  /** Largest file read (a package). */
  maxFileBytes?: number;
}

/** An entity descriptor whose schema gives `T`. */
type Described<T> = AnyEntity & { schema: z.ZodType<T> };

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Sees a 2xx answer's JSON before it is checked against the contract, to ask early for what follows it; it must
   * use nothing else of it (an answer that fails the check is refused after the peek).
   */
  peek?(json: unknown): void;
  /** Cancels the call, its retries and their waits included (it fails as `cancelled`). */
  signal?: AbortSignal;
}

/** Waits `ms`, or less when `signal` is aborted meanwhile. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
/** A call its caller cancelled: never retried, never shown (the caller no longer waits for it). */
const cancelled = () => new PlatformError('cancelled', 'The call was cancelled.');

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** The largest JSON answer read (a feed page of a thousand requests with their timelines is a few MB). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The largest file (a delivered package) read. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads an answer's body up to `max` bytes; a longer one is cut off and refused, so a broken or hostile
 * platform cannot fill the console's memory.
 */
async function readCapped(response: Response, max: number, controller: AbortController): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () => {
    controller.abort();
    return new PlatformError('invalid_response', `The platform's answer is larger than ${max} bytes; it was not read.`, response.status);
  };
  if (declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}

/**
 * The admin API as the console sees it: every response parsed with the contract's schema before anyone
 * uses it. Retries are safe for writes too, because each write carries its Idempotency-Key.
 */
export class PlatformClient {
  readonly baseUrl: string;
  private readonly tokens: TokenSource;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxFileBytes: number;

  constructor(options: PlatformClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = typeof options.token === 'string' ? staticToken(options.token) : options.token;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  me() {
    return this.call(operations.me, {});
  }

  /** A page of the changes feed; `peek` sees it unchecked (the feed reads ahead with its cursor). */
  changes(after: string, limit: number, options: Pick<Call, 'peek' | 'signal'> = {}) {
    return this.call(operations.changes, { query: { after, limit }, ...options });
  }

  // The operations below are derived from the entity, so their answers were parsed with its schema: the
  // casts only restore the type the schema gave them.

  /** One entity as the platform holds it now. */
  get<T extends Versioned>(entity: Described<T>, id: string): Promise<T> {
    return this.call(getOperation(entity), { params: { id } }) as Promise<T>;
  }

  /** One entity's audit log on the platform, newest first, a page older than `before`. */
  auditLog(entity: AnyEntity, id: string, before: number | null): Promise<PlatformAuditPage> {
    return this.call(auditOperation(entity), { params: { id }, query: before ? { before } : {} }) as Promise<PlatformAuditPage>;
  }

  /** Every entity of a listable kind (registries). */
  async list<T extends Versioned>(entity: Described<T>): Promise<T[]> {
    if (!entity.list) throw new Error(`${entity.name} cannot be listed`);
    const answer = (await this.call(listOperation({ ...entity, list: entity.list }), {})) as Record<string, T[]>;
    return answer[entity.list.key];
  }

  /**
   * Runs a mutator on the platform: the write carries its Idempotency-Key, an update also the version it is
   * based on. Answers the entity as the platform stored it.
   */
  mutate<T extends Versioned>(
    entity: Described<T>,
    mutator: string,
    id: string,
    args: unknown,
    write: { version: number; idempotencyKey: string },
  ): Promise<T> {
    const definition = entity.mutators[mutator];
    if (!definition) throw new Error(`${entity.name} has no mutator ${mutator}`);
    return this.call(mutatorOperation(entity, definition), {
      params: { id },
      body: args,
      headers: {
        'idempotency-key': write.idempotencyKey,
        ...(definition.kind === 'update' ? { 'if-match': `"${write.version}"` } : {}),
      },
    }) as Promise<T>;
  }

  /** How many accounts a notice's audience reaches; nothing is sent. */
  previewAudience(audience: NoticeAudience) {
    return this.call(operations.previewAudience, { body: audience });
  }

  /** How many open accounts a policy campaign in a language reaches. */
  campaignAudience(language: 'de' | 'en') {
    return this.call(operations.campaignAudience, { query: { language } });
  }

  /** What one account was told of which policy versions, and whether it acknowledged. */
  personPolicyNotices(accountId: string) {
    return this.call(operations.personPolicyNotices, { params: { id: accountId } });
  }

  listCourses() {
    return this.call(operations.listCourses, {});
  }

  searchAccounts(q: string) {
    return this.call(operations.searchAccounts, { query: { q } });
  }

  /** The delivered data package of a job, as the subject received it. */
  async packageZip(jobId: string): Promise<Buffer> {
    const op = operations.getPackage;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(this.url(op, { params: { id: jobId } }), {
        headers: { authorization: `Bearer ${await this.bearer()}`, accept: op.file },
        signal: controller.signal,
      }).catch((error: unknown) => {
        if (controller.signal.aborted) throw new PlatformError('timeout', `The platform did not answer within ${this.timeoutMs} ms.`);
        throw new PlatformError('network', `The platform cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
      });
      if (!response.ok) throw this.failure(response, (await readCapped(response, this.maxBodyBytes, controller)).toString('utf8'));
      return await readCapped(response, this.maxFileBytes, controller);
    } finally {
      clearTimeout(timer);
    }
  }

  private url(op: Operation, call: Call): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ''));
    const query = new URLSearchParams(Object.entries(call.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]));
    return `${this.baseUrl}${path}${query.size ? `?${query}` : ''}`;
  }

  /** The bearer token now; not signed in (or the session ended) is the platform's 401 as far as callers care. */
  private async bearer(): Promise<string> {
    try {
      return await this.tokens.token();
    } catch (error) {
      if (error instanceof PlatformError) throw error;
      throw new PlatformError('rejected', `Not signed in: ${error instanceof Error ? error.message : String(error)}`, 401);
    }
  }

  private async call<O extends Operation>(op: O, call: Call): Promise<z.infer<O['response']>> {
    let attempt = 0;
    let renewed = false;
    for (;;) {
      try {
        return await this.attempt(op, call);
      } catch (error) {
        if (call.signal?.aborted) throw cancelled();
        // An access token the platform no longer takes: one fresh token, then the call again (once).
        if (error instanceof PlatformError && error.status === 401 && !renewed) {
          renewed = true;
          if (await this.tokens.renew()) continue;
        }
        if (!(error instanceof PlatformError) || !error.transient || attempt >= this.retries) throw error;
        const hinted = (error as PlatformError & { retryAfter?: number | null }).retryAfter;
        if (hinted != null && hinted > this.maxRetryAfterMs) throw error;
        const backoff = this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        await sleep(hinted ?? backoff, call.signal);
        if (call.signal?.aborted) throw cancelled();
        attempt++;
      }
    }
  }

  private async attempt<O extends Operation>(op: O, call: Call): Promise<z.infer<O['response']>> {
    const bearer = await this.bearer();
    if (call.signal?.aborted) throw cancelled();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const stop = () => controller.abort();
    call.signal?.addEventListener('abort', stop, { once: true });
    let response: Response | undefined;
    let text: string;
    try {
      response = await fetch(this.url(op, call), {
        method: op.method.toUpperCase(),
        headers: {
          authorization: `Bearer ${bearer}`,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...call.headers,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
      text = (await readCapped(response, this.maxBodyBytes, controller)).toString('utf8');
    } catch (error) {
      if (error instanceof PlatformError) throw error;
      if (call.signal?.aborted) throw cancelled();
      if (controller.signal.aborted) throw new PlatformError('timeout', `The platform did not answer within ${this.timeoutMs} ms.`);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
      // Only a refused connection or an unknown host proves the request never reached the platform.
      const code = cause && 'code' in cause ? String(cause.code) : '';
      const neverSent = response === undefined && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
      throw new PlatformError('network', `The platform cannot be reached (${cause?.message ?? String(error)}).`, null, null, neverSent);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', stop);
    }
    if (!response.ok) throw this.failure(response, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformError(
        'invalid_response',
        `${op.method.toUpperCase()} ${op.path} answered something that is not JSON.`,
        response.status,
      );
    }
    if (call.peek) {
      call.peek(json);
      // What the peek asked for goes out before this answer is checked (a large page takes a while).
      await new Promise((resolve) => setImmediate(resolve));
    }
    const parsed = op.response.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new PlatformError(
        'invalid_response',
        `${op.method.toUpperCase()} ${op.path} answered data that does not match the contract (${first?.path.join('.') || 'root'}: ${first?.message}).`,
        response.status,
      );
    }
    return parsed.data as z.infer<O['response']>;
  }

  private failure(response: Response, text: string): PlatformError {
    let problem: Problem | null = null;
    try {
      const parsed = Problem.safeParse(JSON.parse(text));
      problem = parsed.success ? parsed.data : null;
    } catch {
      problem = null;
    }
    const detail = problem?.detail ?? problem?.title ?? response.statusText;
    const transient = response.status >= 500 || response.status === 429;
    const error = new PlatformError(
      transient ? 'server' : 'rejected',
      `The platform answered ${response.status}: ${detail}`,
      response.status,
      problem,
    );
    return Object.assign(error, { retryAfter: retryAfterMs(response.headers.get('retry-after')) });
  }
}
