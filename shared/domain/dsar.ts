import { type Staff, scopesOfRole } from '../api/common';
import type { DsarStatus } from '../api/dsar';

export const openStatuses: readonly DsarStatus[] = ['new', 'identity_pending', 'in_progress', 'awaiting_subject'];

export const isOpen = (status: DsarStatus) => openStatuses.includes(status);

/** The key duplicate detection compares: the platform account when known, else the e-mail address. */
export function subjectKey(subject: { userId: string | null; email: string }): string {
  return subject.userId ? `user:${subject.userId}` : `email:${subject.email.trim().toLowerCase()}`;
}

/**
 * Who may be assigned a request: an active member of staff whose role may work on requests. The console's
 * assignee lists, its check before queueing and the platform all ask this one rule.
 */
export function mayBeAssigned(staff: Pick<Staff, 'active' | 'roles'> | null): boolean {
  return staff?.active === true && staff.roles.some((role) => scopesOfRole[role].includes('dsar:write'));
}
