import { test as base, expect, type Page } from '@playwright/test';
import { spawnConsole } from '../support/console-process';
import { spawnPlatform } from '../support/platform-process';
import { TEST_KEY, tempDir } from '../support/temp';

type Platform = Awaited<ReturnType<typeof spawnPlatform>>;

/** A fresh data dir, a fresh platform process and a fresh headless console per test. */
export const test = base.extend<{ platform: Platform; consoleUrl: string }>({
  // Every screen of every test is also checked for texts missing from the catalogues (shown as raw keys).
  page: async ({ page }, use) => {
    const missing: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('Missing text:')) missing.push(message.text());
    });
    await use(page);
    expect(missing).toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  platform: async ({}, use) => {
    const dir = tempDir('pc-e2e-platform-');
    const platform = await spawnPlatform(`${dir.path}/platform.sqlite`);
    await use(platform);
    await platform.stop();
    dir.remove();
  },
  consoleUrl: async ({ platform }, use) => {
    const dir = tempDir('pc-e2e-console-');
    // A service account's token, from the environment: these tests are about the screens, not the sign-in.
    const shell = await spawnConsole(
      ['--data-dir', dir.path, '--platform', platform.url, '--poll-ms', '1000'],
      {
        PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY,
        PRIVACY_CONSOLE_PLATFORM_TOKEN: platform.token,
      },
      { bundled: true },
    );
    await use(shell.url);
    shell.child.kill('SIGTERM');
    await shell.exited;
    dir.remove();
  },
});

export { expect };

/** From the start screen (the overview) to the queue, as a person would; waits until it has rendered rows. */
export async function openQueue(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.getByRole('link', { name: 'Data-subject requests' }).click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
}

/**
 * Clicks "Assign to me" on the first unassigned row (a colleague's would ask first); returns that request's
 * id and its row.
 */
export async function assignFirstToMe(page: Page) {
  const candidate = page
    .getByTestId('queue-row')
    .filter({ has: page.getByTestId('assignee').getByText('—', { exact: true }) })
    .filter({ has: page.getByRole('button', { name: 'Assign to me' }) })
    .first();
  const id = await candidate.getAttribute('data-id');
  await candidate.getByRole('button', { name: 'Assign to me' }).click();
  return { id, row: page.locator(`[data-testid=queue-row][data-id="${id}"]`) };
}
