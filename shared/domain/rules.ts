import type { z } from 'zod';

/** A field the rule is about, with what is wrong with it: forms show it in place. */
export interface RuleIssue {
  path: string;
  message: string;
}

/**
 * A rule of the domain said no. The platform answers it as 422 with `code` as the problem type; the console
 * shows the message (and the issues on their fields) before anything is queued.
 */
export class RuleError extends Error {
  readonly issues: RuleIssue[];

  constructor(
    readonly code: string,
    message: string,
    /** The field at fault, or every field at fault. */
    at?: string | RuleIssue[],
  ) {
    super(message);
    this.name = 'RuleError';
    this.issues = typeof at === 'string' ? [{ path: at, message }] : (at ?? []);
  }

  /** The issues of a failed schema check, as one rule error. */
  static fromZod(code: string, message: string, error: z.ZodError): RuleError {
    return new RuleError(
      code,
      message,
      error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
}
