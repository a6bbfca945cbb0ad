import { z } from 'zod';
import { Id } from './common';

/** A platform account as the subject lookup shows it: enough to match a request to a person, no more. */
export const AccountMatch = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    locale: z.enum(['de', 'en']),
  })
  .meta({ id: 'AccountMatch' });
export type AccountMatch = z.infer<typeof AccountMatch>;

export const AccountSearch = z.object({ q: z.string().trim().min(2).max(200) });
