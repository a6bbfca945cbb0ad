import type { z } from 'zod';
import { type Problem, type ProblemCode, type ProblemParams, problemsOf } from './problems';

/**
 * A rule of the domain said no. The platform answers it as 422 with `code` as the problem type; the console
 * shows it in the user's language by its code and parameters (and the issues on their fields) before
 * anything is queued.
 */
export class RuleError extends Error {
  readonly issues: Problem[];

  constructor(
    readonly code: ProblemCode,
    message: string,
    /** The field at fault, or every field at fault. */
    at?: string | Problem[],
    readonly params: ProblemParams = {},
  ) {
    super(message);
    this.name = 'RuleError';
    this.issues = typeof at === 'string' ? [{ path: at, code, params, message }] : (at ?? []);
  }

  /** The issues of a failed schema check, as one rule error. */
  static fromZod(message: string, error: z.ZodError): RuleError {
    return new RuleError('invalid-input', message, problemsOf(error));
  }
}
