import type { ProblemCode, ProblemParams } from '../../shared/domain/problems';
import type { BridgeError } from '../../shared/ipc/bridge';

/**
 * An error with a code the UI acts on; the registry answers it as a bridge error. `problem` names what went
 * wrong in words the renderer has in both languages; the English message is for the log.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
    readonly details: { issues?: BridgeError['issues']; problem?: ProblemCode; params?: ProblemParams } = {},
  ) {
    super(message);
  }
}
