import * as oauth from 'openid-client';
import { z } from 'zod';
import { ConnectError, type PlatformAuthorization } from './discovery';
import { type Tokens, tokensOf } from './sign-in';

/** Where a secret is kept: sealed by the OS keychain on the desktop, a 0600 file headless. */
export interface SecretStore {
  read(): string | null;
  write(value: string): void;
  clear(): void;
}

const StoredTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number(),
  refreshAt: z.number().optional(),
  scope: z.string(),
});

/** Refresh this long before the access token expires, so no call goes out with one about to lapse. */
const REFRESH_EARLY_MS = 60_000;

/** Gives the platform client a bearer token, and a fresh one after a 401. */
export interface TokenSource {
  token(): Promise<string>;
  /** After a 401: tries once to get another token; false when only signing in again helps. */
  renew(): Promise<boolean>;
}

/**
 * Revokes a refresh token at the platform, which ends its grant (best effort: offline, the token stays valid
 * until it expires, but nothing here holds it any more). Answers whether the platform took the revocation.
 */
export async function revokeRefreshToken(auth: PlatformAuthorization, refreshToken: string): Promise<boolean> {
  return oauth.tokenRevocation(auth.config, refreshToken, { token_type_hint: 'refresh_token' }).then(
    () => true,
    () => false,
  );
}

/** A service account's token (from the environment or a 0600 file): nothing to refresh. */
export const staticToken = (token: string): TokenSource => ({ token: async () => token, renew: async () => false });

/**
 * A person's session with one platform: the access token (short-lived) is refreshed before it expires and once
 * after a 401; each refresh token is used once (the platform rotates them) and the new one is kept at once.
 * An expired or revoked refresh token ends the session: `signedOut` is called and only signing in again helps.
 */
export class AuthSession implements TokenSource {
  private tokens: Tokens | null;
  private refreshing: Promise<boolean> | null = null;
  /** Bumped when the session ends: a refresh that was under way then must not bring the tokens back. */
  private generation = 0;

  constructor(
    private readonly auth: PlatformAuthorization | (() => Promise<PlatformAuthorization>),
    private readonly secrets: SecretStore,
    private readonly events: { signedOut?(reason: string): void } = {},
  ) {
    const stored = secrets.read();
    const parsed = stored ? StoredTokens.safeParse(JSON.parse(stored)) : null;
    this.tokens = parsed?.success ? parsed.data : null;
  }

  static start(auth: PlatformAuthorization, secrets: SecretStore, tokens: Tokens, events?: { signedOut?(reason: string): void }) {
    secrets.write(JSON.stringify(tokens));
    return new AuthSession(auth, secrets, events);
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  get scopes(): string[] {
    return this.tokens?.scope.split(' ').filter(Boolean) ?? [];
  }

  async token(): Promise<string> {
    if (!this.tokens) throw new ConnectError('signed-out', 'Not signed in.');
    if ((this.tokens.refreshAt ?? this.tokens.expiresAt - REFRESH_EARLY_MS) <= Date.now()) await this.renew();
    if (!this.tokens) throw new ConnectError('signed-out', 'The session has ended; sign in again.');
    return this.tokens.accessToken;
  }

  renew(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Revokes the refresh token at the platform (best effort: offline, it lapses on its own) and forgets both.
   * Answers whether the platform revoked it; null when there was no session.
   */
  async signOut(): Promise<boolean | null> {
    const tokens = this.tokens;
    this.end();
    if (!tokens) return null;
    const auth = await this.authorization().catch(() => null);
    return auth ? revokeRefreshToken(auth, tokens.refreshToken) : false;
  }

  private async refresh(): Promise<boolean> {
    const current = this.tokens;
    const generation = this.generation;
    if (!current) return false;
    let auth: PlatformAuthorization;
    try {
      auth = await this.authorization();
    } catch {
      return false;
    }
    try {
      const answer = await oauth.refreshTokenGrant(auth.config, current.refreshToken, { resource: auth.resource });
      if (generation !== this.generation) {
        // Signed out while this refresh ran: the rotated token is not kept, so it is revoked too.
        if (answer.refresh_token) void revokeRefreshToken(auth, answer.refresh_token);
        return false;
      }
      const fresh = tokensOf(answer, current.refreshToken);
      // An answer may leave the scope out when it did not change (RFC 6749 §5.1).
      this.tokens = { ...fresh, scope: fresh.scope || current.scope };
      this.secrets.write(JSON.stringify(this.tokens));
      return true;
    } catch (error) {
      // The platform's "no" (invalid_grant: expired, revoked, reused) ends the session; a network failure not.
      if (error instanceof oauth.ResponseBodyError && generation === this.generation) {
        this.end();
        this.events.signedOut?.(error.error);
      }
      return false;
    }
  }

  private cachedAuth: PlatformAuthorization | null = null;
  private async authorization(): Promise<PlatformAuthorization> {
    if (typeof this.auth !== 'function') return this.auth;
    this.cachedAuth ??= await this.auth();
    return this.cachedAuth;
  }

  private end() {
    this.generation++;
    this.tokens = null;
    this.secrets.clear();
  }
}
