import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { BridgeNames, Envelope } from '../../shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import { TEST_KEY, tempDir } from './temp';

const root = join(import.meta.dirname, '../..');

/**
 * The headless shell as a separate OS process (what `npm run start:web` runs), so tests can kill it for real.
 * Reports its URL once it is serving.
 */
export async function spawnConsole(args: string[], env: NodeJS.ProcessEnv = {}, options: { bundled?: boolean } = {}) {
  // Bundled: as `npm run start:web` starts it (dist-headless/main.js, after its build); else from the source.
  const entry = options.bundled ? [join(root, 'dist-headless/main.js')] : ['--import', 'tsx', join(root, 'electron/headless/main.ts')];
  const child: ChildProcess = spawn(process.execPath, [...entry, ...args], {
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

/** A headless console of its own signed in as a member of staff of the platform by name, removed with its data on close. */
export async function consoleAs(platform: { url: string; tokenOf(name: string): string }, name: string) {
  const dir = tempDir('pc-e2e-as-');
  const shell = await spawnConsole(
    ['--data-dir', dir.path, '--platform', platform.url, '--poll-ms', '1000'],
    { PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY, PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.tokenOf(name) },
    { bundled: true },
  );
  return {
    url: shell.url,
    output: shell.output,
    close: async () => {
      shell.child.kill('SIGTERM');
      await shell.exited;
      dir.remove();
    },
  };
}

const sessions = new Map<string, string>();

/**
 * What a browser does with the printed address: exchanges its one-time token for the session cookie (once per
 * address; later calls in the same test reuse it, as the same browser would).
 */
export async function sessionFor(consoleUrl: string): Promise<string> {
  const known = sessions.get(consoleUrl);
  if (known) return known;
  const response = await fetch(consoleUrl, { redirect: 'manual' });
  const cookie = /pc_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 303 || !cookie) throw new Error(`no session for ${consoleUrl}: ${response.status}`);
  sessions.set(consoleUrl, cookie);
  return cookie;
}

/** A bridge client as the page would open it: same origin, with the session cookie of the start address. */
export async function bridgeClient(consoleUrl: string, options: { origin?: string; session?: string | null } = {}) {
  const url = new URL(consoleUrl);
  const session = options.session === undefined ? await sessionFor(consoleUrl) : options.session;
  const socket = new WebSocket(`ws://${url.host}/bridge`, {
    origin: options.origin ?? url.origin,
    headers: session === null ? {} : { cookie: `pc_session=${session}` },
  });
  let nextId = 1;
  const waiting = new Map<number, (envelope: Envelope) => void>();
  let named: (names: BridgeNames) => void = () => undefined;
  let unnamed: (error: Error) => void = () => undefined;
  const hello = new Promise<BridgeNames>((resolve, reject) => {
    named = resolve;
    unnamed = reject;
  });
  hello.catch(() => undefined);
  // Listening before the socket is open: the shell's first message may come in the same packet as the upgrade.
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ({ id?: number } & Envelope) | { hello: BridgeNames };
    if ('hello' in message) named(message.hello);
    else if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
  });
  // A console that dies (a test kills it) answers nothing more: every open call fails.
  const lost: Envelope = { ok: false, error: { code: 'unavailable', message: 'the console closed the bridge' } };
  socket.on('close', () => {
    unnamed(new Error('the bridge closed before the shell named its channels'));
    for (const answer of waiting.values()) answer(lost);
    waiting.clear();
  });
  return {
    /** The names the shell sends first, which the page builds its bridge from. */
    hello,
    async call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> {
      const id = nextId++;
      const envelope = await new Promise<Envelope>((resolve) => {
        if (socket.readyState !== socket.OPEN) return resolve(lost);
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, input }));
      });
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
      return envelope.value as ChannelOutput<K>;
    },
    close: () => socket.close(),
  };
}
