import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../electron/platform/errors';
import { feedPages } from '../../../../electron/sync/feed';
import type { ChangesPage } from '../../../../shared/api/changes';

/**
 * A feed of `pages` pages behind a client that answers as the platform client does: the page's JSON is peeked at
 * first, then (a moment later, as the contract check takes) the checked page or the check's failure.
 */
function feed(pages: number, options: { failsCheck?: string; stuckAt?: string } = {}) {
  const asked: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const pageAt = (after: string): ChangesPage => {
    const index = after === '0' ? 0 : Number(after.slice(2));
    const cursor = after === options.stuckAt ? after : `c.${index + 1}`;
    return { changes: [], cursor, hasMore: index + 1 < pages, remaining: pages - index - 1 };
  };
  const client = {
    async changes(after: string, _limit: number, peek?: (json: unknown) => void): Promise<ChangesPage> {
      asked.push(after);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const page = pageAt(after);
        peek?.(JSON.parse(JSON.stringify(page)));
        await new Promise((resolve) => setImmediate(resolve));
        if (after === options.failsCheck) throw new PlatformError('invalid_response', 'answered data that does not match the contract');
        return page;
      } finally {
        inFlight--;
      }
    },
  };
  return { client, asked, mostInFlight: () => mostInFlight };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the changes feed, read ahead', () => {
  it('gives every page in order, each asked for once, never more than two ahead of the reader', async () => {
    const platform = feed(12);
    const pageAfter = feedPages(platform.client, 1000);
    const cursors: string[] = [];
    let page = await pageAfter('0');
    cursors.push(page.cursor);
    while (page.hasMore) {
      // A reader slower than the platform: the feed may run ahead, but only so far.
      await settle();
      expect(platform.asked.length).toBeLessThanOrEqual(cursors.length + 2);
      page = await pageAfter(page.cursor);
      cursors.push(page.cursor);
    }
    expect(cursors).toEqual(Array.from({ length: 12 }, (_, i) => `c.${i + 1}`));
    expect(platform.asked).toEqual(['0', ...cursors.slice(0, -1)]);
    expect(platform.mostInFlight()).toBeLessThanOrEqual(3);
  });

  it('asks for the next page before the current one has been checked', async () => {
    const platform = feed(3);
    const pageAfter = feedPages(platform.client, 1000);
    await pageAfter('0');
    // Asked for while page one was being checked, not after it was taken.
    expect(platform.asked).toContain('c.1');
  });

  it('a page that fails the contract fails when taken; what was asked for after it is never given', async () => {
    const platform = feed(5, { failsCheck: 'c.1' });
    const pageAfter = feedPages(platform.client, 1000);
    const first = await pageAfter('0');
    await expect(pageAfter(first.cursor)).rejects.toMatchObject({ kind: 'invalid_response' });
    await settle();
    // Its cursor was used to ask early (the platform saw the request), and nothing else of it.
    expect(platform.asked).toContain('c.2');
  });

  it('a page that says "more" without moving on is refused, and its cursor is not asked for again early', async () => {
    const platform = feed(5, { stuckAt: 'c.1' });
    const pageAfter = feedPages(platform.client, 1000);
    const first = await pageAfter('0');
    await expect(pageAfter(first.cursor)).rejects.toThrow(/did not move past c\.1/);
    await settle();
    expect(platform.asked.filter((after) => after === 'c.1')).toHaveLength(1);
  });
});
