import type { z } from 'zod';
import { Problem } from '../../shared/api/common';
import { getOperation, listOperation, mutatorOperation, type Operation, operations } from '../../shared/api/paths';
import type { AnyEntity, Versioned } from '../../shared/entities/descriptor';
import { PlatformError } from './errors';

export interface PlatformClientOptions {
  baseUrl: string;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after the first, on network errors, 5xx, 429 and 503. */
  retries?: number;
  /** First backoff; doubles per attempt, with jitter. */
  backoffMs?: number;
  /** Longest Retry-After honoured before giving up on this call (the sync engine tries again later). */
  maxRetryAfterMs?: number;
}

/** An entity descriptor whose schema gives `T`. */
type Described<T> = AnyEntity & { schema: z.ZodType<T> };

interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * The admin API as the console sees it: every response parsed with the contract's schema before anyone
 * uses it. Retries are safe for writes too, because each write carries its Idempotency-Key.
 */
export class PlatformClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(options: PlatformClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  }

  me() {
    return this.call(operations.me, {});
  }

  changes(after: string, limit: number) {
    return this.call(operations.changes, { query: { after, limit } });
  }

  // The operations below are derived from the entity, so their answers were parsed with its schema: the
  // casts only restore the type the schema gave them.

  /** One entity as the platform holds it now. */
  get<T extends Versioned>(entity: Described<T>, id: string): Promise<T> {
    return this.call(getOperation(entity), { params: { id } }) as Promise<T>;
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
        headers: { authorization: `Bearer ${this.token}`, accept: op.file },
        signal: controller.signal,
      }).catch((error: unknown) => {
        if (controller.signal.aborted) throw new PlatformError('timeout', `The platform did not answer within ${this.timeoutMs} ms.`);
        throw new PlatformError('network', `The platform cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
      });
      if (!response.ok) throw this.failure(response, await response.text());
      return Buffer.from(await response.arrayBuffer());
    } finally {
      clearTimeout(timer);
    }
  }

  private url(op: Operation, call: Call): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ''));
    const query = new URLSearchParams(Object.entries(call.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]));
    return `${this.baseUrl}${path}${query.size ? `?${query}` : ''}`;
  }

  private async call<O extends Operation>(op: O, call: Call): Promise<z.infer<O['response']>> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.attempt(op, call);
      } catch (error) {
        if (!(error instanceof PlatformError) || !error.transient || attempt >= this.retries) throw error;
        const hinted = (error as PlatformError & { retryAfter?: number | null }).retryAfter;
        if (hinted != null && hinted > this.maxRetryAfterMs) throw error;
        const backoff = this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        await sleep(hinted ?? backoff);
        attempt++;
      }
    }
  }

  private async attempt<O extends Operation>(op: O, call: Call): Promise<z.infer<O['response']>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url(op, call), {
        method: op.method.toUpperCase(),
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...call.headers,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw new PlatformError('timeout', `The platform did not answer within ${this.timeoutMs} ms.`);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new PlatformError('network', `The platform cannot be reached (${cause}).`);
    } finally {
      clearTimeout(timer);
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
