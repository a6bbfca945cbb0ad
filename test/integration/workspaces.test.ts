import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../electron/audit/trail';
import { fileSecret } from '../../electron/auth/file-secret';
import { openStores } from '../../electron/cache/stores';
import { startConsole } from '../../electron/console';
import { WorkspaceHost } from '../../electron/workspaces/host';
import { workspaceDir } from '../../electron/workspaces/known';
import { AuditQuery, type ConnectionState } from '../../shared/ipc/contract';
import { formBrowser } from '../support/browser';
import { testPlatform } from '../support/platform';
import { signInAs } from '../support/sign-in';
import { TEST_KEY, tempDir } from '../support/temp';
import { until } from '../support/until';

const dir = tempDir('pc-workspaces-');
let platform: Awaited<ReturnType<typeof testPlatform>>;
const hosts: WorkspaceHost[] = [];

beforeAll(async () => {
  platform = await testPlatform(dir.path, 40);
}, 60_000);
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

function newHost(root: string, options: { undoMs?: number } = {}) {
  const host = new WorkspaceHost({
    root,
    cacheKey: () => TEST_KEY,
    secrets: (d) => fileSecret(join(d, 'session.json')),
    console: { sync: { pollMs: 200 }, undoMs: options.undoMs ?? 0 },
  });
  hosts.push(host);
  return host;
}

async function call<T>(host: WorkspaceHost, channel: string, input?: unknown): Promise<T> {
  const envelope = await host.dispatch(channel, input);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}

/** Starts a sign-in from the connection screen, completes it in the "browser" as `staffId`, waits for the workspace. */
async function signIn(host: WorkspaceHost, staffId: string) {
  const started = await call<ConnectionState>(host, 'connection.signIn', { platformUrl: platform.url, language: 'en' });
  expect(started.signingIn?.url).toMatch(/\/oauth\/auth\?/);
  await signInAs(platform.sandbox, started.signingIn?.url ?? '', staffId);
  const name = platform.sandbox.store.get<{ name: string }>('staff', staffId)?.name;
  return until(() => {
    const state = host.state();
    return state.current?.staffName === name && state.current?.signedIn ? state : null;
  }, `signed in as ${staffId}`);
}

/** The session entries of a workspace's audit trail, newest first (read from its store with the console closed). */
function sessionsIn(wsDir: string) {
  const stores = openStores(wsDir, TEST_KEY);
  try {
    return auditTrail(stores.pending, () => null).page(
      AuditQuery.parse({ kinds: ['sign-in', 'sign-out', 'session-ended'] }),
      'Europe/Berlin',
    ).entries;
  } finally {
    stores.close();
  }
}

