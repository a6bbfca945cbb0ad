import { describe, expect, it } from 'vitest';
import type { Call } from '../../../../electron/platform/client';
import { PlatformError } from '../../../../electron/platform/errors';
import { feedPages } from '../../../../electron/sync/feed';
import type { ChangesPage } from '../../../../shared/api/changes';

/**
 * A feed of `pages` pages behind a client that answers as the platform client does: the page's JSON is peeked at
 * first, then (a moment later, as the contract check takes) the checked page or the check's failure.
 */
function feed(pages: number, options: { failsCheck?: string; stuckAt?: string; slowFrom?: number; answersAfterStop?: boolean } = {}) {
  const asked: string[] = [];
  const cancelled: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const indexOf = (after: string) => (after === '0' ? 0 : Number(after.slice(2)));
  const pageAt = (after: string): ChangesPage => {
    const index = indexOf(after);
    const cursor = after === options.stuckAt ? after : `c.${index + 1}`;
    return { changes: [], cursor, hasMore: index + 1 < pages, remaining: pages - index - 1 };
  };
  const client = {
    async changes(after: string, _limit: number, call: Pick<Call, 'peek' | 'signal'> = {}): Promise<ChangesPage> {
      asked.push(after);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        const delay = options.slowFrom !== undefined && indexOf(after) >= options.slowFrom ? 200 : 1;
        await new Promise((resolve) => setTimeout(resolve, delay));
        const page = pageAt(after);
        // An answer already read when the pull stopped is still peeked at.
        if (options.answersAfterStop) call.peek?.(JSON.parse(JSON.stringify(page)));
        if (call.signal?.aborted) {
          cancelled.push(after);
          throw new PlatformError('cancelled', 'The call was cancelled.');
        }
        if (!options.answersAfterStop) call.peek?.(JSON.parse(JSON.stringify(page)));
        await new Promise((resolve) => setImmediate(resolve));
        if (after === options.failsCheck) throw new PlatformError('invalid_response', 'answered data that does not match the contract');
        return page;
      } finally {
        inFlight--;
      }
    },
  };
  return { client, asked, cancelled, mostInFlight: () => mostInFlight };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the changes feed, read ahead', () => {
  it('gives every page in order, each asked for once, and keeps two asked for ahead of a slow reader', async () => {
    const platform = feed(12);
    const pages = feedPages(platform.client, 1000);
    const cursors: string[] = [];
    let page = await pages.after('0');
    cursors.push(page.cursor);
    while (page.hasMore) {
      // A reader slower than the platform: the feed runs ahead, two pages and no more.
      await settle();
      expect(platform.asked).toHaveLength(Math.min(12, cursors.length + 2));
      page = await pages.after(page.cursor);
      cursors.push(page.cursor);
    }
    expect(cursors).toEqual(Array.from({ length: 12 }, (_, i) => `c.${i + 1}`));
    expect(platform.asked).toEqual(['0', ...cursors.slice(0, -1)]);
    expect(platform.mostInFlight()).toBeLessThanOrEqual(3);
  });

  it('asks for the next page before the current one has been checked', async () => {
    const platform = feed(3);
    const pages = feedPages(platform.client, 1000);
    await pages.after('0');
    // Asked for while page one was being checked, not after it was taken.
    expect(platform.asked).toContain('c.1');
  });

  it('uses nothing of a page that fails the contract but its cursor, to ask early', async () => {
    const platform = feed(5, { failsCheck: 'c.1' });
    const pages = feedPages(platform.client, 1000);
    const first = await pages.after('0');
    await expect(pages.after(first.cursor)).rejects.toMatchObject({ kind: 'invalid_response' });
    await settle();
    expect(platform.asked).toContain('c.2');
  });

  it('stopped, it cancels what was asked for early and asks for nothing more', async () => {
    const platform = feed(8, { slowFrom: 3 });
    const pages = feedPages(platform.client, 1000);
    const first = await pages.after('0');
    await pages.after(first.cursor);
    await settle();
    expect(platform.asked).toEqual(['0', 'c.1', 'c.2', 'c.3']);
    pages.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // c.2 had been answered (its answer is dropped); c.3 was still on its way.
    expect(platform.cancelled).toEqual(['c.3']);
    expect(platform.asked).toHaveLength(4);
  });

  it('stopped, an answer that still arrives asks for nothing more', async () => {
    const platform = feed(8, { slowFrom: 3, answersAfterStop: true });
    const pages = feedPages(platform.client, 1000);
    const first = await pages.after('0');
    await pages.after(first.cursor);
    await settle();
    pages.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(platform.cancelled).toEqual(['c.3']);
    expect(platform.asked).toEqual(['0', 'c.1', 'c.2', 'c.3']);
  });

  it('a page that says "more" without moving on is refused, and its cursor is not asked for again early', async () => {
    const platform = feed(5, { stuckAt: 'c.1' });
    const pages = feedPages(platform.client, 1000);
    const first = await pages.after('0');
    await expect(pages.after(first.cursor)).rejects.toThrow(/did not move past c\.1/);
    await settle();
    expect(platform.asked.filter((after) => after === 'c.1')).toHaveLength(1);
  });
});
