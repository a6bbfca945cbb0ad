import {
  type BridgeNames,
  type BridgeTransport,
  buildBridge,
  type Envelope,
  type PrivacyConsoleBridge,
  unwrap,
} from '../../shared/ipc/bridge';
import type { EventName } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the headless shell, where the WebSocket bridge stands in. */
    privacyConsole?: PrivacyConsoleBridge;
  }
}

class SilentConsole extends Error {}

/**
 * The WebSocket transport of the headless shell: same channels, same envelopes as Electron IPC. Ready when the
 * shell's first message named the channels and events.
 */
function webSocketTransport(url: string, onClosed: () => void): Promise<{ transport: BridgeTransport; names: BridgeNames }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
    const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
    let nextId = 1;
    const transport: BridgeTransport = {
      invoke(channel, input) {
        const id = nextId++;
        return new Promise((resolveCall, rejectCall) => {
          calls.set(id, { resolve: resolveCall, reject: rejectCall });
          socket.send(JSON.stringify({ id, channel, input }));
        });
      },
      subscribe(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as
        | ({ id: number } & Envelope)
        | { event: EventName; payload: unknown }
        | { hello: BridgeNames };
      if ('hello' in data) {
        clearTimeout(silent);
        resolve({ transport, names: data.hello });
        return;
      }
      if ('event' in data) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
        return;
      }
      const call = calls.get(data.id);
      calls.delete(data.id);
      try {
        call?.resolve(unwrap(data));
      } catch (error) {
        call?.reject(error);
      }
    });
    // A shell that opens the bridge but never names its channels (an older one still running) is said, not waited for.
    const silent = setTimeout(() => {
      reject(new SilentConsole());
      socket.close();
    }, 15_000);
    socket.addEventListener('error', () => reject(new Error('The console bridge refused the connection.')));
    socket.addEventListener('close', () => {
      for (const call of calls.values()) call.reject(new Error('The connection to the console was lost.'));
      calls.clear();
      onClosed();
    });
  });
}

export async function connectBridge(onClosed: () => void): Promise<PrivacyConsoleBridge> {
  if (window.privacyConsole) return window.privacyConsole;
  // The session is the HttpOnly cookie this browser got for the start address; the page never sees a secret.
  const url = `${window.location.origin.replace(/^http/, 'ws')}/bridge`;
  try {
    const { transport, names } = await webSocketTransport(url, onClosed);
    return buildBridge(transport, names);
  } catch (error) {
    if (error instanceof SilentConsole)
      throw new Error('The console did not answer on its bridge. Restart it and open the address it prints.');
    throw new Error(
      'This page needs the address the console printed at start. That address works once, in the browser that opened it first: restart the console for a new one.',
    );
  }
}