describe('workspaces: sign in, keep them apart, switch, sign out', () => {
  it('with no workspace, only the connection channels answer; signing in opens the workspace in a directory of its own', async () => {
    const root = join(dir.path, 'one');
    const host = newHost(root);
    await host.start();
    expect(host.state().current).toBeNull();
    await expect(call(host, 'dsar.list', { limit: 5 })).rejects.toMatchObject({ code: 'not_connected' });
    const state = await signIn(host, 'stf_vogel');
    expect(state.current).toMatchObject({ staffName: 'Dr. Katrin Vogel', platformUrl: platform.url, signedIn: true });
    expect(state.current?.scopes).toContain('dsar:write');
    const wsDir = workspaceDir(root, state.current?.id ?? '');
    expect(existsSync(join(wsDir, 'session.json'))).toBe(true);
    expect(statSync(join(wsDir, 'session.json')).mode & 0o777).toBe(0o600);
    await until(async () => (await call<{ state: string }>(host, 'sync.status')).state === 'online', 'first sync');
    expect((await call<{ rows: unknown[] }>(host, 'dsar.list', { limit: 5 })).rows.length).toBe(5);

    // The next start opens the same workspace by itself, signed in with the kept refresh token.
    await host.close();
    const again = newHost(root);
    await again.start();
    expect(again.state().current).toMatchObject({ id: state.current?.id, signedIn: true });
    await until(async () => (await call<{ state: string }>(again, 'sync.status')).state === 'online', 'sync after restart');

    // Signing out revokes the session and shows the connection screen; the workspace stays known.
    const out = await call<ConnectionState>(again, 'connection.signOut');
    expect(out.current).toBeNull();
    expect(out.workspaces.map((w) => w.id)).toEqual([state.current?.id]);
    expect(existsSync(join(wsDir, 'session.json'))).toBe(false);

    // The workspace's audit trail has the sign-in with its scopes and the sign-out the platform confirmed.
    await again.close();
    const trail = sessionsIn(wsDir);
    expect(trail.map((entry) => [entry.kind, entry.actor])).toEqual([
      ['sign-out', 'stf_vogel'],
      ['sign-in', 'stf_vogel'],
    ]);
    expect(trail[0].answer).toEqual({ revoked: true });
    expect(trail[1].detail.scopes).toContain('dsar:write');
  });

  it('a session the platform ended (its refresh token refused) is in the trail, and the workspace asks to sign in again', async () => {
    const root = join(dir.path, 'ended');
    const host = newHost(root);
    await host.start();
    // Each code is good once: a person of their own, so the other tests' sign-ins find codes left.
    const state = await signIn(host, 'stf_yildiz');
    await host.close();
    const wsDir = workspaceDir(root, state.current?.id ?? '');
    const session = JSON.parse(readFileSync(join(wsDir, 'session.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(wsDir, 'session.json'),
      JSON.stringify({ ...session, refreshToken: 'revoked-long-ago', expiresAt: 0, refreshAt: 0 }),
      {
        mode: 0o600,
      },
    );
    const again = newHost(root);
    await again.start();
    await until(() => again.state().current?.signedIn === false, 'the session ended');
    await again.close();
    expect(sessionsIn(wsDir).map((entry) => [entry.kind, entry.answer])).toEqual([
      ['session-ended', { message: 'invalid_grant' }],
      ['sign-in', null],
    ]);
  });

  it('a workspace that cannot be opened shows the connection screen with the reason, and is not opened by itself again', async () => {
    const root = join(dir.path, 'broken');
    const host = newHost(root);
    await host.start();
    const state = await signIn(host, 'stf_hartmann');
    await host.close();
    // Its kept session became readable by others: the console refuses to use it.
    const session = join(workspaceDir(root, state.current?.id ?? ''), 'session.json');
    chmodSync(session, 0o644);
    const again = newHost(root);
    await again.start();
    expect(again.state().current).toBeNull();
    expect(again.state().error).toMatchObject({ code: 'open-failed', message: expect.stringContaining('chmod 600') });
    const third = newHost(root);
    await third.start();
    expect(third.state()).toMatchObject({ current: null, error: null });
    expect(third.state().workspaces).toHaveLength(1);
  });

  it('writes queued in one workspace stay there when another is opened, and go out as their author later', async () => {
    const host = newHost(join(dir.path, 'two'), { undoMs: 60_000 });
    await host.start();
    const vogel = await signIn(host, 'stf_vogel');
    await until(async () => (await call<{ state: string }>(host, 'sync.status')).state === 'online', 'first sync');
    const rows = (await call<{ rows: { id: string; assigneeId: string | null }[] }>(host, 'dsar.list', { limit: 200 })).rows;
    // Taking a colleague's request is held for undo (a minute here): the write waits in Vogel's outbox.
    const target = rows.find((r) => r.assigneeId !== null && r.assigneeId !== 'stf_vogel');
    expect(target).toBeTruthy();
    await call(host, 'dsar.assign', { id: target?.id, assigneeId: 'stf_vogel' });
    expect((await call<{ pendingWrites: number }>(host, 'sync.status')).pendingWrites).toBe(1);

    const albrecht = await signIn(host, 'stf_albrecht');
    expect(albrecht.current?.id).not.toBe(vogel.current?.id);
    expect((await call<{ pendingWrites: number }>(host, 'sync.status')).pendingWrites).toBe(0);
    expect(albrecht.workspaces).toHaveLength(2);

    // Back to Vogel's workspace: the write is still there, and it is sent once released, as Vogel.
    await call(host, 'connection.switch', { id: vogel.current?.id });
    expect(host.state().current?.staffName).toBe('Dr. Katrin Vogel');
    expect((await call<{ pendingWrites: number }>(host, 'sync.status')).pendingWrites).toBe(1);
    await call(host, 'writes.release', { entity: 'dsar', id: target?.id });
    await until(async () => (await call<{ pendingWrites: number }>(host, 'sync.status')).pendingWrites === 0, 'write delivered', 15_000);
    const applied = platform.appliedWrites(target?.id);
    expect(applied.at(-1)?.actor).toBe('stf_vogel');
  });

  it('the demo workspace: its sign-in page lists the demo staff and their passwords and shows the code; the session survives a restart', async () => {
    const root = join(dir.path, 'demo');
    const make = () => {
      const host = new WorkspaceHost({
        root,
        cacheKey: () => TEST_KEY,
        secrets: (d) => fileSecret(join(d, 'session.json')),
        demo: { requests: 30, emitEveryMs: 0 },
        console: { sync: { pollMs: 300 } },
      });
      hosts.push(host);
      return host;
    };
    const host = make();
    await host.start();
    const started = await call<ConnectionState>(host, 'connection.signIn', { platformUrl: null, language: 'de' });
    const browser = formBrowser();
    const login = await browser.go(started.signingIn?.url ?? '');
    expect(login.text).toContain('Demo-Plattform: ihr Personal und die Passwörter');
    // One click: the demo's form for Vogel carries her e-mail and password.
    const demoForm =
      /<input type="hidden" name="email" value="k\.vogel@lernwerk-akademie\.de"><input type="hidden" name="password" value="([^"]+)">/.exec(
        login.text,
      );
    expect(demoForm).toBeTruthy();
    const codePage = await browser.go(browser.action(login, '/login'), {
      method: 'POST',
      form: { email: 'k.vogel@lernwerk-akademie.de', password: demoForm?.[1] ?? '' },
    });
    const shown = /name="code" value="(\d{6})"/.exec(codePage.text);
    expect(codePage.text).toContain('Demo-Plattform: Eine Authenticator-App zeigt jetzt den Code');
    const done = await browser.go(browser.action(codePage, '/code'), { method: 'POST', form: { code: shown?.[1] ?? '' } });
    expect(done.text).toContain('Sie sind angemeldet');
    await until(() => host.state().current?.signedIn, 'signed in to the demo');
    expect(host.state().current).toMatchObject({ platformUrl: null, staffName: 'Dr. Katrin Vogel' });
    const online = async (h: WorkspaceHost) =>
      until(async () => (await call<{ state: string }>(h, 'sync.status')).state === 'online', 'online', 20_000);
    await online(host);
    expect((await call<{ demo: boolean }>(host, 'workspace.info')).demo).toBe(true);
    await host.close();

    // Restarted: the demo platform comes back where it was, so the kept refresh token still works.
    const again = make();
    await again.start();
    await online(again);
    expect(again.state().current?.signedIn).toBe(true);
  });

  it('a write queued as one person is refused, not sent, when the same directory is opened as another', async () => {
    const dataDir = join(dir.path, 'service');
    const first = await startConsole({
      dataDir,
      cacheKey: TEST_KEY,
      platform: { url: platform.url, token: platform.sandbox.tokens.stf_vogel },
      undoMs: 60_000,
    });
    await first.firstSync;
    const page = await first.dispatch('dsar.list', { limit: 200 });
    const rows = page.ok ? (page.value as { rows: { id: string; assigneeId: string | null }[] }).rows : [];
    // Taking a colleague's request: held for undo, so it is still queued when this console closes.
    const target = rows.find((r) => r.assigneeId !== null && r.assigneeId !== 'stf_vogel');
    const assigned = await first.dispatch('dsar.assign', { id: target?.id, assigneeId: 'stf_vogel' });
    expect(assigned.ok).toBe(true);
    await first.close();
    const before = platform.appliedWrites(target?.id).length;

    // The service token now belongs to someone else: the write must not go out in their name.
    const second = await startConsole({
      dataDir,
      cacheKey: TEST_KEY,
      platform: { url: platform.url, token: platform.sandbox.tokens.stf_albrecht },
      undoMs: 0,
    });
    try {
      await second.firstSync;
      await second.dispatch('writes.release', { entity: 'dsar', id: target?.id });
      await second.dispatch('sync.now', undefined);
      const conflicts = await until(async () => {
        const answer = await second.dispatch('conflicts.list', undefined);
        const list = answer.ok
          ? (answer.value as { entityId: string; kind: string; problem: string | null; params: Record<string, string> }[])
          : [];
        return list.find((c) => c.entityId === target?.id);
      }, 'the refused write');
      expect(conflicts).toMatchObject({
        kind: 'rejected',
        problem: 'refused-other-identity',
        params: { queuedAs: 'Dr. Katrin Vogel', signedInAs: 'Jonas Albrecht' },
      });
      expect(platform.appliedWrites(target?.id).length).toBe(before);
    } finally {
      await second.close();
    }
  });
});
