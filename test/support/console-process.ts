import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Envelope } from '../../shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';

const root = join(import.meta.dirname, '../..');

/**
 * The headless shell as a separate OS process (what `npm run start:web` runs), so tests can kill it for real.
 * Reports its URL once it is serving.
 */
export async function spawnConsole(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/headless/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /CONSOLE_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

/** A bridge client as the page would open it: same origin, session token. */
export async function bridgeClient(consoleUrl: string, options: { origin?: string; token?: string } = {}) {
  const url = new URL(consoleUrl);
  const token = options.token ?? url.searchParams.get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}/bridge?token=${encodeURIComponent(token)}`, { origin: options.origin ?? url.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
  });
  let nextId = 1;
  const waiting = new Map<number, (envelope: Envelope) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number } & Envelope;
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return {
    async call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> {
      const id = nextId++;
      const envelope = await new Promise<Envelope>((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, input }));
      });
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
      return envelope.value as ChannelOutput<K>;
    },
    close: () => socket.close(),
  };
}
