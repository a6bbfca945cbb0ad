import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Scope, type Staff, scopesOfRole } from '../../shared/api/common';
import type { IssuedToken } from '../auth/provider';
import type { PlatformStore } from '../store/store';
import { ProblemError } from './problems';

export interface Principal {
  staff: Staff;
  scopes: Scope[];
}

export const newToken = () => `pct_${randomBytes(24).toString('base64url')}`;

/**
 * Bearer tokens the platform accepts: service-account tokens it issued itself (each maps to one staff member,
 * whose roles give the scopes), and access tokens of its authorization server (the scopes the person was
 * granted, as far as their roles still hold them).
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, string>();
  /** Looks up an access token of the authorization server; set once it runs. */
  issued: ((token: string) => IssuedToken | null) | null = null;

  constructor(private readonly store: PlatformStore) {}

  issue(staffId: string, token = newToken()): string {
    this.tokens.set(token, staffId);
    return token;
  }

  authenticate(request: FastifyRequest): Principal {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ProblemError(401, 'unauthorized', 'A bearer token is required.');
    const staffId = this.lookup(match[1]);
    const oauth = staffId ? null : (this.issued?.(match[1]) ?? null);
    const staff = (staffId ?? oauth?.staffId) ? this.store.get<Staff>('staff', (staffId ?? oauth?.staffId) as string) : null;
    if (!staff?.active) throw new ProblemError(401, 'unauthorized', 'The token is not valid.');
    const held = [...new Set(staff.roles.flatMap((role) => scopesOfRole[role]))];
    return { staff, scopes: oauth ? held.filter((scope) => oauth.scopes.includes(scope)) : held };
  }

  private lookup(presented: string): string | undefined {
    const given = Buffer.from(presented);
    for (const [token, staffId] of this.tokens) {
      const known = Buffer.from(token);
      if (known.length === given.length && timingSafeEqual(known, given)) return staffId;
    }
    return undefined;
  }
}

export function requireScope(principal: Principal, scope: Scope | null): void {
  if (scope && !principal.scopes.includes(scope)) {
    throw new ProblemError(403, 'forbidden', `This token lacks the scope ${scope}.`);
  }
}
