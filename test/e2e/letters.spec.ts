import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text';
import { expect, openQueue, test } from './fixtures';

const detail = (page: Page) => page.getByTestId('request-detail');

/** Records a request that came by letter from someone without an account or e-mail address. */
async function letterIntake(page: Page, name: string) {
  await page.getByTestId('new-request').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Access (Art. 15)' }).click();
  await dialog.getByRole('combobox', { name: 'Received by' }).click();
  await page.getByRole('option', { name: 'Letter' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(dialog).toContainText('Without one, every reply goes by post.');
  await dialog.getByRole('textbox', { name: 'What the request says' }).fill('Brief vom 20.11.: bittet um Auskunft über alle Daten.');
  // Without e-mail and without an address nobody could answer: the form says so.
  await dialog.getByRole('button', { name: 'Record request' }).click();
  await expect(dialog.getByText('For a letter, or without an e-mail address, enter the postal address.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Postal address' }).fill('Am Markt 1, 04109 Leipzig');
  await dialog.getByRole('button', { name: 'Record request' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail(page).getByTestId('detail-subject')).toHaveText(name);
  await expect(detail(page)).toContainText('no e-mail address – replies by post');
}

test('a letter without e-mail is answered by post: the acknowledgement is printed as a PDF letter with the letterhead', async ({
  page,
  consoleUrl,
}, testInfo) => {
  await openQueue(page, consoleUrl);
  // The letterhead names the controller, as the records of processing do.
  await page.getByRole('link', { name: 'Records of processing' }).click();
  await page.getByRole('button', { name: 'PDF for the authority' }).click();
  await page.getByLabel('Controller (name)', { exact: true }).fill('Lernwerk Akademie GmbH');
  await page.getByLabel('Controller address').fill('Friedrichstraße 100, 10117 Berlin');
  await page.getByLabel('Controller contact').fill('datenschutz@lernwerk-akademie.de');
  await page.getByLabel('Data protection officer', { exact: true }).fill('Dr. Katrin Vogel');
  await page.getByLabel('DPO contact').fill('dsb@lernwerk-akademie.de');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Data-subject requests' }).click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  await letterIntake(page, 'Erika Mustermann');
  await detail(page).getByRole('button', { name: 'Acknowledge' }).click();
  const dialog = page.getByRole('dialog');
  // There is no e-mail address: the letter goes by post, to the address given.
  await expect(dialog.getByTestId('delivery').getByRole('radio', { name: 'Post' })).toBeChecked();
  await expect(dialog.getByTestId('delivery').getByRole('radio', { name: 'E-mail' })).toBeDisabled();
  await expect(dialog.getByTestId('delivery-hint')).toContainText('Printed as a letter to Am Markt 1, 04109 Leipzig');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  const timeline = detail(page).getByTestId('timeline');
  await expect(timeline).toContainText('Letter by post (Acknowledgement)');

  const print = timeline.getByTestId('print-letter');
  await expect(print).toBeVisible({ timeout: 15_000 });
  const download = page.waitForEvent('download');
  await print.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dsr_\w+-acknowledgement-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = pdfText(readFileSync((await file.path()) ?? ''));
  for (const line of [
    'Lernwerk Akademie GmbH',
    'Friedrichstraße 100',
    'Erika Mustermann',
    'Am Markt 1',
    '04109 Leipzig',
    'Guten Tag Erika Mustermann',
  ]) {
    expect(text, line).toContain(line);
  }
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Letter to a data subject (post)' })).toHaveCount(1);
  await testInfo.attach('audit-trail', { body: await page.screenshot(), contentType: 'image/png' });
});

test("the team's templates: a subject without the request id is refused; a new signature is a new version and signs the next letter", async ({
  page,
  consoleUrl,
  platform,
}, testInfo) => {
  await openQueue(page, consoleUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  const editor = page.getByTestId('template-settings');
  await expect(editor.getByTestId('template-version')).toHaveText('Version 1');
  await editor.getByTestId('template-subject').fill('Ihr Antrag auf {{type}}');
  await editor.getByTestId('template-signature').fill('Herzliche Grüße\nIhr Datenschutzteam der {{controller}}');
  await expect(editor.getByTestId('template-preview')).toContainText('Ihr Datenschutzteam der Lernwerk Akademie GmbH');
  await editor.getByTestId('template-note').fill('Persönlichere Grußformel');
  await editor.getByTestId('save-templates').click();
  await expect(editor.getByText('{{requestId}} must stay in this text.')).toBeVisible();

  await editor.getByTestId('template-subject').fill('Ihr Antrag auf {{type}} – {{requestId}}');
  await editor.getByTestId('save-templates').click();
  await expect(editor.getByTestId('template-version')).toHaveText('Version 2', { timeout: 15_000 });
  await editor.getByTestId('template-history').locator('summary').click();
  await expect(editor.getByTestId('template-version-row')).toHaveCount(2);
  await expect(editor.getByTestId('template-version-row').first()).toContainText('Persönlichere Grußformel');
  await testInfo.attach('templates', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  expect(await platform.get('/v1/letter-templates/tpl_de')).toMatchObject({ version: 2, note: 'Persönlichere Grußformel' });

  await page.getByRole('link', { name: 'Data-subject requests' }).click();
  await letterIntake(page, 'Jürgen Weiß');
  await detail(page).getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('message-closing')).toHaveValue(/^Herzliche Grüße\nIhr Datenschutzteam der /);
  await expect(page.getByRole('textbox', { name: 'Subject' })).toHaveValue(/^Ihr Antrag auf Auskunft \(Art\. 15 DSGVO\) – dsr_\w+$/);
});
