import type { ChangesPage } from '../../shared/api/changes';
import type { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';

/** Pages asked for before the puller wants them. */
export const READ_AHEAD = 2;

/**
 * The changes feed, read ahead: as soon as a page has arrived, its cursor asks for the next one, before the page is
 * checked against the contract and stored, so the platform serves the following pages while the console checks and
 * writes this one (a bootstrap of 100,000 requests waited ~10 % of its time for pages). Nothing else of an
 * unchecked page is used: a page that fails the check ends the pull, and what was asked for early is dropped unread.
 * Answers the page after a cursor (the one asked for early, or a new request).
 */
export function feedPages(
  client: Pick<PlatformClient, 'changes'>,
  pageSize: number,
  ahead = READ_AHEAD,
): (after: string) => Promise<ChangesPage> {
  const early = new Map<string, Promise<ChangesPage>>();
  const request = (after: string): Promise<ChangesPage> => {
    const page = client
      .changes(after, pageSize, (unchecked) => {
        const next = nextCursor(unchecked, after);
        if (next !== null && early.size < ahead && !early.has(next)) early.set(next, request(next));
      })
      .then((checked) => {
        // A platform that says "more" without moving on would keep the console pulling the same page forever.
        if (checked.hasMore && checked.cursor === after) {
          throw new PlatformError('invalid_response', `The changes feed did not move past ${after} although it has more.`);
        }
        return checked;
      });
    page.catch(() => undefined); // observed by whoever takes it; a page asked for early may never be
    return page;
  };
  return (after) => {
    const asked = early.get(after);
    early.delete(after);
    return asked ?? request(after);
  };
}

/** The cursor an unchecked page names for what follows it, when it says more follows and moved on. */
function nextCursor(unchecked: unknown, after: string): string | null {
  if (typeof unchecked !== 'object' || unchecked === null) return null;
  const { hasMore, cursor } = unchecked as { hasMore?: unknown; cursor?: unknown };
  return hasMore === true && typeof cursor === 'string' && cursor !== after ? cursor : null;
}
