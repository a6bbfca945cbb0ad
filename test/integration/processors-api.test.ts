import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProcessors } from '../../sandbox/seed/processors';
import { Problem } from '../../shared/api/common';
import { Processor } from '../../shared/api/processors';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let key = 0;

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 5);
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

const { id: _id, version: _version, updatedAt: _updatedAt, ...template } = demoProcessors[0];
const draft = (over: Record<string, unknown> = {}) => ({ ...template, id: `prc_test-${++key}-abc`, ...over });

async function send(method: string, path: string, body: unknown, token = platform.token, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `proc-key-${++key}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const problemAt = (answer: { status: number; body: unknown }, status: number, path: string) => {
  expect(answer.status).toBe(status);
  const problem = Problem.parse(answer.body);
  expect(problem.errors?.map((e) => e.path)).toContain(path);
  return problem;
};

describe('processor registry API', () => {
  it('lists the seeded processors, each valid under the contract', async () => {
    const response = await fetch(`${platform.url}/v1/processors`, { headers: { authorization: `Bearer ${platform.token}` } });
    const { processors } = (await response.json()) as { processors: unknown[] };
    expect(processors.map((p) => Processor.parse(p).id).sort()).toEqual(demoProcessors.map((p) => p.id).sort());
  });

  it('creates a processor with a transfer to a third country under SCCs', async () => {
    const body = draft({ countries: ['DE', 'US'], transfer: { mechanism: 'scc', sccModule: '2', tiaDate: '2026-11-01' } });
    const created = await send('POST', '/v1/processors', body);
    expect(created.status).toBe(201);
    expect(Processor.parse(created.body)).toMatchObject({ id: body.id, version: 1 });
  });

  it('refuses a DPA that expires before it was signed', async () => {
    const body = draft({ dpa: { ...template.dpa, signedAt: '2026-05-01', expiresAt: '2026-04-30' } });
    const problem = problemAt(await send('POST', '/v1/processors', body), 400, 'dpa.expiresAt');
    expect(JSON.stringify(problem)).toMatch(/cannot expire before/);
  });

  it('refuses an unknown country code', async () => {
    problemAt(await send('POST', '/v1/processors', draft({ countries: ['DE', 'XY'] })), 400, 'countries.1');
    problemAt(await send('POST', '/v1/processors', draft({ countries: ['de'] })), 400, 'countries.0');
  });

  it('refuses a transfer to a third country without a mechanism, and adequacy where there is none', async () => {
    problemAt(await send('POST', '/v1/processors', draft({ countries: ['IN'] })), 400, 'transfer.mechanism');
    problemAt(
      await send(
        'POST',
        '/v1/processors',
        draft({ countries: ['IN'], transfer: { mechanism: 'adequacy', sccModule: null, tiaDate: null } }),
      ),
      400,
      'transfer.mechanism',
    );
    problemAt(
      await send('POST', '/v1/processors', draft({ countries: ['IN'], transfer: { mechanism: 'scc', sccModule: null, tiaDate: null } })),
      400,
      'transfer.sccModule',
    );
  });

  it('answers 409 for an id that exists, 403 for a read-only role', async () => {
    const body = draft();
    expect((await send('POST', '/v1/processors', body)).status).toBe(201);
    expect((await send('POST', '/v1/processors', body)).status).toBe(409);
    expect((await send('POST', '/v1/processors', draft(), platform.sandbox.tokens.stf_hartmann)).status).toBe(403);
  });

  it('patches with If-Match, and refuses a patch whose merged result breaks a rule (422)', async () => {
    const id = demoProcessors[0].id;
    const ok = await send('PATCH', `/v1/processors/${id}`, { riskRating: 'low' }, platform.token, { 'if-match': '1' });
    expect(ok.status).toBe(200);
    problemAt(
      await send('PATCH', `/v1/processors/${id}`, { countries: ['BR'] }, platform.token, { 'if-match': '2' }),
      422,
      'transfer.mechanism',
    );
    expect((await send('PATCH', `/v1/processors/${id}`, { riskRating: 'high' }, platform.token, { 'if-match': '1' })).status).toBe(412);
  });
});
