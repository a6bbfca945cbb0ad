import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from '../../sandbox/seed/random';

/** What can go wrong between the console and the platform. */
export const networkFaults = ['latency', 'reset', 'truncated', 'drop', '429', '503', '401'] as const;
export type NetworkFault = (typeof networkFaults)[number];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const read = (stream: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/**
 * An HTTP proxy in front of the platform that, per request and by a seeded roll, delays it, cuts the answer
 * mid-body, answers truncated JSON, loses the answer after the platform applied the request, or answers 429
 * (with Retry-After), 503 or 401 without passing it on. `rate` is the share of requests hit.
 */
export async function faultProxy(target: string, random: Random, options: { rate: number; only?: readonly NetworkFault[] }) {
  const kinds = options.only ?? networkFaults;
  const upstream = new URL(target);
  let rate = options.rate;
  const injected: Record<NetworkFault, number> = { latency: 0, reset: 0, truncated: 0, drop: 0, '429': 0, '503': 0, '401': 0 };

  const pass = (incoming: IncomingMessage, body: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const out = forward(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: upstream.host },
        },
        async (answer) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: await read(answer) }),
      );
      out.on('error', reject);
      out.end(body);
    });

  const problem = (response: ServerResponse, status: number, extra: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/problem+json', ...extra });
    response.end(JSON.stringify({ type: 'about:blank', title: `injected ${status}`, status }));
  };

  const server = createServer(async (incoming, response) => {
    const body = await read(incoming);
    const fault: NetworkFault | null = random.next() < rate ? random.pick(kinds) : null;
    try {
      if (fault) injected[fault]++;
      switch (fault) {
        case '429':
          return problem(response, 429, { 'retry-after': '1' });
        case '503':
          return problem(response, 503);
        case '401':
          return problem(response, 401);
        case 'latency':
          await new Promise((resolve) => setTimeout(resolve, random.int(20, 250)));
          break;
        default:
          break;
      }
      const answer = await pass(incoming, body);
      if (fault === 'drop') {
        // The platform applied it; the answer never arrives.
        response.socket?.destroy();
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      if (fault === 'reset') {
        // Headers and half the body, then the connection breaks.
        response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        setTimeout(() => response.socket?.destroy(), 5);
        return;
      }
      if (fault === 'truncated') {
        // A well-formed HTTP answer whose JSON stops in the middle.
        const cut = answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2)));
        response.writeHead(answer.status, { ...headers, 'content-length': String(cut.length) });
        response.end(cut);
        return;
      }
      response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      response.end(answer.body);
    } catch {
      response.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    injected,
    /** Faults stop (or start again): the run ends on a network that works. */
    setRate(next: number) {
      rate = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
