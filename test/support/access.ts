import type { Grant } from '../../shared/api/access';

/** A live grant of payment records with a justification, as the access tests start from; `changes` say what differs. */
export const aGrant = (changes: Partial<Grant> = {}): Grant => ({
  id: 'grt_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  employeeId: 'emp_1',
  scope: 'finance:payment_records',
  resource: null,
  grantedAt: '2026-01-01T00:00:00Z',
  grantedBy: 'stf_albrecht',
  justification: 'Zahlungsabgleich',
  expiresAt: null,
  state: 'live',
  revocation: null,
  reducedFrom: null,
  ...changes,
});
