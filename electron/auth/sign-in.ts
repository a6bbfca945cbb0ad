import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'openid-client';
import { LOOPBACK_CALLBACK_PATH } from '../../shared/api/oauth';
import { ConnectError, type PlatformAuthorization } from './discovery';

/** What a sign-in brings back: the tokens, with when the access token expires. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** When to refresh it (epoch ms): a minute early, or halfway for a token that lives less than two. */
  refreshAt?: number;
  scope: string;
}

export interface PendingSignIn {
  /** The platform's sign-in page, for the system browser. */
  url: string;
  redirectUri: string;
  /** Settles when the browser comes back (or the sign-in fails, is cancelled or times out). */
  tokens: Promise<Tokens>;
  cancel(): void;
}

const done = {
  en: ['Signed in', 'You are signed in. Return to Privacy Console; you can close this tab.'],
  de: ['Angemeldet', 'Sie sind angemeldet. Kehren Sie zu Privacy Console zurück; dieser Tab kann geschlossen werden.'],
  failedEn: ['Sign-in failed', 'Return to Privacy Console and try again.'],
  failedDe: ['Anmeldung fehlgeschlagen', 'Kehren Sie zu Privacy Console zurück und versuchen Sie es erneut.'],
};

const pageOf = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><main style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>${title}</h1><p>${text}</p></main>`;

export function tokensOf(answer: oauth.TokenEndpointResponse, previousRefresh?: string): Tokens {
  if (!answer.refresh_token && !previousRefresh)
    throw new ConnectError('sign-in-failed', 'The platform gave no refresh token (scope offline_access).');
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? (previousRefresh as string),
    expiresAt: Date.now() + (answer.expires_in ?? 300) * 1000,
    refreshAt: Date.now() + (answer.expires_in ?? 300) * 1000 - Math.min(60_000, ((answer.expires_in ?? 300) * 1000) / 2),
    scope: answer.scope ?? '',
  };
}

/**
 * OAuth 2.0 for native apps (RFC 8252): authorization code with PKCE (S256) and state, the code coming back to
 * a one-time loopback listener on 127.0.0.1 (a port the system picks). The caller opens `url` in the system
 * browser. `prompt=login` makes the platform ask who signs in, even if its browser session knows someone.
 */
export async function beginSignIn(
  auth: PlatformAuthorization,
  options: { language: 'de' | 'en'; timeoutMs?: number },
): Promise<PendingSignIn> {
  const verifier = oauth.randomPKCECodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const state = oauth.randomState();
  let settle: { resolve(tokens: Tokens): void; reject(error: Error): void } | null = null;
  const tokens = new Promise<Tokens>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${LOOPBACK_CALLBACK_PATH}`;
  const finish = (error: Error | null, result?: Tokens) => {
    const pending = settle;
    settle = null;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    if (!pending) return;
    if (error) pending.reject(error);
    else pending.resolve(result as Tokens);
  };
  const timer = setTimeout(
    () => finish(new ConnectError('sign-in-cancelled', 'The sign-in was not finished in time; start it again.')),
    options.timeoutMs ?? 10 * 60_000,
  );
  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', redirectUri);
    if (req.method !== 'GET' || url.pathname !== LOOPBACK_CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const [title, text] = options.language === 'de' ? done.de : done.en;
    const [failedTitle, failedText] = options.language === 'de' ? done.failedDe : done.failedEn;
    const html = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    if (url.searchParams.get('error') === 'access_denied') {
      html(200, pageOf(failedTitle, failedText));
      finish(new ConnectError('sign-in-cancelled', 'The sign-in was cancelled on the platform\u2019s page.'));
      return;
    }
    try {
      const answer = await oauth.authorizationCodeGrant(
        auth.config,
        url,
        { pkceCodeVerifier: verifier, expectedState: state },
        { resource: auth.resource },
      );
      const result = tokensOf(answer);
      html(200, pageOf(title, text));
      finish(null, result);
    } catch (error) {
      html(400, pageOf(failedTitle, failedText));
      // openid-client says "invalid response encountered"; what was invalid (the state, the issuer) is its cause.
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const detail = error instanceof Error ? `${error.message}${cause}` : String(error);
      finish(new ConnectError('sign-in-failed', `The platform refused the sign-in (${detail}).`));
    }
  });
  const url = oauth.buildAuthorizationUrl(auth.config, {
    redirect_uri: redirectUri,
    scope: ['openid', 'offline_access', ...auth.scopes].join(' '),
    resource: auth.resource,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    prompt: 'login',
    ui_locales: options.language,
  });
  return {
    url: url.href,
    redirectUri,
    tokens,
    cancel: () => finish(new ConnectError('sign-in-cancelled', 'The sign-in was cancelled.')),
  };
}
