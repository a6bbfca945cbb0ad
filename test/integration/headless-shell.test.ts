import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameSecret } from '../../electron/headless/server';
import { bridgeNames } from '../../shared/ipc/contract';
import { bridgeClient, spawnConsole } from '../support/console-process';
import { spawnPlatform } from '../support/platform-process';
import { TEST_KEY, tempDir } from '../support/temp';
import { until } from '../support/until';

const dir = tempDir();
let platform: Awaited<ReturnType<typeof spawnPlatform>>;
let shell: Awaited<ReturnType<typeof spawnConsole>>;
/** The session the first browser got for the printed address. */
let session = '';

beforeAll(async () => {
  platform = await spawnPlatform(`${dir.path}/platform.sqlite`);
  shell = await spawnConsole(['--data-dir', `${dir.path}/console`, '--platform', platform.url], {
    PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY,
    PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.token,
  });
}, 60_000);
afterAll(async () => {
  shell.child.kill('SIGTERM');
  await shell.exited;
  await platform.stop();
  dir.remove();
});

/** A raw request, with whatever path and Host header a hostile page or tool would send. */
function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(shell.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the headless shell', () => {
  it('compares secrets by digest: any length, any character, no crash', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('ä', 'ab')).toBe(false);
    expect(sameSecret('', 'x'.repeat(32))).toBe(false);
  });

  it('exchanges the printed address once for an HttpOnly, SameSite=Strict cookie and takes the token out of the address', async () => {
    const first = await fetch(shell.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/^pc_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    session = /pc_session=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '';
    // The same address in a second browser gets nothing …
    const second = await fetch(shell.url, { redirect: 'manual' });
    expect(second.status).toBe(401);
    expect(second.headers.get('set-cookie')).toBeNull();
    expect(await second.text()).toContain('works once');
    // … while the first browser, reloading it, is sent on without the token.
    const again = await fetch(shell.url, { redirect: 'manual', headers: { cookie: `pc_session=${session}` } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/');
    // Back to this server only: a path that starts with // is not another site.
    const host = new URL(shell.url).host;
    const rebound = await raw('//evil.example/?token=x', { host, cookie: `pc_session=${session}` });
    expect(rebound.status).toBe(303);
    expect(rebound.headers.location).toBe('/evil.example/');
    // The session opens the bridge.
    const bridge = await bridgeClient(shell.url, { session });
    // Its first sync under way or done (a large platform takes a moment to answer first).
    const state = await until(
      async () => {
        const status = (await bridge.call('sync.status')) as { state: string };
        return status.state === 'starting' ? null : status.state;
      },
      'the first sync',
      30_000,
    );
    expect(state).toMatch(/online|syncing|offline/);
    bridge.close();
  });

  it('refuses the bridge without the session, with a wrong one, and to a foreign origin', async () => {
    await expect(bridgeClient(shell.url, { session: null })).rejects.toThrow(/401/);
    await expect(bridgeClient(shell.url, { session: 'guessed-session' })).rejects.toThrow(/401/);
    await expect(bridgeClient(shell.url, { session: 'élève' })).rejects.toThrow(/401/);
    await expect(bridgeClient(shell.url, { session, origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    const host = new URL(shell.url).host;
    expect((await raw('/%', { host })).status).toBe(400);
    expect((await raw('/%E0%A4%A', { host })).status).toBe(400);
    // A start token that is not one is refused like a wrong one.
    expect((await raw('/?token=%', { host })).status).toBe(401);
    expect((await raw('/', { host })).status).toBe(200);
  });

  it('refuses another Host (DNS rebinding) and any method but GET', async () => {
    expect((await raw('/', { host: 'evil.example' })).status).toBe(421);
    expect((await raw('/', { host: `localhost:${new URL(shell.url).port}` })).status).toBe(421);
    expect((await fetch(new URL('/', shell.url), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('serves the page with its CSP, no file outside the renderer, and client routes as the page', async () => {
    const page = await fetch(new URL('/', shell.url));
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await fetch(new URL('/../../package.json', shell.url))).text()).not.toMatch(/privacy-console/);
    expect((await raw('/..%2f..%2fpackage.json', { host: new URL(shell.url).host })).body).not.toMatch(/privacy-console/);
    expect((await fetch(new URL('/settings', shell.url))).headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(new URL('/missing.js', shell.url))).status).toBe(404);
  });

  it("first names the contract's channels and events: the page builds its bridge from them, as the preload does", async () => {
    const bridge = await bridgeClient(shell.url, { session });
    expect(await bridge.hello).toEqual(bridgeNames);
    bridge.close();
  });

  it('refuses a channel that does not exist', async () => {
    const bridge = await bridgeClient(shell.url, { session });
    await expect(bridge.call('fs.read' as 'sync.status')).rejects.toMatchObject({ code: 'invalid_input' });
    bridge.close();
  });
});
