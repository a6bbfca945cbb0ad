import type { TFunction } from 'i18next';

const codes = [
  'invalid-url',
  'insecure-url',
  'unreachable',
  'not-a-platform',
  'sign-in-failed',
  'sign-in-cancelled',
  'signed-out',
] as const;

/** A connection failure in the reader's language, by the host's code (an unknown code reads as a failed sign-in). */
export function connectionError(t: TFunction, code: string): string {
  const known = (codes as readonly string[]).includes(code) ? (code as (typeof codes)[number]) : 'sign-in-failed';
  return t(`connection.errors.${known}`);
}
