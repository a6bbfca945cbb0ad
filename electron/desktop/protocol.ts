import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/ipc/csp';

/**
 * The app is served from its own privileged scheme instead of file://: a real origin (`app://console`) that
 * navigation and every IPC sender are compared with, response headers that apply (the CSP), and no way for
 * the page to read other files of the disk.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://console`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy();

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

/**
 * The origin of a URL, also for a custom scheme (WHATWG URL gives `null` for schemes it does not know):
 * scheme and host, compared exactly.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}

/** Before the app is ready: the scheme is standard (origin, relative URLs) and secure (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The answer for one `app://` URL: a file of the built renderer, with the app's security headers. */
export async function appResponse(rendererDir: string, raw: string): Promise<Response> {
  const root = normalize(rendererDir);
  let url: URL;
  let path: string;
  try {
    url = new URL(raw);
    path = decodeURIComponent(url.pathname);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (originOf(raw) !== APP_ORIGIN) return new Response('Not found', { status: 404 });
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return new Response('Forbidden', { status: 403 });
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = {
    'content-type': mime[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  if (file.endsWith('.html')) {
    headers['content-security-policy'] = APP_CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
}

/** After the app is ready: `app://console/…` answers from the built renderer, nothing else. */
export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
