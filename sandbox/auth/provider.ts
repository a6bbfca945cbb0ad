/// <reference path="./oidc-provider.d.ts" />
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, interactionPolicy } from 'oidc-provider';
import { Scope, type Staff, scopesOfRole } from '../../shared/api/common';
import { CONSOLE_CLIENT_ID, OAUTH_PATH } from '../../shared/api/oauth';
import type { PlatformStore } from '../store/store';
import { sqliteAdapter } from './adapter';
import type { Credentials } from './credentials';
import { escapeHtml, interactionRoutes } from './interactions';

export interface AuthorizationServerOptions {
  store: PlatformStore;
  credentials: Credentials;
  /** The platform's origin, e.g. http://127.0.0.1:4000: the issuer is `<origin>/oauth`, the API `<origin>/v1`. */
  origin: string;
  /** The demo platform shows its staff's passwords and current codes on the sign-in page. */
  demo: boolean;
  /** Lifetime of an access token in seconds (10 minutes by default). */
  accessTokenTtl?: number;
  /** Lifetime of a refresh token in seconds (14 days by default; each use gives a new one). */
  refreshTokenTtl?: number;
}

/** What the API needs to know about a bearer token the authorization server issued. */
export interface IssuedToken {
  staffId: string;
  scopes: Scope[];
}

/** A key kept in the platform's store, made once. */
function kept(store: PlatformStore, key: string, make: () => string): string {
  const known = store.meta(key);
  if (known) return known;
  const value = make();
  store.setMeta(key, value);
  return value;
}

const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email'];

/**
 * The platform's authorization server (OAuth 2.0 / OpenID Connect, by oidc-provider) over its staff accounts.
 * The console is a public native client: authorization code with PKCE, loopback redirect on any port (RFC 8252
 * §7.3), refresh tokens that rotate, revocation. A token's scopes are those the request asked for that the
 * person's roles hold; the API checks the roles again on every call.
 */
export function authorizationServer(options: AuthorizationServerOptions) {
  const { store, credentials } = options;
  const issuer = `${options.origin}${OAUTH_PATH}`;
  const resource = `${options.origin}/v1`;
  const Adapter = sqliteAdapter(store.db);
  const jwk = JSON.parse(
    kept(store, 'oidc_signing_jwk', () =>
      JSON.stringify({
        ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
        kid: randomBytes(6).toString('hex'),
        use: 'sig',
      }),
    ),
  );
  const cookieKey = kept(store, 'oidc_cookie_key', () => randomBytes(32).toString('base64url'));
  const staffOf = (id: string) => store.get<Staff>('staff', id);
  const allowed = (staff: Staff) => new Set(staff.roles.flatMap((role) => scopesOfRole[role]));

  const policy = interactionPolicy.base();
  // The console is the platform's own client: there is nothing to consent to; the grant is what the roles hold.
  policy.remove('consent');

  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: 'Privacy Console',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [cookieKey], long: { signed: true }, short: { signed: true } },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    scopes: OIDC_SCOPES,
    async findAccount(_ctx: unknown, id: string) {
      const staff = staffOf(id);
      if (!staff?.active) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: staff.name, email: staff.email }) };
    },
    async loadExistingGrant(ctx: ProviderContext) {
      const accountId = ctx.oidc.session.accountId;
      const staff = accountId ? staffOf(accountId) : null;
      if (!staff?.active) return undefined;
      const requested = String(ctx.oidc.params.scope ?? '').split(' ');
      const grant = new ctx.oidc.provider.Grant({ accountId: staff.id, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope(requested.filter((s) => OIDC_SCOPES.includes(s)).join(' '));
      const held = allowed(staff);
      grant.addResourceScope(resource, requested.filter((s) => held.has(s as Scope)).join(' '));
      await grant.save();
      return grant;
    },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `${OAUTH_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // A token is revoked only by the client it was issued to (the console: sign-out).
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: Scope.options.join(' '),
            audience: resource,
            accessTokenFormat: 'opaque',
            accessTokenTTL: options.accessTokenTtl ?? 600,
          };
        },
      },
    },
    pkce: { required: () => true },
    // OpenID Connect keeps offline_access for prompt=consent; the console is the platform's own client, and its
    // refresh token is what keeps a person signed in across restarts.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // The console's tokens are not bound to the browser's session at the sign-in page: it may end (after 8 hours,
    // or when someone else signs in in the same browser) and the console stays signed in until its refresh token
    // expires or is revoked.
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      AuthorizationCode: 60,
      Interaction: 900,
      Session: 8 * 3600,
      Grant: options.refreshTokenTtl ?? 14 * 86_400,
      RefreshToken: options.refreshTokenTtl ?? 14 * 86_400,
      IdToken: 3600,
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><title>Sign-in error</title><main style="font-family:system-ui;max-width:36rem;margin:4rem auto"><h1>Sign-in failed / Anmeldung fehlgeschlagen</h1><p><code>${escapeHtml(out.error ?? '')}</code></p><p>${escapeHtml(out.error_description ?? '')}</p></main>`;
    },
  });
  // Loopback without TLS is for the sandbox only; a real platform's issuer is https.
  provider.proxy = false;

  const oidc = provider.callback();
  const interactions = interactionRoutes({ provider, credentials, store, demo: options.demo });

  return {
    issuer,
    resource,
    /** Serves everything under /oauth: the sign-in pages, then the provider's own endpoints. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      if (await interactions(req, res)) return;
      const original = req.url ?? '/';
      req.url = original.slice(OAUTH_PATH.length) || '/';
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      oidc(req, res);
    },
    /** A bearer token the server issued for this API, still valid; null otherwise. */
    tokenFor(value: string): IssuedToken | null {
      const token = Adapter.accessToken(value);
      if (!token || token.aud !== resource || typeof token.accountId !== 'string') return null;
      if (typeof token.exp === 'number' && token.exp * 1000 <= Date.now()) return null;
      return {
        staffId: token.accountId,
        scopes: String(token.scope ?? '')
          .split(' ')
          .filter((s): s is Scope => Scope.safeParse(s).success),
      };
    },
  };
}
export type AuthorizationServer = ReturnType<typeof authorizationServer>;

/** The part of oidc-provider's context the grant loader reads. */
interface ProviderContext {
  oidc: {
    session: { accountId?: string };
    params: Record<string, unknown>;
    client: { clientId: string };
    provider: Provider;
  };
}
