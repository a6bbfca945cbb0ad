import type { Problem } from '../../shared/api/common';

/**
 * Why a platform call failed. `network`, `timeout` and `server` are worth retrying later; `cancelled` was its
 * caller's choice; the rest are answers.
 */
export class PlatformError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'server' | 'rejected' | 'invalid_response' | 'cancelled',
    message: string,
    readonly status: number | null = null,
    readonly problem: Problem | null = null,
    /** For `network`: the connection was refused or the host unknown, so the request never left. */
    readonly neverSent = false,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}
