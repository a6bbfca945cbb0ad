import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { bridgeNames, eventNames } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/ipc/csp';
import type { ConsoleEndpoint } from '../workspaces/host';

export interface HeadlessServer {
  /** The one-time address to open: it carries the start token, which the first browser exchanges for a session. */
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

export const SESSION_COOKIE = 'pc_session';
const BRIDGE_MAX_PAYLOAD = 1024 * 1024;

/** Secrets compared by their digests: equal length always, any characters, constant time. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
export const sameSecret = (presented: string, expected: string) => timingSafeEqual(digest(presented), digest(expected));

function cookieOf(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

const refusalPage = (title: string, text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * The headless shell's window: serves the built renderer on 127.0.0.1 and carries `window.privacyConsole`
 * over a WebSocket. The address printed at start carries a token that works once: the first browser that
 * opens it gets an HttpOnly, SameSite=Strict session cookie and an address without the token; the same
 * address opened anywhere else gets nothing. The bridge opens only for a page of this origin with that
 * session; requests for another host (DNS rebinding) and malformed addresses are refused.
 */
export async function serveHeadless(
  console_: ConsoleEndpoint,
  options: { rendererDir: string; port?: number; token?: string },
): Promise<HeadlessServer> {
  const startToken = options.token ?? randomBytes(24).toString('base64url');
  let tokenUsed = false;
  const sessions = new Set<string>();
  const root = normalize(options.rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(root, 'index.html')} is missing): run \`npm run build\` first.`);
  }
  let origin = '';
  let allowedHosts: string[] = [];

  const app = Fastify({ logger: false, bodyLimit: 1024, return503OnClosing: true });
  await app.register(fastifyWebsocket, { options: { maxPayload: BRIDGE_MAX_PAYLOAD } });

  const hasSession = (request: FastifyRequest) => {
    const id = cookieOf(request, SESSION_COOKIE);
    return id !== null && [...sessions].some((session) => sameSecret(id, session));
  };

  app.addHook('onRequest', async (request, reply) => {
    // Only this address: a page served under another host name (DNS rebinding) gets nothing.
    if (!allowedHosts.includes(request.headers.host ?? '')) return reply.code(421).type('text/plain').send('Misdirected request');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply.code(405).send();
    const presented = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof presented !== 'string') return;
    // The start address: exchanged once for a session, and taken out of the address bar and the history.
    // Back to this server's own path (never `//host`, which a browser reads as another site).
    const clean = `/${request.url
      .replace(/([?&])token=[^&]*&?/, '$1')
      .replace(/[?&]$/, '')
      .replace(/^\/+/, '')}`;
    if (hasSession(request)) return reply.redirect(clean, 303);
    if (tokenUsed || !sameSecret(presented, startToken)) {
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .header('referrer-policy', 'no-referrer')
        .send(
          refusalPage(
            'This address has been used',
            'The address the console printed at start works once, in the browser that opened it first. Restart the console for a new one.',
          ),
        );
    }
    tokenUsed = true;
    const session = randomBytes(32).toString('base64url');
    sessions.add(session);
    return reply
      .header('set-cookie', `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`)
      .header('referrer-policy', 'no-referrer')
      .redirect(clean, 303);
  });

  const headersFor = (reply: FastifyReply, html: boolean) => {
    reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
    if (html) {
      reply
        .header('content-security-policy', contentSecurityPolicy({ connect: [origin.replace('http:', 'ws:')] }))
        .header('referrer-policy', 'no-referrer');
    }
  };

  await app.register(fastifyStatic, {
    root,
    index: false,
    wildcard: true,
    dotfiles: 'deny',
    setHeaders: (response, path) => {
      response.header('x-content-type-options', 'nosniff');
      response.header('cache-control', 'no-store');
      if (path.endsWith('.html')) {
        response.header('content-security-policy', contentSecurityPolicy({ connect: [origin.replace('http:', 'ws:')] }));
        response.header('referrer-policy', 'no-referrer');
      }
    },
  });
  const page = (_: FastifyRequest, reply: FastifyReply) => {
    headersFor(reply, true);
    return reply.sendFile('index.html');
  };
  app.get('/', page);
  // Client-side routes (/requests, /settings …) are the same page.
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || /\.[a-z0-9]+$/i.test(request.url.split('?')[0])) return reply.code(404).send();
    return page(request, reply);
  });

  app.register(async (scope) => {
    scope.get(
      '/bridge',
      {
        websocket: true,
        preValidation: async (request, reply) => {
          if (request.headers.origin !== origin) return reply.code(403).send();
          if (!hasSession(request)) return reply.code(401).send();
        },
      },
      (socket) => attach(socket),
    );
  });

  const attach = (ws: WebSocket) => {
    // First the names the page builds its bridge from (as the preload does from the same list).
    ws.send(JSON.stringify({ hello: bridgeNames }));
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

  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`];
  return {
    origin,
    url: `${origin}/?token=${startToken}`,
    close: async () => {
      for (const client of app.websocketServer?.clients ?? []) client.terminate();
      await app.close();
    },
  };
}
