import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../shared/api/openapi';
import type { AnyEntity } from '../../../shared/entities/descriptor';
import { entities } from '../../../shared/entities/registry';

describe('OpenAPI document', () => {
  const document = openApiDocument();

  it('describes the sign-in: OAuth 2.0 authorization code with the API scopes, service tokens beside; public pages need none', () => {
    const schemes = document.components.securitySchemes as Record<
      string,
      { type: string; flows?: { authorizationCode: { scopes: object; authorizationUrl: string } } }
    >;
    expect(schemes.oauth2.type).toBe('oauth2');
    expect(schemes.oauth2.flows?.authorizationCode.authorizationUrl).toBe('/oauth/auth');
    expect(Object.keys(schemes.oauth2.flows?.authorizationCode.scopes ?? {})).toContain('dsar:write');
    const paths = document.paths as Record<string, Record<string, { security?: unknown[] }>>;
    expect(paths['/v1/dsars/{id}'].get.security).toEqual([{ oauth2: ['dsar:read'] }, { bearer: ['dsar:read'] }]);
    expect(paths['/.well-known/oauth-protected-resource/v1'].get.security).toEqual([]);
    expect(paths['/v1/public/policies/{document}/{language}'].get.security).toEqual([]);
  });

  it('is generated from the contract: every operation, problem responses, write headers', () => {
    // Every entity's audit log beside the fixed list.
    const auditLogs = (entities as readonly AnyEntity[]).map((entity) => `${entity.path}/{id}/audit-log`);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        ...auditLogs,
        '/.well-known/oauth-protected-resource/v1',
        '/v1/access-reviews',
        '/v1/access-reviews/{id}',
        '/v1/access-reviews/{id}/close',
        '/v1/access-reviews/{id}/remind',
        '/v1/accounts',
        '/v1/accounts/{id}/policy-notices',
        '/v1/breach-policies',
        '/v1/breach-policies/{id}',
        '/v1/changes',
        '/v1/courses',
        '/v1/dsars',
        '/v1/dsars/{id}',
        '/v1/dsars/{id}/actions',
        '/v1/dsars/{id}/assign',
        '/v1/dsars/{id}/priority',
        '/v1/dsars/{id}/tags',
        '/v1/employees',
        '/v1/employees/{id}',
        '/v1/grants',
        '/v1/grants/{id}',
        '/v1/grants/{id}/retry',
        '/v1/grants/{id}/revoke',
        '/v1/incidents',
        '/v1/incidents/{id}',
        '/v1/incidents/{id}/aftermath',
        '/v1/incidents/{id}/assess',
        '/v1/incidents/{id}/decide',
        '/v1/incidents/{id}/exemption',
        '/v1/incidents/{id}/reference',
        '/v1/incidents/{id}/report',
        '/v1/incidents/{id}/status',
        '/v1/incidents/{id}/task',
        '/v1/jobs/{id}',
        '/v1/jobs/{id}/package',
        '/v1/letter-templates',
        '/v1/letter-templates/{id}',
        '/v1/me',
        '/v1/notice-audiences/preview',
        '/v1/notices',
        '/v1/notices/{id}',
        '/v1/openapi.json',
        '/v1/playbooks',
        '/v1/playbooks/{id}',
        '/v1/policy-audience',
        '/v1/policy-campaigns',
        '/v1/policy-campaigns/{id}',
        '/v1/policy-campaigns/{id}/cancel',
        '/v1/policy-campaigns/{id}/remind',
        '/v1/policy-versions',
        '/v1/policy-versions/{id}',
        '/v1/policy-versions/{id}/approve',
        '/v1/policy-versions/{id}/classify',
        '/v1/policy-versions/{id}/comment',
        '/v1/policy-versions/{id}/dismiss-hint',
        '/v1/policy-versions/{id}/schedule',
        '/v1/policy-versions/{id}/submit',
        '/v1/policy-versions/{id}/unschedule',
        '/v1/processing-activities',
        '/v1/processing-activities/{id}',
        '/v1/processors',
        '/v1/processors/{id}',
        '/v1/public/policies/{document}/{language}',
        '/v1/public/policies/{document}/{language}/changelog',
        '/v1/public/policies/{document}/{language}/versions/{number}',
        '/v1/review-items/{id}',
        '/v1/review-items/{id}/decide',
        '/v1/staff',
        '/v1/staff/{id}',
      ].sort(),
    );
    const create = document.paths['/v1/processors'].post as { parameters: { name: string }[] };
    expect(create.parameters.map((p) => p.name)).toEqual(['Idempotency-Key']);
    const patch = document.paths['/v1/dsars/{id}/assign'].post as { parameters: { name: string }[]; responses: Record<string, unknown> };
    expect(patch.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'If-Match', 'Idempotency-Key']));
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '412', '413', '415']));
    const zip = document.paths['/v1/jobs/{id}/package'].get as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(zip.responses['200'].content)).toEqual(['application/zip']);
  });

  it('is committed as resources/openapi.json, and the committed file is not stale (run `npm run openapi`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../resources/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('a contract platform teams can generate from', () => {
  it('passes a real OpenAPI validator: every $ref resolves, 3.1 keywords only', async () => {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const committed = JSON.parse(readFileSync(new URL('../../../resources/openapi.json', import.meta.url), 'utf8'));
    await expect(SwaggerParser.validate(structuredClone(committed))).resolves.toBeDefined();
    const text = JSON.stringify(committed);
    expect(text).not.toMatch(/#\/definitions\/|#\/\$defs\/|"nullable"|"exclusiveMinimum":(true|false)|"exclusiveMaximum":(true|false)/);
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(committed.components.schemas).toHaveProperty(ref[1]);
  });
});
