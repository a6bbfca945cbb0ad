import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { eventNames } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/ipc/csp';
import type { PrivacyConsole } from '../console';

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface HeadlessServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** A request from the page: call `channel` with `input`; the answer comes back under the same `id`. */
interface BridgeRequest {
  id: number;
  channel: string;
  input: unknown;
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The headless shell's window: serves the built renderer on 127.0.0.1 and carries `window.privacyConsole`
 * over a WebSocket. Only a page of this origin presenting the session token may open the bridge.
 */
export async function serveHeadless(
  console_: PrivacyConsole,
  options: { rendererDir: string; port?: number; token?: string },
): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = normalize(options.rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(root, 'index.html')} is missing): run \`npm run build\` first.`);
  }
  let origin = '';

  const serveFile = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html'); // client-side routes
    const headers: Record<string, string> = {
      'content-type': mime[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = contentSecurityPolicy({ connect: [origin.replace('http:', 'ws:')] });
      headers['referrer-policy'] = 'no-referrer';
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  };

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    serveFile(request, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const presented = url.searchParams.get('token') ?? '';
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/bridge') return refuse('404 Not Found');
    if (request.headers.origin !== origin) return refuse('403 Forbidden');
    if (!sameSecret(presented, token)) return refuse('401 Unauthorized');
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  const attach = (ws: WebSocket) => {
    const unsubscribe = eventNames.map((event) =>
      console_.subscribe(event, (payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      }),
    );
    ws.on('message', async (data) => {
      let request: BridgeRequest;
      try {
        request = JSON.parse(String(data)) as BridgeRequest;
        if (typeof request.id !== 'number' || typeof request.channel !== 'string') throw new Error('shape');
      } catch {
        ws.close(1003, 'malformed bridge message');
        return;
      }
      const envelope = await console_.dispatch(request.channel, request.input);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, ...envelope }));
    });
    ws.on('close', () => {
      for (const off of unsubscribe) off();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
