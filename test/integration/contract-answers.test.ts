import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/api/openapi';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

const dir = tempDir();
let platform: TestPlatform;
beforeAll(async () => {
  platform = await testPlatform(dir.path, 40);
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

const document = openApiDocument();
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
ajv.addSchema({ ...document, $id: 'https://contract.example/openapi.json' });

/** The schema the document gives an answer, by path, method, status and media type. */
function validatorFor(path: string, method: string, status: number, media: string) {
  const pointer = ['paths', path, method, 'responses', String(status), 'content', media, 'schema']
    .map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/');
  return ajv.compile({ $ref: `https://contract.example/openapi.json#/${pointer}` });
}

async function answer(path: string, template: string, method = 'get', token: string | null = platform.token) {
  const response = await fetch(`${platform.url}${path}`, {
    method: method.toUpperCase(),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const media = (response.headers.get('content-type') ?? '').split(';')[0];
  const validate = validatorFor(template, method, response.status, media);
  const body = await response.json();
  return { status: response.status, valid: validate(body), errors: validate.errors, body };
}

describe("the platform's answers match the published contract", () => {
  it('every read the console makes', async () => {
    const page = await answer('/v1/changes?after=0&limit=200', '/v1/changes');
    expect(page.errors).toBeNull();
    expect(page.valid).toBe(true);
    const dsarId = (page.body as { changes: { entity: string; id: string }[] }).changes.find((c) => c.entity === 'dsar')?.id;
    for (const [path, template] of [
      ['/v1/me', '/v1/me'],
      [`/v1/dsars/${dsarId}`, '/v1/dsars/{id}'],
      ['/v1/processors', '/v1/processors'],
      ['/v1/processing-activities', '/v1/processing-activities'],
      ['/v1/letter-templates', '/v1/letter-templates'],
      ['/v1/letter-templates/tpl_de', '/v1/letter-templates/{id}'],
      ['/v1/staff', '/v1/staff'],
      ['/v1/accounts?q=web.de', '/v1/accounts'],
      [`/v1/dsars/${dsarId}/audit-log?limit=2`, '/v1/dsars/{id}/audit-log'],
      ['/v1/letter-templates/tpl_de/audit-log', '/v1/letter-templates/{id}/audit-log'],
    ] as const) {
      const result = await answer(path, template);
      expect(result.status, path).toBe(200);
      expect(result.errors, path).toBeNull();
    }
  });

  it('a write and its refusals', async () => {
    const page = await answer('/v1/changes?after=0&limit=200', '/v1/changes');
    const change = (page.body as { changes: { entity: string; id: string; version: number }[] }).changes.find((c) => c.entity === 'dsar');
    if (!change) throw new Error('no request');
    const write = async (version: number, key: string) => {
      const response = await fetch(`${platform.url}/v1/dsars/${change.id}/priority`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${platform.token}`,
          'content-type': 'application/json',
          'if-match': `"${version}"`,
          'idempotency-key': key,
        },
        body: JSON.stringify({ priority: 'high' }),
      });
      const media = (response.headers.get('content-type') ?? '').split(';')[0];
      const validate = validatorFor('/v1/dsars/{id}/priority', 'post', response.status, media);
      return { status: response.status, valid: validate(await response.json()), errors: validate.errors };
    };
    expect(await write(change.version, 'contract-1')).toMatchObject({ status: 200, errors: null });
    expect(await write(change.version, 'contract-2')).toMatchObject({ status: 412, errors: null });
  });

  it('its errors: problem+json as the document describes them', async () => {
    const missing = await answer('/v1/dsars/dsr_nope', '/v1/dsars/{id}');
    expect(missing.status).toBe(404);
    expect(missing.errors).toBeNull();
    const anonymous = await answer('/v1/me', '/v1/me', 'get', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors).toBeNull();
  });
});
