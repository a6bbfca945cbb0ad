import type { z } from 'zod';
import { problemsOf } from '../../shared/domain/problems';
import { RuleError } from '../../shared/domain/rules';
import type { Envelope } from '../../shared/ipc/bridge';
import { type ChannelName, type ChannelOutput, channels } from '../../shared/ipc/contract';
import { HandlerError } from './errors';

export type { Envelope };

type Handler<K extends ChannelName> = (input: z.output<(typeof channels)[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

/**
 * The main side of the IPC contract. Features register their handlers here; `dispatch` takes the raw
 * `unknown` from a bridge, refuses unknown channels, parses the input with the channel's schema, and only
 * then calls the handler.
 */
export class IpcRegistry {
  private readonly handlers = new Map<string, (input: unknown) => unknown>();
  /** Told of every failure no handler expected (the composition root watches for a damaged cache). */
  onUnexpected: ((error: unknown) => string | null) | null = null;

  handle<K extends ChannelName>(name: K, handler: Handler<K>): void {
    if (this.handlers.has(name)) throw new Error(`channel ${name} is registered twice`);
    this.handlers.set(name, handler as (input: unknown) => unknown);
  }

  /** Channels without a handler among those this registry answers (`which`: all of them by default). */
  missing(which: (name: ChannelName) => boolean = () => true): ChannelName[] {
    return (Object.keys(channels) as ChannelName[]).filter((name) => which(name) && !this.handlers.has(name));
  }

  async dispatch(name: unknown, rawInput: unknown): Promise<Envelope> {
    if (typeof name !== 'string' || !Object.hasOwn(channels, name)) {
      return { ok: false, error: { code: 'invalid_input', message: `unknown channel ${String(name)}` } };
    }
    const handler = this.handlers.get(name);
    if (!handler) return { ok: false, error: { code: 'internal', message: `no handler for ${name}` } };
    const parsed = channels[name as ChannelName].input.safeParse(rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `invalid input for ${name}`, problem: 'invalid-input', issues: problemsOf(parsed.error) },
      };
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      // A domain rule said no (before anything was queued): the user corrects the input.
      if (error instanceof RuleError) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: error.message,
            problem: error.code,
            ...(Object.keys(error.params).length ? { params: error.params } : {}),
            ...(error.issues.length ? { issues: error.issues } : {}),
          },
        };
      }
      if (error instanceof HandlerError) {
        const { issues, problem, params } = error.details;
        return {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(problem ? { problem } : {}),
            ...(params ? { params } : {}),
            ...(issues ? { issues } : {}),
          },
        };
      }
      console.error(`[ipc] ${name} failed:`, error);
      const explained = this.onUnexpected?.(error) ?? null;
      return { ok: false, error: { code: 'internal', message: explained ?? (error instanceof Error ? error.message : String(error)) } };
    }
  }
}
