import AxeBuilder from '@axe-core/playwright';
import { spawnConsole } from '../support/console-process';
import { tempDir } from '../support/temp';
import { assignFirstToMe, expect, openQueue, test } from './fixtures';

test('the demo workspace (npm run start:web): one click on its sign-in page, then the seeded requests', async ({ page }, testInfo) => {
  const dir = tempDir('pc-e2e-demo-');
  const shell = await spawnConsole(['--data-dir', dir.path], {}, { bundled: true });
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Connect to the platform' })).toBeVisible();
    const first = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(first.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    const opened = page.waitForEvent('popup');
    await page.getByRole('link', { name: 'Open the sign-in page' }).click();
    const signIn = await opened;
    // The demo's page lists its staff with their passwords, and shows the code an authenticator would show.
    await signIn.getByRole('button', { name: 'Sign in as Dr. Katrin Vogel' }).click();
    await signIn.getByRole('button', { name: 'Use it' }).click();
    await expect(signIn.getByText('You are signed in.')).toBeVisible();
    await signIn.close();
    // The start screen is the overview; the queue is one click away.
    await expect(page.getByTestId('figure-open')).toBeVisible();
    await page.getByRole('link', { name: 'Data-subject requests' }).click();
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await expect(page.getByText('Demo workspace')).toBeVisible();
    await expect(page.getByTestId('queue-count')).toHaveText(/^\d+\+? requests/);
    expect(await page.getByTestId('queue-row').count()).toBeGreaterThan(10);
    await testInfo.attach('demo-queue', { body: await page.screenshot(), contentType: 'image/png' });
    const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
  } finally {
    shell.child.kill('SIGTERM');
    await shell.exited;
    dir.remove();
  }
});

test('the queue shows the platform requests, filtered and sorted by due date', async ({ page, consoleUrl }) => {
  await openQueue(page, consoleUrl);
  const dues = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-due') ?? ''));
  expect(dues.length).toBeGreaterThan(5);
  expect(dues).toEqual([...dues].sort());
  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Due: latest first' }).click();
  await expect
    .poll(async () => {
      const shown = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-due') ?? ''));
      return shown.length > 5 && shown[0] > dues[0] && shown.join() === [...shown].sort().reverse().join();
    })
    .toBe(true);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Anyone' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('150 requests');
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Erasure (Art. 17)' }).click();
  const types = await page.getByTestId('queue-row').locator('td:first-child').allInnerTexts();
  expect(new Set(types)).toEqual(new Set(['Erasure (Art. 17)']));
});

