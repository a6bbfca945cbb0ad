import type Database from 'better-sqlite3-multiple-ciphers';
import type { Employee, Grant } from '../../shared/api/access';
import type { Finding, FindingKind } from '../../shared/domain/access';

/** How a finding stopped being one, as this console saw the platform's state change. */
export type ClosedHow =
  | 'revoked'
  | 'revocation_requested'
  | 'reduced'
  | 'mfa_enabled'
  | 'signed_in'
  | 'justified'
  | 'extended'
  | 'employee_gone'
  | 'threshold_changed';

export interface LoggedFinding {
  id: number;
  kind: FindingKind;
  employeeId: string;
  grantIds: string[];
  firstSeen: string;
  closedAt: string | null;
  closedHow: ClosedHow | null;
}

interface Row {
  id: number;
  key: string;
  kind: FindingKind;
  employee_id: string;
  grant_ids: string;
  first_seen: string;
  closed_at: string | null;
  closed_how: ClosedHow | null;
}

/** One finding is one row while it lasts: the same kind for the same person (and, for SoD, the same pair). */
function keyOf(finding: Finding, grants: ReadonlyMap<string, Grant>): string {
  if (finding.kind !== 'sod') return `${finding.kind}:${finding.employeeId}`;
  const scopes = [...new Set(finding.grantIds.map((id) => grants.get(id)?.scope ?? id))].sort();
  return `sod:${finding.employeeId}:${scopes.join('+')}`;
}

/** Why a finding is gone, from the state of its holder and grants now. */
function closedHow(row: Row, employees: ReadonlyMap<string, Employee>, grants: ReadonlyMap<string, Grant>, now: string): ClosedHow {
  const employee = employees.get(row.employee_id);
  if (!employee) return 'employee_gone';
  const held = (JSON.parse(row.grant_ids) as string[]).map((id) => grants.get(id));
  if (held.some((grant) => !grant || grant.state === 'revoked')) return 'revoked';
  if (held.some((grant) => grant?.state === 'revoking')) return 'revocation_requested';
  if (row.kind === 'sod' && held.some((grant) => grant?.reducedFrom)) return 'reduced';
  if (row.kind === 'no_mfa' && employee.mfa) return 'mfa_enabled';
  if (row.kind === 'dormant' && employee.lastSignInAt && employee.lastSignInAt > row.first_seen) return 'signed_in';
  if (row.kind === 'unjustified' && held.every((grant) => grant?.justification.trim())) return 'justified';
  if (row.kind === 'expired' && held.every((grant) => !grant?.expiresAt || grant.expiresAt >= now.slice(0, 10))) return 'extended';
  return 'threshold_changed';
}

/**
 * The checks' findings as this console saw them come and go (kept with the export log: it survives a rebuilt
 * cache): when each was first seen, when it was gone, and how. A review's evidence lists those of its window.
 */
export function findingsLog(db: Database.Database) {
  const open = db.prepare<[], Row>('SELECT * FROM access_findings WHERE closed_at IS NULL');
  const insert = db.prepare(
    'INSERT INTO access_findings (key, kind, employee_id, grant_ids, first_seen) VALUES (@key, @kind, @employeeId, @grantIds, @at)',
  );
  const update = db.prepare('UPDATE access_findings SET grant_ids = ? WHERE id = ?');
  const close = db.prepare('UPDATE access_findings SET closed_at = ?, closed_how = ? WHERE id = ?');
  const window = db.prepare<[string, string], Row>(
    'SELECT * FROM access_findings WHERE first_seen <= ? AND (closed_at IS NULL OR closed_at >= ?) ORDER BY first_seen, id',
  );
  return {
    /** Records what the checks find now: new findings open, gone ones close with how. */
    observe(findings: readonly Finding[], employees: ReadonlyMap<string, Employee>, grants: ReadonlyMap<string, Grant>, now: string) {
      db.transaction(() => {
        const current = new Map(findings.map((finding) => [keyOf(finding, grants), finding]));
        for (const row of open.all()) {
          const still = current.get(row.key);
          if (still) {
            const ids = JSON.stringify(still.grantIds);
            if (ids !== row.grant_ids) update.run(ids, row.id);
            current.delete(row.key);
          } else close.run(now, closedHow(row, employees, grants, now), row.id);
        }
        for (const [key, finding] of current) {
          insert.run({ key, kind: finding.kind, employeeId: finding.employeeId, grantIds: JSON.stringify(finding.grantIds), at: now });
        }
      })();
    },
    /** Every finding open at some time between two instants. */
    during(from: string, to: string): LoggedFinding[] {
      return window.all(to, from).map((row) => ({
        id: row.id,
        kind: row.kind,
        employeeId: row.employee_id,
        grantIds: JSON.parse(row.grant_ids) as string[],
        firstSeen: row.first_seen,
        closedAt: row.closed_at,
        closedHow: row.closed_how,
      }));
    },
  };
}
export type FindingsLog = ReturnType<typeof findingsLog>;
