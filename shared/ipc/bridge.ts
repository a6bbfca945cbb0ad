import type { Problem, ProblemCode, ProblemParams } from '../domain/problems';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, Events } from './contract';

/** The preload asks main for the bridge's names on this channel (synchronously, once, while the page loads). */
export const BRIDGE_NAMES_CHANNEL = 'bridge:names';

/** Events travel on Electron IPC channels with this prefix, so they never share a name with an invoke channel. */
export const EVENT_CHANNEL_PREFIX = 'event:';

/** What the renderer sees as `window.privacyConsole`: one method per channel, and typed events. */
export type PrivacyConsoleBridge = {
  [K in ChannelName]: (input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export interface BridgeTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The contract's channel and event names (`bridgeNames` in contract.ts; the headless shell sends them first). */
export interface BridgeNames {
  channels: readonly ChannelName[];
  events: readonly EventName[];
}

/**
 * Builds the bridge from the one channel list, over any transport (Electron IPC in the preload, a
 * WebSocket in the headless shell), so the two cannot differ and nothing beyond the list is exposed.
 * The list is passed in: this module holds no schema, so the page's first script stays small.
 */
export function buildBridge(transport: BridgeTransport, names: BridgeNames): PrivacyConsoleBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of names.channels) {
    bridge[name] = (input?: unknown) => transport.invoke(name, input);
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!names.events.includes(event)) throw new Error(`unknown event: ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return bridge as PrivacyConsoleBridge;
}

/**
 * Errors cross the bridge as this shape, so the UI can act on the code and say what went wrong in the
 * user's language (`problem`, `params`); `message` is English, for the log and the developer.
 */
export interface BridgeError {
  code: 'invalid_input' | 'not_found' | 'forbidden' | 'unavailable' | 'not_connected' | 'internal';
  message: string;
  problem?: ProblemCode;
  params?: ProblemParams;
  /** For invalid input: what is wrong with which field, so a form can show it in place. */
  issues?: Problem[];
}

/** What main answers on either bridge: a value, or an error the UI can show. Never a stack trace. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: BridgeError };

/** A failed bridge call, as the renderer receives it. */
export class BridgeCallError extends Error {
  readonly code: BridgeError['code'];
  readonly problem: ProblemCode | null;
  readonly params: ProblemParams;
  readonly issues: Problem[];

  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'BridgeCallError';
    this.code = error.code;
    this.problem = error.problem ?? null;
    this.params = error.params ?? {};
    this.issues = error.issues ?? [];
  }
}

export function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.value;
  throw new BridgeCallError(envelope.error);
}
