import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccess, demoPastReview } from '../../sandbox/seed/access';
import { ChangesPage } from '../../shared/api/changes';
import { Problem } from '../../shared/api/common';
import { Dsar } from '../../shared/api/dsar';
import { SEED_NOW, type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let officer: string;
let securityLead: string;
let nextKey = 0;

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 50);
  officer = platform.token;
  securityLead = platform.sandbox.tokens.stf_krueger;
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

async function call(path: string, init: RequestInit & { token?: string | null } = {}) {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? officer : init.token;
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(`${platform.url}${path}`, { ...init, headers });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** Runs a mutator of a request (`assign`, `priority`) with the usual write headers. */
const write =
  (mutator: 'assign' | 'priority') =>
  (id: string, body: string, headers: Record<string, string> = {}, token?: string) =>
    call(`/v1/dsars/${id}/${mutator}`, {
      method: 'POST',
      body,
      token,
      headers: { 'content-type': 'application/json', 'if-match': '"1"', 'idempotency-key': `test-key-${++nextKey}`, ...headers },
    });
const assign = write('assign');
const prioritise = write('priority');

/** Every error is RFC 9457 problem+json with the right status, and no stack trace. */
function expectProblem(answer: Awaited<ReturnType<typeof call>>, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(answer.body);
  expect(problem.status).toBe(status);
  expect(JSON.stringify(problem)).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
  return problem;
}

describe('admin API errors', () => {
  it('401 without a token or with an unknown one', async () => {
    expectProblem(await call('/v1/me', { token: null }), 401);
    expectProblem(await call('/v1/me', { token: 'pct_unknown' }), 401);
    expectProblem(await call('/v1/changes', { headers: { authorization: 'Basic abc' }, token: null }), 401);
  });

  it('403 when the role lacks the scope', async () => {
    expectProblem(await call('/v1/dsars/dsr_000001', { token: securityLead }), 403);
    expectProblem(await assign('dsr_000001', '{"assigneeId":null}', {}, securityLead), 403);
  });

  it('404 for an unknown id and an unknown route', async () => {
    expectProblem(await call('/v1/dsars/dsr_nope'), 404);
    expectProblem(await assign('dsr_nope', '{"assigneeId":null}'), 404);
    expectProblem(await call('/v1/processors/prc_nope'), 404);
    expectProblem(await call('/v1/nothing-here'), 404);
  });

  it('409 for a create whose id exists', async () => {
    const created = await call('/v1/dsars', {
      method: 'POST',
      body: JSON.stringify({
        id: 'dsr_000001',
        type: 'access',
        channel: 'email',
        receivedAt: '2026-11-20T08:00:00Z',
        subject: { userId: null, name: 'Erika Muster', email: 'erika@example.de', locale: 'de', address: null },
      }),
      headers: { 'content-type': 'application/json', 'idempotency-key': `test-key-${++nextKey}` },
    });
    expectProblem(created, 409);
  });

  it('400 for malformed JSON, unknown fields, wrong types and empty arguments', async () => {
    expectProblem(await assign('dsr_000001', '{"assigneeId": '), 400);
    const unknown = expectProblem(await assign('dsr_000001', '{"status":"completed"}'), 400);
    expect(unknown.errors?.length).toBeGreaterThan(0);
    const wrongType = expectProblem(await assign('dsr_000001', '{"assigneeId": 42}'), 400);
    expect(wrongType.errors?.[0].path).toBe('assigneeId');
    expectProblem(await assign('dsr_000001', '{}'), 400);
    expectProblem(await assign('dsr_000001', '[]'), 400);
    expectProblem(await call('/v1/changes?limit=abc'), 400);
    expectProblem(await call('/v1/changes?after=garbage'), 400);
  });

  it('413 for an oversized body and 415 for a body that is not JSON', async () => {
    expectProblem(await assign('dsr_000001', JSON.stringify({ notes: 'x'.repeat(70_000) })), 413);
    expectProblem(await assign('dsr_000001', 'assigneeId=stf_vogel', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  it('428 without If-Match, 400 without Idempotency-Key', async () => {
    const noIfMatch = await call('/v1/dsars/dsr_000001/priority', {
      method: 'POST',
      body: '{"priority":"high"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'test-key-none-1' },
    });
    expectProblem(noIfMatch, 428);
    const noKey = await call('/v1/dsars/dsr_000001/priority', {
      method: 'POST',
      body: '{"priority":"high"}',
      headers: { 'content-type': 'application/json', 'if-match': '1' },
    });
    expectProblem(noKey, 400);
  });

  it('422 for an assignee who may not work on requests', async () => {
    const answer = expectProblem(await assign('dsr_000002', '{"assigneeId":"stf_krueger"}'), 422);
    expect(answer.errors?.[0].path).toBe('assigneeId');
    expectProblem(await assign('dsr_000002', '{"assigneeId":"stf_berger"}'), 422); // has left: inactive
  });

  it('412 with the current entity on a stale version', async () => {
    const first = await prioritise('dsr_000003', '{"priority":"high"}');
    expect(first.status).toBe(200);
    const stale = expectProblem(await prioritise('dsr_000003', '{"priority":"low"}'), 412);
    expect(Dsar.parse(stale.current).version).toBe(2);
    expect(Dsar.parse(stale.current).priority).toBe('high');
  });
});

describe('idempotent writes', () => {
  it('a replay answers the first response and applies nothing twice', async () => {
    const headers = { 'idempotency-key': 'replay-key-0001', 'if-match': '1' };
    const first = await assign('dsr_000004', '{"assigneeId":"stf_albrecht"}', headers);
    const second = await assign('dsr_000004', '{"assigneeId":"stf_albrecht"}', headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(platform.appliedWrites('dsr_000004')).toHaveLength(1);
    expect(Dsar.parse((await call('/v1/dsars/dsr_000004')).body).version).toBe(2);
  });

  it('the same key with another request is refused', async () => {
    const headers = { 'idempotency-key': 'replay-key-0002', 'if-match': '1' };
    expect((await prioritise('dsr_000005', '{"priority":"high"}', headers)).status).toBe(200);
    expectProblem(await prioritise('dsr_000005', '{"priority":"low"}', headers), 422);
  });
});

describe('changes feed', () => {
  it('bootstraps from 0 in seq order, page by page, with a cursor and hasMore', async () => {
    const seen: number[] = [];
    let after = '0';
    let pages = 0;
    for (;;) {
      const page = ChangesPage.parse((await call(`/v1/changes?after=${after}&limit=16`)).body);
      seen.push(...page.changes.map((c) => c.seq));
      pages++;
      after = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    // Every entity once, in its latest state: 7 staff + 7 processors + 8 activities + 50 requests + 2 templates
    // + the notification policy + 7 playbooks + 30 incidents + the 8 notices of those whose people were told
    // + 5 policy versions (privacy de/en, cookies de 1 and 2, cookies en) + the campaign of the cookie change
    // + the organisation's staff accounts and their grants + the last completed review with its items.
    const organisation = demoAccess(SEED_NOW);
    const past = demoPastReview(organisation.employees, organisation.grants, SEED_NOW);
    expect(seen).toHaveLength(127 + organisation.employees.length + organisation.grants.length + 1 + past.items.length);
    const tail = ChangesPage.parse((await call(`/v1/changes?after=${after}`)).body);
    expect(tail).toMatchObject({ changes: [], hasMore: false, cursor: after });
  });

  it('moves a changed entity to the head of the feed, and carries tombstones', async () => {
    let page = ChangesPage.parse((await call('/v1/changes?after=0&limit=5000')).body);
    while (page.hasMore) page = ChangesPage.parse((await call(`/v1/changes?after=${page.cursor}&limit=5000`)).body);
    const head = page.cursor;
    const changed = await prioritise('dsr_000010', '{"priority":"low"}');
    expect(changed.status).toBe(200);
    platform.sandbox.store.transaction(() => platform.sandbox.store.remove('dsar', 'dsr_000011'));
    const next = ChangesPage.parse((await call(`/v1/changes?after=${head}`)).body);
    expect(next.changes.map((c) => [c.id, c.op])).toEqual([
      ['dsr_000010', 'upsert'],
      ['dsr_000011', 'delete'],
    ]);
  });

  it('hides requests from a token without dsar:read', async () => {
    const page = ChangesPage.parse((await call('/v1/changes?after=0&limit=5000', { token: securityLead })).body);
    expect(page.changes.some((c) => c.entity === 'dsar')).toBe(false);
    expect(page.changes.some((c) => c.entity === 'processor')).toBe(true);
  });

  it('410 for a cursor of another platform epoch', async () => {
    expectProblem(await call('/v1/changes?after=otherepoch.12'), 410);
  });

  it('serves its OpenAPI document', async () => {
    const document = (await call('/v1/openapi.json', { token: null })).body;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/changes');
  });
});
