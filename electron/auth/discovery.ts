import * as oauth from 'openid-client';
import { CONSOLE_CLIENT_ID, ProtectedResourceMetadata } from '../../shared/api/oauth';

/** Why connecting to a platform failed, in words for the person who typed its address. */
export class ConnectError extends Error {
  constructor(
    readonly code:
      | 'invalid-url'
      | 'insecure-url'
      | 'unreachable'
      | 'not-a-platform'
      | 'sign-in-failed'
      | 'sign-in-cancelled'
      | 'signed-out',
    message: string,
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
export const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname);

/**
 * A platform's address as typed, made canonical (origin and path, no trailing slash). Only https, except on this
 * machine's loopback (the demo and a local sandbox): tokens and personal data never travel in clear.
 */
export function platformAddress(typed: string): URL {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new ConnectError('invalid-url', `"${typed}" is not an address (e.g. https://platform.example.org).`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ConnectError(
      'insecure-url',
      `${url.origin} is not https: only https addresses are allowed (plain http only on this machine).`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConnectError('invalid-url', 'The address may not carry a user, a query or a fragment.');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

export interface PlatformAuthorization {
  platform: URL;
  /** The admin API as the resource tokens are asked for (RFC 8707). */
  resource: string;
  scopes: string[];
  config: oauth.Configuration;
}

/**
 * Finds the platform's authorization server from its protected-resource metadata (RFC 9728), then that server's
 * metadata (OpenID Connect discovery); the console is the public client `privacy-console`.
 */
export async function discoverAuthorization(platform: URL, options: { timeoutMs?: number } = {}): Promise<PlatformAuthorization> {
  const timeout = options.timeoutMs ?? 10_000;
  // The admin API is the resource; its metadata sits below the origin's well-known path (RFC 9728 §3.1).
  const resource = `${platform.href.replace(/\/+$/, '')}/v1`;
  let metadata: ProtectedResourceMetadata;
  try {
    const response = await fetch(`${platform.origin}/.well-known/oauth-protected-resource${new URL(resource).pathname}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeout),
    });
    if (!response.ok)
      throw new ConnectError(
        'not-a-platform',
        `${platform.origin} answered ${response.status}: it does not offer the admin API's sign-in.`,
      );
    const parsed = ProtectedResourceMetadata.safeParse(await response.json());
    if (!parsed.success)
      throw new ConnectError('not-a-platform', `${platform.origin} does not describe its sign-in as the admin API requires (RFC 9728).`);
    metadata = parsed.data;
    // Metadata that names another resource is not this platform's (RFC 9728 §3.3): its sign-in would give
    // tokens for somewhere else, or give this address tokens meant for another platform.
    if (metadata.resource !== resource) {
      throw new ConnectError('not-a-platform', `${platform.origin} describes the resource ${metadata.resource}, not ${resource}.`);
    }
  } catch (error) {
    if (error instanceof ConnectError) throw error;
    throw new ConnectError(
      'unreachable',
      `${platform.origin} cannot be reached (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const issuer = platformAddress(metadata.authorization_servers[0]);
  try {
    const config = await oauth.discovery(issuer, CONSOLE_CLIENT_ID, undefined, oauth.None(), {
      timeout: timeout / 1000,
      ...(issuer.protocol === 'http:' ? { execute: [oauth.allowInsecureRequests] } : {}),
    });
    return { platform, resource, scopes: metadata.scopes_supported, config };
  } catch (error) {
    throw new ConnectError(
      'not-a-platform',
      `The platform's authorization server ${issuer.origin} cannot be used (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}
