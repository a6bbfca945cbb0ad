import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Problem } from '../../shared/api/common';
import { problemsOf } from '../../shared/domain/problems';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An error the handlers throw; the server's error handler turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    detail: string,
    readonly extra: Partial<Problem> = {},
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://privacy-console.dev/problems/${this.slug}`,
      title: titles[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function validationProblem(error: z.ZodError, what: string): ProblemError {
  return new ProblemError(400, 'invalid-input', `The ${what} is not valid.`, {
    errors: problemsOf(error).map((p) => ({ ...p, path: p.path || '(root)' })),
  });
}
