import type { z } from 'zod';
import type { BridgeError } from '../../shared/ipc/bridge';

/** An error with a code the UI acts on; the registry answers it as a bridge error. */
export class HandlerError extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
    readonly issues?: BridgeError['issues'],
  ) {
    super(message);
  }
}

export const issuesOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
