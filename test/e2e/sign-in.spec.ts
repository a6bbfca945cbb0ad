import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import { spawnConsole } from '../support/console-process';
import { TEST_KEY, tempDir } from '../support/temp';
import { expect, test } from './fixtures';

type Platform = { url: string; credentialsOf(email: string): { password: string; totpSecret: string } };

/** The person's side of a sign-in: the console's button, the platform's page in a new tab, password, then the code. */
async function signIn(page: Page, platform: Platform, email: string, start: () => Promise<void>) {
  await start();
  const opened = page.waitForEvent('popup');
  await page.getByRole('link', { name: 'Open the sign-in page' }).click();
  const signInPage = await opened;
  const { password, totpSecret } = platform.credentialsOf(email);
  await signInPage.getByLabel('E-mail').fill(email);
  await signInPage.getByLabel('Password').fill(password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  await signInPage.getByLabel('Code').fill(await generate({ secret: totpSecret }));
  await signInPage.getByRole('button', { name: 'Confirm' }).click();
  await expect(signInPage.getByText('You are signed in.')).toBeVisible();
  await signInPage.close();
}

test('a new user connects the console to the platform, signs in with a second factor, sees their scopes, signs out and in as another role', async ({
  page,
  platform,
}) => {
  const dir = tempDir('pc-e2e-signin-');
  // No token: the console offers the address it was started with and lets people sign in in the browser.
  const shell = await spawnConsole(
    ['--data-dir', dir.path, '--platform', platform.url, '--poll-ms', '1000'],
    { PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY },
    { bundled: true },
  );
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Connect to the platform' })).toBeVisible();
    await expect(page.getByLabel('Platform address')).toHaveValue(platform.url);
    await page.screenshot({ path: 'test-results/e2e/connection-screen.png' });

    await signIn(page, platform, 'k.vogel@lernwerk-akademie.de', () => page.getByRole('button', { name: 'Sign in', exact: true }).click());
    await expect(page.getByTestId('figure-open')).toBeVisible();
    await page.getByRole('link', { name: 'Data-subject requests' }).click();
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
    await page.getByTestId('workspace-menu').click();
    await expect(page.getByTestId('who-am-i')).toContainText('Dr. Katrin Vogel');
    await expect(page.getByTestId('who-am-i')).toContainText('Privacy');
    await expect(page.getByTestId('scopes')).toContainText('dsar:write');
    await page.screenshot({ path: 'test-results/e2e/who-am-i.png' });
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // Back at the connection screen; the workspace is remembered for next time.
    await expect(page.getByRole('heading', { name: 'Connect to the platform' })).toBeVisible();
    await expect(page.getByTestId('known-workspace')).toContainText('Dr. Katrin Vogel');

    // Another role: the security lead sees incidents and access, not the requests.
    await signIn(page, platform, 's.krueger@lernwerk-akademie.de', () =>
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    );
    await page.getByTestId('workspace-menu').click();
    await expect(page.getByTestId('who-am-i')).toContainText('Sabine Krüger');
    await expect(page.getByTestId('scopes')).toContainText('breach:write');
    await expect(page.getByTestId('scopes')).not.toContainText('dsar:read');
    await page.keyboard.press('Escape');
    // Vogel's workspace is one click away (her session was revoked: the console opens her cache, signed out).
    await page.getByTestId('workspace-menu').click();
    await page.getByRole('menuitem', { name: /Dr\. Katrin Vogel/ }).click();
    await expect(page.getByTestId('signed-out-banner')).toBeVisible();
    // The screen it was on stays: her requests, from the cache.
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
  } finally {
    shell.child.kill('SIGTERM');
    await shell.exited;
    dir.remove();
  }
});
