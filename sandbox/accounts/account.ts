import type { DataCategory, ObjectionPurpose } from '../../shared/api/dsar-workflow';

/** A platform user account as the sandbox keeps it. */
export interface Account {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  locale: 'de' | 'en';
  address: string | null;
  birthDate: string | null;
  displayName: string;
  /** When the person closed the account (it is kept for its retention periods, but no longer told anything). */
  closedAt?: string | null;
  /** Art. 18: processing restricted. */
  restricted: boolean;
  objections: ObjectionPurpose[];
  /** Categories already erased (their records are gone from every export). */
  erased: DataCategory[];
  /** Categories restricted after an erasure because a retention duty applies. */
  retained: DataCategory[];
}
