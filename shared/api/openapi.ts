import { z } from 'zod';
import { Problem } from './common';
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

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });

function operationDoc(op: Operation) {
  const parameters: unknown[] = [];
  for (const match of op.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (op.query instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(op.query.shape)) {
      parameters.push({ name, in: 'query', required: false, schema: schema(field as z.ZodType) });
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
      : { description: 'OK', content: { 'application/json': { schema: schema(op.response) } } },
  };
  for (const status of op.errors) {
    responses[status] = {
      description: statusText[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    summary: op.summary,
    ...(op.scope ? { security: [{ bearer: [op.scope] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the admin API, generated from the zod contract. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, op] of Object.entries(allOperations())) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = { operationId, ...operationDoc(op) };
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
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Problem: schema(Problem) },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
