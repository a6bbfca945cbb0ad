import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { PlatformStore } from '../store/store';
import type { Principal } from './auth';
import { ProblemError } from './problems';

export interface WriteAnswer {
  status: number;
  body: unknown;
}

/** `If-Match: 3` or `If-Match: "3"` → 3. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) throw new ProblemError(428, 'if-match-required', 'Writes need an If-Match header with the entity version.');
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(String(header));
  if (!match) throw new ProblemError(400, 'invalid-if-match', 'If-Match must be the entity version, e.g. "3".');
  return Number(match[1]);
}

/**
 * Runs a write at most once per Idempotency-Key: a replay with the same request answers the first
 * response and applies nothing; the same key with another request is refused (draft-ietf-httpapi-idempotency-key-header).
 */
export function idempotentWrite(
  store: PlatformStore,
  request: FastifyRequest,
  principal: Principal,
  apply: () => WriteAnswer,
): WriteAnswer & { replayed: boolean } {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length < 8 || key.length > 200) {
    throw new ProblemError(400, 'idempotency-key-required', 'Writes need an Idempotency-Key header (8 to 200 characters).');
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${request.headers['if-match']}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return store.transaction(() => {
    const earlier = store.idempotent(principal.staff.id, key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request.');
      }
      return { status: earlier.status, body: JSON.parse(earlier.body), replayed: true };
    }
    const answer = apply();
    store.rememberAnswer(principal.staff.id, key, fingerprint, answer.status, JSON.stringify(answer.body));
    return { ...answer, replayed: false };
  });
}
