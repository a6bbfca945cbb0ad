import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text';
import { expect, test } from './fixtures';

async function expectAccessible(page: Page) {
  const audit = await new AxeBuilder({ page }).include('[data-testid=overview]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const figure = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).locator('p').nth(1).textContent()) ?? '').replace(/\D/g, ''));

test('after a fresh start the overview answers "are we on time?", and each figure leads to exactly its rows', async ({
  page,
  consoleUrl,
}, testInfo) => {
  await page.goto(consoleUrl);
  // The start screen, populated from the cache.
  await expect(page.getByTestId('overview')).toBeVisible();
  await expect(page.getByTestId('inflow-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const open = await figure(page, 'figure-open');
  const overdue = await figure(page, 'figure-overdue');
  expect(open).toBeGreaterThan(overdue);
  expect(overdue).toBeGreaterThan(0);
  await testInfo.attach('overview', { body: await page.screenshot(), contentType: 'image/png' });
  await expectAccessible(page);

  // "Overdue" → the queue, filtered to exactly those requests.
  await page.getByTestId('figure-overdue').click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText(`${overdue} requests`);
  for (const badge of await page.getByTestId('days-left').allInnerTexts()) expect(badge).toMatch(/overdue/);

  // A week of the inflow (the chart's table, as a keyboard user reaches it) → that week's requests.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('panel-inflow').getByText('As a table').click();
  // The latest week with requests (the current one may still be empty early on a Monday).
  const weekTotal = page.getByTestId('inflow-table').locator('tbody tr td:last-child a').filter({ hasNotText: /^0$/ }).last();
  const received = Number(await weekTotal.textContent());
  expect(received).toBeGreaterThan(0);
  await weekTotal.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('figure-filter')).toContainText('Received');
  await expect(page.getByTestId('queue-count')).toHaveText(`${received} request${received === 1 ? '' : 's'}`);
  // The figure's filter is named and can be dropped.
  await page.getByRole('button', { name: /Remove the filter “Received/ }).click();
  await expect(page.getByTestId('figure-filter')).toHaveCount(0);

  // A bucket of days left → its requests; a person's load → their open requests.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('panel-due').getByText('As a table').click();
  const week = page.getByTestId('due-table').locator('tr', { hasText: '0–7 days' }).getByRole('link');
  const dueSoon = Number(await week.textContent());
  await week.click();
  await expect(page.getByTestId('figure-filter')).toContainText('Open, due');
  await expect(page.getByTestId('queue-count')).toHaveText(`${dueSoon} request${dueSoon === 1 ? '' : 's'}`);
  await page.getByRole('link', { name: 'Overview' }).click();
  const person = page.getByTestId('load-table').locator('tbody tr', { hasText: 'Jonas Albrecht' });
  const load = Number(await person.getByRole('link').first().textContent());
  await person.getByRole('link').first().click();
  await expect(page.getByTestId('queue-count')).toHaveText(`${load} request${load === 1 ? '' : 's'}`);
  for (const assignee of await page.getByTestId('assignee').allInnerTexts()) expect(assignee).toContain('Albrecht');

  // The running 72-hour clocks → the breach register showing only those incidents.
  await page.getByRole('link', { name: 'Overview' }).click();
  const clocks = await figure(page, 'figure-clocks');
  await page.getByTestId('figure-clocks').click();
  await expect(page.getByTestId('running-only')).toBeVisible();
  await expect(page.getByTestId('incident-row')).toHaveCount(clocks);

  // The registry's reminders → the processors behind them.
  await page.getByRole('link', { name: 'Overview' }).click();
  const expiring = page.getByTestId('registry-figures').locator('[data-figure=dpa_expiring]');
  const dpas = Number(await expiring.textContent());
  await expiring.click();
  await expect(page.getByTestId('attention-only')).toBeVisible();
  await expect(page.getByTestId('processor-row')).toHaveCount(dpas);

  // German, and the dark theme: still readable, still accessible.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByText('DE', { exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Übersicht', level: 2 })).toBeVisible();
  await expect(page.getByTestId('panel-on-time')).toContainText('Fristgerecht beantwortet');
  await page.getByTestId('color-scheme').click();
  await page.getByRole('menuitem', { name: 'Dunkel' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await testInfo.attach('overview-dark-de', { body: await page.screenshot(), contentType: 'image/png' });
  await expectAccessible(page);
});

test('Ctrl+K finds anything in the cache in one list: an incident by a word of its title, a request, a command of the screen', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByTestId('palette-search');
  await expect(search).toBeFocused();
  await search.fill('verloren');
  const hit = page.getByTestId('palette-hit').filter({ hasText: 'Laptop einer Tutorin im Zug verloren' }).first();
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute('data-kind', 'incident');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-detail')).toContainText('Laptop einer Tutorin im Zug verloren');
  await page.keyboard.press('Escape');

  // A request by its subject's name (either German spelling), opened beside the queue.
  await page.getByRole('link', { name: 'Data-subject requests' }).click();
  const firstName = (await page.getByTestId('queue-row').first().locator('td').nth(1).locator('p').first().textContent()) ?? '';
  await page.getByTestId('open-palette').click();
  await page.getByTestId('palette-search').fill(firstName);
  const request = page.getByTestId('palette-hit').filter({ hasText: firstName }).first();
  await expect(request).toHaveAttribute('data-kind', 'request');
  await request.click();
  await expect(page.getByTestId('request-detail')).toContainText(firstName);

  // The queue's own commands are in the list, and run as their keys would.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-search').fill('record a new');
  await expect(page.getByTestId('palette-command')).toHaveCount(1);
  await page.getByTestId('palette-command').click();
  await expect(page.getByRole('dialog', { name: 'Record a request (e-mail or letter)' })).toBeVisible();
});

test('the monthly privacy report is made from the overview, downloaded as a PDF and logged', async ({ page, consoleUrl }) => {
  await page.goto(consoleUrl);
  await expect(page.getByTestId('figure-open')).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('monthly-report').click()]);
  expect(file.suggestedFilename()).toMatch(/^privacy-report-\d{4}-\d{2}\.pdf$/);
  const text = pdfText(readFileSync(await file.path())).replace(/\s+/g, ' ');
  // The first page: title and month, the basis, the request figures, the charts' captions.
  expect(text).toMatch(/^Privacy report \w+ \d{4} /);
  expect(text).toContain("Report to management and the data protection officer's activity report (Art. 38(3), Art. 39 GDPR)");
  expect(text).toMatch(/Answered \(completed or denied\) \d+/);
  expect(text).toContain('Answered on time, the last twelve months');
  expect(text).toContain('Page 1 /');
  await expect(page.getByText(/privacy-report-\d{4}-\d{2}\.pdf made \(SHA-256/)).toBeVisible();
});
