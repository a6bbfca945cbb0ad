import { z } from 'zod';
import type { Scope } from './common';

/** Where a platform's authorization server lives, below the platform's origin. */
export const OAUTH_PATH = '/oauth';
/** The console's client id at every platform: a public native client (RFC 8252), PKCE, loopback redirect. */
export const CONSOLE_CLIENT_ID = 'privacy-console';
/** The loopback path the authorization code comes back to (on a port the console picks per sign-in). */
export const LOOPBACK_CALLBACK_PATH = '/callback';

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) of the admin API (resource `<platform>/v1`), served at
 * `<origin>/.well-known/oauth-protected-resource<path>/v1`: how a console that knows only the platform's address
 * finds its authorization server and the scopes of the API.
 */
export const ProtectedResourceMetadata = z.looseObject({
  resource: z.url(),
  authorization_servers: z.array(z.url()).min(1),
  scopes_supported: z.array(z.string()),
  bearer_methods_supported: z.array(z.string()).optional(),
});
export type ProtectedResourceMetadata = z.infer<typeof ProtectedResourceMetadata>;

/** What each admin API scope allows, as the sign-in and the OpenAPI document describe it. */
export const scopeDescriptions: Record<Scope, string> = {
  'dsar:read': 'Read data-subject requests',
  'dsar:write': 'Triage, answer and fulfil data-subject requests',
  'staff:read': 'Read the privacy team',
  'processor:read': 'Read processors and records of processing',
  'processor:write': 'Change processors and records of processing',
  'breach:read': 'Read breach incidents',
  'breach:write': 'Log and assess breach incidents',
  'breach:decide': 'Decide on notifying the authority and the people affected',
  'policy:read': 'Read policy versions and campaigns',
  'policy:write': 'Draft policy versions and plan campaigns',
  'policy:approve': 'Approve and publish policy versions',
  'access:read': 'Read staff access and reviews',
  'access:review': 'Decide grants in access reviews',
  'access:write': 'Run access reviews and revoke grants',
};
