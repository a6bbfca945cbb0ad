import { type Staff, scopesOfRole } from '../api/common';
import type { DsarStatus } from '../api/dsar';

export const openStatuses: readonly DsarStatus[] = ['new', 'identity_pending', 'in_progress', 'awaiting_subject'];

export const isOpen = (status: DsarStatus) => openStatuses.includes(status);

interface SubjectIdentity {
  userId: string | null;
  email: string | null;
  name: string;
  address: string | null;
}

const squeezed = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The key duplicate detection compares: the platform account when known, else the e-mail address, else (a
 * letter without one) the name at the postal address.
 */
export function subjectKey(subject: SubjectIdentity): string {
  if (subject.userId) return `user:${subject.userId}`;
  if (subject.email) return `email:${squeezed(subject.email)}`;
  return `post:${squeezed(subject.name)}|${squeezed(subject.address ?? '')}`;
}

/** Every key under which an earlier request of the same person may be filed (account and e-mail both count). */
export function subjectKeys(subject: SubjectIdentity): string[] {
  const keys = [subject.userId ? `user:${subject.userId}` : null, subjectKey({ ...subject, userId: null })];
  return keys.filter((key): key is string => key !== null);
}

/**
 * Who may be assigned a request: an active member of staff whose role may work on requests. The console's
 * assignee lists, its check before queueing and the platform all ask this one rule.
 */
export function mayBeAssigned(staff: Pick<Staff, 'active' | 'roles'> | null): boolean {
  return staff?.active === true && staff.roles.some((role) => scopesOfRole[role].includes('dsar:write'));
}