test('search finds a data subject by name in either German spelling, and by request id; the keyboard leads from the box to the rows', async ({
  page,
  consoleUrl,
}) => {
  await openQueue(page, consoleUrl);
  const search = page.getByRole('searchbox', { name: 'Search' });
  const subjectCells = page.getByTestId('queue-row').locator('td:nth-child(2)');
  const names = (await subjectCells.allInnerTexts()).map((cell) => cell.split('\n')[0].trim());
  const withUmlaut = names.find((n) => /[äöü]/.test(n.split(' ').pop() ?? '')) ?? names[3];
  const lastName = withUmlaut.split(' ').pop() ?? withUmlaut;
  const transliterated = lastName.replace('ä', 'ae').replace('ö', 'oe').replace('ü', 'ue');
  await search.fill(transliterated);
  await expect(page.getByTestId('queue-count')).toHaveText(/\d+ match(es)?$/);
  expect((await subjectCells.allInnerTexts()).some((s) => s.includes(withUmlaut))).toBe(true);

  // ArrowDown leaves the box for the rows (the results stay); j moves on, Escape in the box keeps them too.
  await search.press('ArrowDown');
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(page.getByTestId('queue-row').nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.focus();
  await search.press('Escape');
  await expect(search).toHaveValue(transliterated);
  await expect(search).not.toBeFocused();

  // The request id, as it stands in the subject of every message.
  const id = await page.getByTestId('queue-row').first().getAttribute('data-id');
  await search.fill(`Ihr Antrag – ${id}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-count')).toHaveText('1 match');
});

test('assign to me is applied at once, synced, and still there after a reload', async ({ page, consoleUrl, platform }) => {
  await openQueue(page, consoleUrl);
  const { id, row: same } = await assignFirstToMe(page);
  await expect(same.getByTestId('assignee')).toContainText('Dr. Katrin Vogel');
  await expect(same.getByTestId('row-pending')).toHaveCount(0);
  await expect.poll(async () => (await platform.get(`/v1/dsars/${id}`)).assigneeId).toBe('stf_vogel');

  await page.reload();
  await expect(page.locator(`[data-testid=queue-row][data-id="${id}"]`).getByTestId('assignee')).toContainText('Dr. Katrin Vogel');
  await expect(page.locator(`[data-testid=queue-row][data-id="${id}"]`).getByRole('button', { name: 'Unassign' })).toBeVisible();
});

test('keyboard: move the selection and assign with a shortcut', async ({ page, consoleUrl, platform }) => {
  await openQueue(page, consoleUrl);
  await page.locator('body').press('j');
  await page.locator('body').press('j');
  const selected = page.locator('[data-testid=queue-row][aria-selected=true]');
  await expect(selected).toHaveAttribute('aria-rowindex', '3');
  const id = await selected.getAttribute('data-id');
  const assignee = (await selected.getByTestId('assignee').textContent()) ?? '';
  await page.locator('body').press(assignee.includes('Vogel') ? 'u' : 'm');
  const expected = assignee.includes('Vogel') ? null : 'stf_vogel';
  // A colleague's request is taken only after saying so (Enter), and reaches the platform after its moment for undo.
  const takingOver = assignee.trim() !== '—' && !assignee.includes('Vogel');
  if (takingOver) {
    await expect(page.getByTestId('confirm-dialog')).toContainText(`${assignee.trim()} is assigned to this request.`);
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await platform.get(`/v1/dsars/${id}`)).assigneeId, { timeout: 20_000 }).toBe(expected);
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
});

test('platform down: the assignment waits as pending, then syncs when the platform is back', async ({
  page,
  consoleUrl,
  platform,
}, testInfo) => {
  await openQueue(page, consoleUrl);
  await platform.stop();
  const { id, row: same } = await assignFirstToMe(page);
  await expect(same.getByTestId('row-pending')).toBeVisible();
  await expect(page.getByTestId('pending-writes')).toHaveText('1 change waiting');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'offline');
  await testInfo.attach('offline-pending', { body: await page.screenshot(), contentType: 'image/png' });

  await platform.start();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('pending-writes')).toHaveCount(0);
  await expect(same.getByTestId('row-pending')).toHaveCount(0);
  expect((await platform.get(`/v1/dsars/${id}`)).assigneeId).toBe('stf_vogel');
});

test('German text throughout when the language is switched', async ({ page, consoleUrl }, testInfo) => {
  await openQueue(page, consoleUrl);
  await page.getByText('DE', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Betroffenenanfragen', level: 2 })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Frist' })).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText(/Anfragen/);
  await page.getByTestId('queue-row').first().click();
  const detail = page.getByTestId('request-detail');
  await detail.getByText('Warum dieses Datum?').click();
  await expect(detail.getByTestId('deadline-steps')).toContainText('Der Eingangstag');
  await expect(detail.getByTestId('deadline-steps')).toContainText('Art. 3 Abs. 1 VO 1182/71');
  await expect(detail.getByRole('button', { name: 'Ablehnen' })).toBeVisible();
  await expect(detail.getByTestId('timeline')).toContainText('Eingegangen');
  await testInfo.attach('queue-de', { body: await page.screenshot(), contentType: 'image/png' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Betroffenenanfragen', level: 2 })).toBeVisible();
});

test('at 1280×720 an open request leaves ten rows and the key columns in view; it can take the full width', async ({
  page,
  consoleUrl,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openQueue(page, consoleUrl);
  await page.getByTestId('queue-row').nth(1).click();
  const detail = page.getByTestId('request-detail');
  await expect(detail).toBeVisible();
  const inView = async (selector: string) =>
    page.evaluate((sel) => {
      const box = document.querySelector('[data-testid=queue-scroll]')?.getBoundingClientRect();
      if (!box) return [];
      return [...document.querySelectorAll(sel)]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1;
        })
        .map((el) => el.textContent ?? '');
    }, selector);
  await expect.poll(async () => (await inView('[data-testid=queue-row]')).length).toBeGreaterThanOrEqual(10);
  expect(await inView('.queue-table thead th')).toEqual(['Type', 'Data subject', 'Due', 'Status']);
  // The keyboard hint is one line.
  expect((await page.getByTestId('shortcuts-hint').boundingBox())?.height).toBeLessThan(24);
  await testInfo.attach('1280x720-with-request', { body: await page.screenshot(), contentType: 'image/png' });

  // Full width and back, by button and by W; the choice is kept for the next request.
  await detail.getByTestId('detail-wide').click();
  await expect(page.getByTestId('queue-scroll')).toBeHidden();
  expect((await detail.boundingBox())?.width).toBeGreaterThan(900);
  await page.keyboard.press('Shift+W');
  await expect(page.getByTestId('queue-scroll')).toBeVisible();
  await expect(detail.getByTestId('detail-wide')).toHaveAttribute('aria-pressed', 'false');
});

test("the console's storage limitation: old closed requests leave this computer, and come back from the platform by their id", async ({
  page,
  consoleUrl,
}) => {
  await openQueue(page, consoleUrl);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed' }).click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const before = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));

  await page.getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByTestId('retention-settings');
  await expect(settings.getByRole('textbox', { name: 'Months after closing' })).toHaveValue('12');
  await settings.getByRole('textbox', { name: 'Months after closing' }).fill('1');
  await settings.getByTestId('save-retention').click();
  await expect(page.getByText(/closed requests? left the local storage/)).toBeVisible();

  await page.getByRole('link', { name: 'Data-subject requests' }).click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed' }).click();
  await expect.poll(async () => (await page.getByTestId('queue-row').count()) < before.length).toBe(true);
  const after = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));
  const gone = before.find((id) => !after.includes(id)) ?? '';

  await page.getByRole('searchbox', { name: 'Search' }).fill(gone);
  await page.getByTestId('fetch-request').click();
  await expect(page.getByTestId('request-detail').getByTestId('detail-status')).toHaveText('Completed');
});
