import { describe, expect, it } from 'vitest';
import { findingsLog } from '../../../electron/access/findings-log';
import { openEncrypted } from '../../../electron/cache/encrypted';
import { migrate } from '../../../electron/cache/migrate';
import { pendingMigrations } from '../../../electron/cache/migrations/pending';
import type { Employee, Grant } from '../../../shared/api/access';
import { type Finding, findings } from '../../../shared/domain/access';
import { aGrant } from '../../support/access';
import { TEST_KEY, tempDir } from '../../support/temp';

const person = (changes: Partial<Employee> = {}): Employee => ({
  id: 'emp_1',
  version: 1,
  updatedAt: '2026-11-01T00:00:00Z',
  name: 'Eva Beispiel',
  email: 'e.beispiel@lernwerk-akademie.de',
  department: 'finance',
  managerId: null,
  staffId: null,
  status: 'active',
  leaveDate: null,
  lastSignInAt: '2026-11-20T00:00:00Z',
  mfa: false,
  owns: [],
  ...changes,
});
const grant = aGrant;

describe('the log of the checks’ findings', () => {
  it('opens a finding when first seen, closes it with how it went, and answers those of a window', () => {
    const dir = tempDir();
    const db = openEncrypted(`${dir.path}/pending.sqlite`, TEST_KEY);
    try {
      migrate(db, pendingMigrations, 'pending');
      const log = findingsLog(db);
      const observe = (employee: Employee, grants: Grant[], now: string): Finding[] => {
        const found = findings([employee], grants, now);
        log.observe(found, new Map([[employee.id, employee]]), new Map(grants.map((g) => [g.id, g])), now);
        return found;
      };
      // No MFA on a sensitive grant: seen on the 21st, again on the 22nd (still one finding), fixed on the 23rd.
      expect(observe(person(), [grant()], '2026-11-21T09:00:00.000Z').map((f) => f.kind)).toEqual(['no_mfa']);
      observe(person(), [grant()], '2026-11-22T09:00:00.000Z');
      observe(person({ mfa: true }), [grant()], '2026-11-23T09:00:00.000Z');
      // Without a justification from the 24th, its grant revoked on the 25th.
      observe(person({ mfa: true }), [grant({ justification: '' })], '2026-11-24T09:00:00.000Z');
      observe(person({ mfa: true }), [grant({ justification: '', state: 'revoked' })], '2026-11-25T09:00:00.000Z');
      const all = log.during('2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z');
      expect(all.map((entry) => [entry.kind, entry.firstSeen.slice(0, 10), entry.closedAt?.slice(0, 10), entry.closedHow])).toEqual([
        ['no_mfa', '2026-11-21', '2026-11-23', 'mfa_enabled'],
        ['unjustified', '2026-11-24', '2026-11-25', 'revoked'],
      ]);
      // A window after the first closed: only the second.
      expect(log.during('2026-11-24T00:00:00.000Z', '2026-11-30T00:00:00.000Z').map((entry) => entry.kind)).toEqual(['unjustified']);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
