import * as oauth from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAuthorization, type PlatformAuthorization, platformAddress } from '../../electron/auth/discovery';
import { AuthSession, type SecretStore } from '../../electron/auth/session';
import { beginSignIn } from '../../electron/auth/sign-in';
import { PlatformClient } from '../../electron/platform/client';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { formBrowser } from '../support/browser';
import { signInAs } from '../support/sign-in';

let sandbox: Sandbox;
let auth: PlatformAuthorization;

const memorySecret = (): SecretStore & { value: string | null } => {
  const box = {
    value: null as string | null,
    read: () => box.value,
    write: (value: string) => {
      box.value = value;
    },
    clear: () => {
      box.value = null;
    },
  };
  return box;
};

const me = (token: string) => fetch(`${sandbox.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

async function signedIn(staffId: string) {
  const pending = await beginSignIn(auth, { language: 'en' });
  const page = await signInAs(sandbox, pending.url, staffId);
  expect(page.text).toContain('You are signed in');
  return pending.tokens;
}

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', requests: 10, learners: 50, accessTokenTtl: 30 });
  auth = await discoverAuthorization(platformAddress(sandbox.url));
}, 60_000);
afterAll(() => sandbox.close());

describe('signing in with the platform (authorization code, PKCE, loopback redirect)', () => {
  it('finds the authorization server from the platform address alone (RFC 9728, then discovery)', () => {
    expect(auth.config.serverMetadata().issuer).toBe(`${sandbox.url}/oauth`);
    expect(auth.resource).toBe(`${sandbox.url}/v1`);
    expect(auth.config.serverMetadata().code_challenge_methods_supported).toContain('S256');
  });

  it('signs in with password and TOTP; the token carries the scopes the role holds, no more', async () => {
    const officer = await signedIn('stf_vogel');
    const answer = (await (await me(officer.accessToken)).json()) as { staff: { id: string }; scopes: string[] };
    expect(answer.staff.id).toBe('stf_vogel');
    expect(answer.scopes).toContain('dsar:read');
    const lead = await signedIn('stf_krueger');
    const leads = (await (await me(lead.accessToken)).json()) as { scopes: string[] };
    expect(leads.scopes).toContain('breach:write');
    expect(leads.scopes).not.toContain('dsar:read');
    expect((await fetch(`${sandbox.url}/v1/dsars/x`, { headers: { authorization: `Bearer ${lead.accessToken}` } })).status).toBe(403);
  });

  it('refuses a wrong password, a wrong or reused code, and locks the account after five failures', async () => {
    const pending = await beginSignIn(auth, { language: 'de' });
    const wrong = await signInAs(sandbox, pending.url, 'stf_albrecht', { password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('E-Mail oder Passwort stimmt nicht.');
    const badCode = await signInAs(sandbox, pending.url, 'stf_albrecht', { code: '000000' });
    expect(badCode.status).toBe(401);
    // A code good once: the one just used is refused the next time.
    const used = (await sandbox.credentials.usableCode('stf_albrecht')) as string;
    expect((await signInAs(sandbox, pending.url, 'stf_albrecht', { code: used })).text).toContain('Angemeldet');
    await expect(pending.tokens).resolves.toBeTruthy();
    const again = await beginSignIn(auth, { language: 'en' });
    expect((await signInAs(sandbox, again.url, 'stf_albrecht', { code: used })).status).toBe(401);
    for (let i = 0; i < 4; i++) await signInAs(sandbox, again.url, 'stf_albrecht', { password: 'nope' });
    const locked = await signInAs(sandbox, again.url, 'stf_albrecht');
    expect(locked.status).toBe(429);
    again.cancel();
    await expect(again.tokens).rejects.toMatchObject({ code: 'sign-in-cancelled' });
  });

  it('refuses a privileged role without a second factor', async () => {
    sandbox.credentials.setSecondFactor('stf_yildiz', false);
    const pending = await beginSignIn(auth, { language: 'en' });
    const page = await signInAs(sandbox, pending.url, 'stf_yildiz');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Your role needs a second factor');
    // The access reviews see it: the employee record of the person says no MFA now.
    const employee = sandbox.store.all<{ staffId: string | null; mfa: boolean }>('employee').find((e) => e.staffId === 'stf_yildiz');
    expect(employee?.mfa).toBe(false);
    pending.cancel();
    await pending.tokens.catch(() => undefined);
    sandbox.credentials.setSecondFactor('stf_yildiz', true);
  });

  it('checks the PKCE verifier: a code stolen on its way back is worth nothing without it', async () => {
    const redirect = 'http://127.0.0.1:9/callback';
    const verifier = oauth.randomPKCECodeVerifier();
    const state = oauth.randomState();
    const url = oauth.buildAuthorizationUrl(auth.config, {
      redirect_uri: redirect,
      scope: 'openid offline_access dsar:read',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      prompt: 'login',
    });
    const browser = formBrowser();
    const login = await browser.go(url.href);
    const staff = sandbox.store.get<{ email: string }>('staff', 'stf_hartmann');
    const codePage = await browser.go(browser.action(login, '/login'), {
      method: 'POST',
      form: { email: staff?.email ?? '', password: sandbox.credentials.of('stf_hartmann')?.password ?? '' },
    });
    const back = await browser.go(browser.action(codePage, '/code'), {
      method: 'POST',
      form: { code: (await sandbox.credentials.usableCode('stf_hartmann')) ?? '' },
      stopAt: redirect,
    });
    const returned = new URL(back.url);
    expect(returned.searchParams.get('code')).toBeTruthy();
    await expect(
      oauth.authorizationCodeGrant(auth.config, returned, { pkceCodeVerifier: oauth.randomPKCECodeVerifier(), expectedState: state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('checks the state: the real code with another state ends the sign-in', async () => {
    const pending = await beginSignIn(auth, { language: 'en' });
    const outcome = pending.tokens.catch((error: unknown) => error);
    // The person signs in; the platform's redirect carries a good code, and someone swaps the state.
    const back = await signInAs(sandbox, pending.url, 'stf_yildiz', { stopAt: pending.redirectUri });
    const answer = new URL(back.url);
    expect(answer.searchParams.get('code')).toBeTruthy();
    answer.searchParams.set('state', 'not-the-one');
    expect((await fetch(answer)).status).toBe(400);
    const failed = (await outcome) as Error & { code: string };
    expect(failed.code).toBe('sign-in-failed');
    expect(failed.message).toMatch(/state/i);
  });

  it('two people signing in in the same browser both stay signed in (tokens outlive the page session)', async () => {
    const browser = formBrowser();
    const sessions: AuthSession[] = [];
    for (const staffId of ['stf_krueger', 'stf_schmitt']) {
      const pending = await beginSignIn(auth, { language: 'en' });
      const page = await signInAs(sandbox, pending.url, staffId, { browser });
      expect(page.text).toContain('You are signed in');
      const tokens = await pending.tokens;
      sessions.push(AuthSession.start(auth, memorySecret(), { ...tokens, expiresAt: 0, refreshAt: 0 }));
    }
    // Both refresh: the second sign-in ended the browser's session of the first, not the first's tokens.
    for (const session of sessions) expect((await me(await session.token())).status).toBe(200);
  });

  it('refuses a redirect URI that is not the loopback one registered', async () => {
    const url = oauth.buildAuthorizationUrl(auth.config, {
      redirect_uri: 'https://evil.example/callback',
      scope: 'openid',
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      state: oauth.randomState(),
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });
});

describe('the session: refresh, 401, sign-out, expiry', () => {
  it('refreshes before the access token expires, rotating the refresh token, and keeps the new one at once', async () => {
    const secrets = memorySecret();
    const tokens = await signedIn('stf_vogel');
    // A 30 s token is refreshed halfway (a minute early would be at once, on every call).
    expect((tokens.refreshAt ?? 0) - Date.now()).toBeGreaterThan(10_000);
    expect(await AuthSession.start(auth, memorySecret(), tokens).token()).toBe(tokens.accessToken);
    const session = AuthSession.start(auth, secrets, { ...tokens, refreshAt: Date.now() - 1 });
    const first = JSON.parse(secrets.value ?? '{}') as { refreshToken: string; accessToken: string };
    const token = await session.token();
    const second = JSON.parse(secrets.value ?? '{}') as { refreshToken: string; accessToken: string };
    expect(token).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(token)).status).toBe(200);
    // The old refresh token was used once; it does not work again.
    await expect(oauth.refreshTokenGrant(auth.config, first.refreshToken)).rejects.toThrow();
  });

  it('after a 401 the client takes a fresh token once and repeats the call', async () => {
    const secrets = memorySecret();
    // One person per test: a second factor's code is good once, and only the next one is accepted early.
    const tokens = await signedIn('stf_yildiz');
    const session = AuthSession.start(auth, secrets, { ...tokens, expiresAt: Date.now() + 3_600_000, refreshAt: Date.now() + 3_600_000 });
    // The platform forgets the access token (as after its restart with in-memory tokens): the call answers 401.
    sandbox.store.db.prepare("DELETE FROM oidc WHERE model = 'AccessToken' AND id = ?").run(tokens.accessToken);
    const client = new PlatformClient({ baseUrl: sandbox.url, token: session, retries: 0 });
    await expect(client.me()).resolves.toMatchObject({ staff: { id: 'stf_yildiz' } });
  });

  it('signing out revokes the grant: neither the refresh token nor the access token works afterwards', async () => {
    const secrets = memorySecret();
    const tokens = await signedIn('stf_hartmann');
    const session = AuthSession.start(auth, secrets, tokens);
    await session.signOut();
    expect(secrets.value).toBeNull();
    expect(session.signedIn).toBe(false);
    await expect(oauth.refreshTokenGrant(auth.config, tokens.refreshToken)).rejects.toThrow();
    expect((await me(tokens.accessToken)).status).toBe(401);
  });

  it('a refresh under way when the person signs out does not bring the tokens back', async () => {
    const secrets = memorySecret();
    const session = AuthSession.start(auth, secrets, { ...(await signedIn('stf_schmitt')), expiresAt: 0, refreshAt: 0 });
    const refreshing = session.renew();
    await session.signOut();
    expect(await refreshing).toBe(false);
    expect(session.signedIn).toBe(false);
    expect(secrets.value).toBeNull();
  });

  it('an expired refresh token ends the session: the person must sign in again', async () => {
    const short = await startSandbox({ dbPath: ':memory:', requests: 5, learners: 20, refreshTokenTtl: 1 });
    try {
      const shortAuth = await discoverAuthorization(platformAddress(short.url));
      const pending = await beginSignIn(shortAuth, { language: 'en' });
      await signInAs(short, pending.url, 'stf_vogel');
      const tokens = await pending.tokens;
      let ended = '';
      const session = AuthSession.start(
        shortAuth,
        memorySecret(),
        { ...tokens, expiresAt: 0, refreshAt: 0 },
        { signedOut: (why) => (ended = why) },
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await expect(session.token()).rejects.toMatchObject({ code: 'signed-out' });
      expect(session.signedIn).toBe(false);
      expect(ended).toBe('invalid_grant');
      const client = new PlatformClient({ baseUrl: short.url, token: session, retries: 0 });
      await expect(client.me()).rejects.toMatchObject({ status: 401 });
    } finally {
      await short.close();
    }
  });
});
