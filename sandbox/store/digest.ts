import { createHash } from 'node:crypto';

/** SHA-256 of a text as lower-case hex: the platform's fingerprint of frozen content (`MutationContext.digest`). */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
