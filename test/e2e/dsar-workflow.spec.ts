import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openQueue, test } from './fixtures';

const detail = (page: Page) => page.getByTestId('request-detail');
const status = (page: Page) => detail(page).getByTestId('detail-status');
async function expectNoSeriousViolations(page: Page) {
  const audit = await new AxeBuilder({ page }).include('[data-testid=request-detail]').withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([]);
}
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Records a request of `type` by e-mail for a platform account found by the lookup; opens its detail. */
async function intake(page: Page, type: string) {
  await page.getByTestId('new-request').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: type }).click();
  await dialog.getByRole('searchbox', { name: 'Find the account on the platform' }).fill('web.de');
  await dialog.getByTestId('account-matches').getByRole('button', { name: 'Use' }).first().click();
  await expect(dialog.getByTestId('chosen-account')).toBeVisible();
  const name = await dialog.getByRole('textbox', { name: 'Name' }).inputValue();
  await dialog.getByRole('textbox', { name: 'What the request says' }).fill('Bitte um Bearbeitung, per E-Mail eingegangen.');
  await dialog.getByRole('button', { name: 'Record request' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail(page).getByTestId('detail-subject')).toHaveText(name);
  await expect(status(page)).toHaveText('New');
  return name;
}

/** Sends the step's dialog with its drafted message. */
async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test('a new access request is triaged to delivery: intake, acknowledgement, identity, package review, delivery', async ({
  page,
  consoleUrl,
}, testInfo) => {
  await openQueue(page, consoleUrl);
  const name = await intake(page, 'Access (Art. 15)');

  await detail(page).getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('message-body')).toHaveValue(new RegExp(`Guten Tag ${name}|Dear ${name}`));
  await confirmDialog(page, 'Send');
  await expect(detail(page).getByTestId('timeline')).toContainText('Message sent');

  // Keyboard: v opens the identity dialog.
  await page.keyboard.press('v');
  const identity = page.getByRole('dialog');
  await expect(identity).toContainText('never stored in the console');
  await identity.getByRole('combobox', { name: 'Method' }).click();
  await page.getByRole('option', { name: 'Confirmed while signed in to the account' }).click();
  await confirmDialog(page, 'Save');
  await expect(status(page)).toHaveText('In progress');

  await detail(page).getByTestId('start-job').click();
  await expect(detail(page).getByTestId('job-progress')).toBeVisible();
  const review = detail(page).getByTestId('package-review');
  await expect(review).toBeVisible({ timeout: 30_000 });
  await expect(review).toContainText(/\d+ records · categories: \d+ · withheld: 0/);

  const logins = review.getByTestId('category-login_history');
  await logins.getByRole('button').first().click();
  const item = logins.getByTestId('package-item').first();
  await item.getByRole('button', { name: 'Withhold' }).click();
  await item.getByRole('textbox', { name: 'Reason (e.g. data of others)' }).fill('IP-Adresse eines Mitbewohners.');
  await item.getByRole('button', { name: 'Withhold' }).click();
  await expect(item).toHaveAttribute('data-excluded', 'true');
  await expect(review).toContainText('withheld: 1');
  await review.getByText('Art. 15(1) information').click();
  await expect(review.getByTestId('art15-information')).toContainText(/Art\. 15/);
  await testInfo.attach('package-review', { body: await page.screenshot(), contentType: 'image/png' });

  await review.getByRole('button', { name: 'Review done – approve and deliver the package' }).click();
  // Asked first, naming what leaves; then held a moment for undo, and sent at once on request.
  const question = page.getByTestId('confirm-dialog');
  await expect(question).toContainText('A delivered package cannot be called back.');
  await question.getByRole('button', { name: 'Deliver' }).click();
  const undo = detail(page).getByTestId('undo-bar');
  await expect(undo).toContainText(/“Deliver the package” goes to the platform in \d+ s/);
  await undo.getByRole('button', { name: 'Send now' }).click();
  await expect(review.getByTestId('delivered')).toBeVisible({ timeout: 20_000 });
  await expect(undo).toHaveCount(0);
  const copy = page.waitForEvent('download');
  await review.getByTestId('download-package').click();
  expect((await copy).suggestedFilename()).toMatch(/^dsr_\w+-package\.zip$/);
  await detail(page).getByRole('button', { name: 'Complete' }).click();
  await confirmDialog(page, 'Complete and send');
  await expect(status(page)).toHaveText('Completed');
  await expect(detail(page).getByTestId('timeline')).toContainText(/Data package delivered: \d+ files, 1 items withheld/);

  await expectNoSeriousViolations(page);
});

