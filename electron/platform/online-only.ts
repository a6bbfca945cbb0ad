import type { ProblemCode } from '../../shared/domain/problems';
import { HandlerError } from '../ipc/errors';
import { PlatformError } from './errors';

/**
 * A question only the platform can answer (whom an audience reaches, what one person was told). Offline the
 * handler says so in the user's language instead of guessing from the cache.
 */
export async function onlineOnly<T>(question: () => Promise<T>, problem: ProblemCode, message: string): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (error instanceof PlatformError && (error.kind === 'network' || error.kind === 'timeout')) {
      throw new HandlerError('unavailable', message, { problem });
    }
    throw error;
  }
}
