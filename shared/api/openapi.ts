import { z } from 'zod';
import { Problem } from './common';
import { OAUTH_PATH, scopeDescriptions } from './oauth';
import { allOperations, type Operation } from './paths';

const statusText: Record<number, string> = {
  400: 'Bad request: malformed JSON, unknown or missing fields, wrong types',
  401: 'Missing or invalid bearer token',
  403: 'The token lacks the scope',
  404: 'No such entity',
  409: 'An entity with this id exists already',
  410: 'Cursor from another platform epoch: bootstrap again from 0',
  412: 'Stale If-Match version; `current` holds the entity as it is now',
  413: 'Body too large',
  415: 'Body is not application/json',
  422: 'Semantically invalid, or an Idempotency-Key reused for another request',
  428: 'If-Match header required',
};

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * JSON Schema 2020-12 (what OpenAPI 3.1 uses) from the contract, with every named schema (`.meta({ id })`) a
 * component under `#/components/schemas` that the operations refer to. A request body's schema (input: with
 * defaults, fields may be left out) that differs from the answer's (output) is its own component, `…Input`.
 */
function schemaBuilder() {
  const components: Record<string, Json> = {};
  const rewrite = (node: unknown, names: Record<string, string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, names));
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
        out[key] = `#/components/schemas/${names[value.slice('#/$defs/'.length)]}`;
      } else if (!(key === 'id' && typeof value === 'string')) {
        // zod's `id` meta (a string) is the component's name, not a keyword; a property named id is kept.
        out[key] = rewrite(value, names);
      }
    }
    return out;
  };
  const schema = (s: z.ZodType, io: Io): Json => {
    const {
      $schema: _,
      $defs,
      ...root
    } = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json & {
      $defs?: Record<string, Json>;
    };
    const defs = $defs ?? {};
    const names: Record<string, string> = {};
    for (const id of Object.keys(defs)) names[id] = id;
    // A name taken by a different shape (the input form of an answer's schema) gets its own.
    for (const id of Object.keys(defs)) {
      const taken = components[id];
      if (taken && !same(taken, rewrite(defs[id], names))) names[id] = `${id}Input`;
    }
    for (const [id, def] of Object.entries(defs)) components[names[id]] ??= rewrite(def, names) as Json;
    return rewrite(root, names) as Json;
  };
  return { schema, components };
}

function operationDoc(op: Operation, schema: (s: z.ZodType, io: Io) => Json) {
  const parameters: unknown[] = [];
  for (const match of op.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (op.query instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(op.query.shape)) {
      parameters.push({ name, in: 'query', required: false, schema: schema(field as z.ZodType, 'input') });
    }
  }
  if (op.write === 'update') {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      schema: { type: 'string' },
      description: 'The entity version the change is based on',
    });
  }
  if (op.write) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      schema: { type: 'string', maxLength: 200 },
      description: 'A replay answers the first response and applies nothing twice',
    });
  }
  const responses: Record<string, unknown> = {
    200: op.file
      ? { description: 'OK', content: { [op.file]: { schema: { type: 'string', format: 'binary' } } } }
      : { description: 'OK', content: { 'application/json': { schema: schema(op.response, 'output') } } },
  };
  for (const status of op.errors) {
    responses[status] = {
      description: statusText[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    summary: op.summary,
    ...(op.public ? { security: [] } : op.scope ? { security: [{ oauth2: [op.scope] }, { bearer: [op.scope] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the admin API, generated from the zod contract. */
export function openApiDocument() {
  const { schema, components } = schemaBuilder();
  // Named itself, Problem lands among the components; error answers refer to it there.
  schema(Problem, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, op] of Object.entries(allOperations())) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = { operationId, ...operationDoc(op, schema) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Learning platform admin API (privacy)',
      version: '1.0.0',
      description: 'Contract between Privacy Console and the platform. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description:
            'People sign in with the platform: authorization code with PKCE (S256) for the public native client `privacy-console`, loopback redirect on any port (RFC 8252), refresh tokens that rotate, revocation at /oauth/token/revocation. The authorization server is named by /.well-known/oauth-protected-resource/v1 (RFC 9728).',
          flows: {
            authorizationCode: {
              authorizationUrl: `${OAUTH_PATH}/auth`,
              tokenUrl: `${OAUTH_PATH}/token`,
              refreshUrl: `${OAUTH_PATH}/token`,
              scopes: scopeDescriptions,
            },
          },
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Tokens the platform issues to service accounts; the scopes of their roles.',
        },
      },
      schemas: components,
    },
    security: [{ oauth2: [] }, { bearer: [] }],
    paths,
  };
}