test('an erasure restricts the invoices with their legal basis and lists the recipients to tell (Art. 19)', async ({
  page,
  consoleUrl,
}) => {
  await openQueue(page, consoleUrl);
  await intake(page, 'Erasure (Art. 17)');
  await page.keyboard.press('s');
  await expect(status(page)).toHaveText('In progress');
  // Nothing to tell recipients before the platform has erased anything.
  await expect(detail(page).getByTestId('recipient-tasks')).toHaveCount(0);
  // The erasure asks first (the focus on Cancel: Enter does not erase), waits its moment, and z takes it back.
  await page.keyboard.press('f');
  const question = page.getByTestId('confirm-dialog');
  await expect(question).toContainText('Erased data cannot be restored.');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await question.getByRole('button', { name: 'Start erasure' }).click();
  const undo = detail(page).getByTestId('undo-bar');
  await expect(undo).toBeVisible();
  await page.keyboard.press('z');
  await expect(undo).toHaveCount(0);
  await expect(detail(page).getByTestId('no-job')).toBeVisible();
  await page.keyboard.press('f');
  await question.getByRole('button', { name: 'Start erasure' }).click();
  await undo.getByRole('button', { name: 'Send now' }).click();
  const result = detail(page).getByTestId('erasure-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const invoices = result.locator('[data-category=invoices]');
  await expect(invoices).toHaveAttribute('data-outcome', 'restricted');
  await expect(invoices).toContainText('§ 147');
  await expect(invoices).toContainText(/until \d+ \w{3} 20\d\d/);
  await expect(result.locator('[data-category=login_history]')).toHaveAttribute('data-outcome', 'erased');
  // Forum posts stay, without the person, as the records of processing say (when there are any).
  await expect(result.locator('[data-category=forum_posts]')).toHaveAttribute('data-outcome', /^(anonymised|erased)$/);

  const tasks = detail(page).getByTestId('recipient-task');
  expect(await tasks.count()).toBeGreaterThan(1);
  const first = tasks.first();
  await first.getByRole('button', { name: 'Informed' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Record' }).click();
  await expect(first).toHaveAttribute('data-informed', today());
  await undo.getByRole('button', { name: 'Send now' }).click();
  await expect(undo).toHaveCount(0);
  await expect(detail(page).getByTestId('recipient-tasks')).toContainText(`1 of ${await tasks.count()} informed`);
  await expect(detail(page).getByTestId('timeline')).toContainText('Recipient informed (Art. 19)');
  // One erasure fulfils the request: it is not offered again.
  await expect(detail(page).getByTestId('start-job')).toHaveCount(0);
  await expectNoSeriousViolations(page);
  // Completing while recipients are still to be told is possible, and said; the letter names what was kept.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('recipients-uninformed')).toContainText('recipients not yet informed');
  // In the person's language: the letter names the kept invoices, their law and how long they are kept.
  await expect(dialog.getByTestId('required-parts')).toContainText(/Art\. 17 Abs\. 3 lit\. b|Art\. 17\(3\)\(b\)/);
  await expect(dialog.getByTestId('required-parts')).toContainText(/Rechnungen|Invoices/);
});

test('a denial cannot be saved without a reason; edited before the reason is chosen, its letter still carries the reasons, the complaint and the remedy', async ({
  page,
  consoleUrl,
}) => {
  await openQueue(page, consoleUrl);
  await page.getByTestId('queue-row').first().click();
  const before = await status(page).textContent();
  await detail(page).getByRole('button', { name: 'Deny' }).click();
  const dialog = page.getByRole('dialog');
  // The officer rewrites the letter first, leaving out everything the law requires.
  await expect(page.getByTestId('message-body')).toHaveValue(/Dear|Guten Tag/);
  await page.getByTestId('message-body').fill('Kurz und knapp.');
  await dialog.getByRole('button', { name: 'Deny and send the notice' }).click();
  await expect(dialog).toContainText('A denial needs a reason');
  await expect(dialog).toContainText('Explain the decision to the person');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('combobox', { name: 'Reason', exact: true }).click();
  await page.getByRole('option', { name: 'Excessive, e.g. repetitive (Art. 12(5))' }).click();
  await dialog
    .getByRole('textbox', { name: 'Explanation (goes into the notice)' })
    .fill('Vierter gleichlautender Antrag innerhalb von drei Monaten.');
  const parts = dialog.getByTestId('required-parts');
  await expect(parts).toContainText('Vierter gleichlautender Antrag');
  await expect(parts).toContainText(/Berliner Beauftragte für Datenschutz|Art\. 77/);
  await expect(parts).toContainText(/Art\. 79|judicial remedy/);
  expect(await status(page).textContent()).toBe(before);
  await dialog.getByRole('button', { name: 'Deny and send the notice' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText('Denied');
  await expect(detail(page).getByTestId('timeline')).toContainText('Denied – Excessive');
  // The letter as sent, in full: the officer's text and every required part.
  const letter = detail(page).getByTestId('sent-letter').first();
  await letter.locator('summary').click();
  await expect(letter).toContainText('Kurz und knapp.');
  await expect(letter).toContainText('Vierter gleichlautender Antrag innerhalb von drei Monaten.');
  await expect(letter).toContainText('Art. 79');
});

test('an extension is refused after the first month and granted, with its notice, within it', async ({ page, consoleUrl }) => {
  await openQueue(page, consoleUrl);
  await page.getByTestId('views').getByText('Overdue').click();
  await page.getByTestId('queue-row').first().click();
  await expect(detail(page).getByTestId('deadline')).toContainText('An extension is no longer possible');
  await detail(page).getByRole('button', { name: 'Extend' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('extension-closed')).toContainText('the first month ended on');
  await expect(dialog.getByRole('button', { name: 'Extend and send the notice' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('views').getByText('All open').click();
  // Beside an open request the filters fold behind one button, which then counts them.
  await page.getByTestId('filters-toggle').click();
  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Received: newest first' }).click();
  await expect(page.getByTestId('filters-toggle')).toHaveText('Filters (1 set)');
  await page.getByTestId('queue-row').first().click();
  const due = await detail(page).getByTestId('due-date').textContent();
  await page.keyboard.press('x');
  await dialog.getByRole('textbox', { name: 'Reasons (complexity, number of requests)' }).fill('Umfangreiche Daten aus mehreren Systemen.');
  await expect(dialog.getByTestId('required-parts')).toContainText('Umfangreiche Daten aus mehreren Systemen');
  await dialog.getByRole('button', { name: 'Extend and send the notice' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail(page).getByTestId('deadline')).toContainText('extended');
  await expect(detail(page).getByTestId('due-date')).not.toHaveText(due ?? '');
  await expect(detail(page).getByTestId('timeline')).toContainText('Period extended');
});

test('saved views, bulk assignment of a filtered set, the register export and the deadline settings', async ({ page, consoleUrl }) => {
  await openQueue(page, consoleUrl);
  await page.getByTestId('views').getByText('Overdue').click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const badges = await page.getByTestId('days-left').allInnerTexts();
  expect(badges.length).toBeGreaterThan(0);
  for (const badge of badges) expect(badge).toMatch(/overdue/);

  await page.getByTestId('views').getByText('Unassigned').click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByTestId('bulk-menu').click();
  await page.getByRole('menuitem', { name: 'Assign to me' }).click();
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByText(/\d+ changed, 0 unchanged/)).toBeVisible();
  await expect(page.getByText('No requests match these filters.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-register').click();
  expect((await download).suggestedFilename()).toMatch(/^dsar-register-\d{4}-\d\d-\d\d\.csv$/);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'German Land (holidays, supervisory authority)' }).click();
  await page.getByRole('option', { name: 'Bayern (DE-BY)' }).click();
  await expect(page.getByTestId('authority')).toContainText('Bayerisches Landesamt für Datenschutzaufsicht');
  await page.getByRole('radio', { name: 'While identity is being checked' }).check();
  await page.getByTestId('save-clock').click();
  await expect(page.getByText(/Saved; every deadline recomputed, \d+ moved/)).toBeVisible();
});
