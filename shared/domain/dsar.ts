import type { DsarStatus } from '../api/dsar';

export const openStatuses: readonly DsarStatus[] = ['new', 'identity_pending', 'in_progress', 'awaiting_subject'];

export const isOpen = (status: DsarStatus) => openStatuses.includes(status);

/** The key duplicate detection compares: the platform account when known, else the e-mail address. */
export function subjectKey(subject: { userId: string | null; email: string }): string {
  return subject.userId ? `user:${subject.userId}` : `email:${subject.email.trim().toLowerCase()}`;
}
