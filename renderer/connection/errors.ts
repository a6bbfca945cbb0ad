import type { TFunction } from 'i18next';

const codes = [
  'invalid-url',
  'insecure-url',
  'unreachable',
  'not-a-platform',
  'sign-in-failed',
  'sign-in-cancelled',
  'signed-out',
  'open-failed',
] as const;

/** A connection failure in the reader's language, by the host's code (an unknown code reads as a failed sign-in). */
export function connectionError(t: TFunction, error: { code: string; message: string }): string {
  const known = (codes as readonly string[]).includes(error.code) ? (error.code as (typeof codes)[number]) : 'sign-in-failed';
  return t(`connection.errors.${known}`, { detail: error.message });
}
