import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text';
import { expect, test } from './fixtures';

async function openRegistry(page: Page, consoleUrl: string) {
  await page.goto(consoleUrl);
  await page.getByRole('link', { name: 'Processors' }).click();
  await expect(page.getByTestId('processor-row').first()).toBeVisible();
}

async function expectAccessible(page: Page, scope?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const audit = await (scope ? builder.include(scope) : builder).analyze();
  const serious = audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('add a processor with a transfer to a third country and complete its DPA checklist', async ({
  page,
  consoleUrl,
  platform,
}, testInfo) => {
  await openRegistry(page, consoleUrl);
  await page.getByRole('button', { name: 'Add processor' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Legal name').fill('Tutorbot Labs Inc.');
  await pick(page, 'Service', 'LMS component');
  await form.getByRole('combobox', { name: 'Purposes' }).fill('KI-Tutor im Kurs');
  await form.getByRole('combobox', { name: 'Purposes' }).press('Enter');
  await form.getByRole('combobox', { name: 'Data categories' }).fill('Chatverläufe');
  await form.getByRole('combobox', { name: 'Data categories' }).press('Enter');
  const countries = form.getByRole('combobox', { name: 'Processing countries' });
  await countries.fill('United States');
  await page.getByRole('option', { name: /United States \(US\)/ }).click();
  await pick(page, 'Safeguard (Chapter V)', 'Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR)');
  await pick(page, 'SCC module (2021/914)', 'Module 2');
  await form.getByLabel('Transfer impact assessment on').fill('2026-11-20');
  await form.getByLabel('Signed on').fill('2026-11-25');
  await form.getByLabel('Expires on').fill('2028-11-24');
  for (const checkbox of await form.getByRole('checkbox').all()) await checkbox.check();
  await form.getByRole('textbox', { name: 'Note on (h)' }).fill('Audit report yearly (SOC 2)');
  await testInfo.attach('processor-form', { body: await page.screenshot(), contentType: 'image/png' });
  await form.getByRole('button', { name: 'Save' }).click();

  const row = page.getByTestId('processor-row').filter({ hasText: 'Tutorbot Labs Inc.' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('dpa-summary')).toContainText('8/8 clauses');
  await expect(row).toContainText('Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR) · 2');
  await expect(row.getByTestId('processor-pending')).toHaveCount(0);
  const { processors } = (await platform.get('/v1/processors')) as {
    processors: { legalName: string; countries: string[]; dpa: { clauses: Record<string, { met: boolean; note: string }> } }[];
  };
  const saved = processors.find((p) => p.legalName === 'Tutorbot Labs Inc.');
  expect(saved?.countries).toEqual(['DE', 'US']);
  expect(Object.values(saved?.dpa.clauses ?? {}).every((c) => c.met)).toBe(true);
  expect(saved?.dpa.clauses.h.note).toBe('Audit report yearly (SOC 2)');
});

test('the registry rules show in the form and nothing is saved', async ({ page, consoleUrl }) => {
  await openRegistry(page, consoleUrl);
  const before = await page.getByTestId('processor-row').count();
  await page.getByRole('button', { name: 'Add processor' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Legal name').fill('Offshore Analytics Pvt. Ltd.');
  await form.getByRole('combobox', { name: 'Processing countries' }).fill('India');
  await page.getByRole('option', { name: /India \(IN\)/ }).click();
  await form.getByLabel('Signed on').fill('2026-06-01');
  await form.getByLabel('Expires on').fill('2026-05-01');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Please check the marked fields.');
  // The rules speak the user's language and name the country, never the validator's text.
  await expect(form).toContainText('Data goes to a third country (IN): a safeguard under Arts. 44–49 GDPR is required.');
  await expect(form).toContainText('cannot expire before it was signed');
  await pick(page, 'Safeguard (Chapter V)', 'Adequacy decision (Art. 45 GDPR)');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText('No adequacy decision covers IN (Art. 45 GDPR).');
  await expect(form).not.toContainText('✖');
  // The dialog only: the page behind the overlay is dimmed on purpose.
  await expectAccessible(page, '[role=dialog]');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('processor-row')).toHaveCount(before);
});

test('edit a processor: a DPA clause note reaches the platform', async ({ page, consoleUrl, platform }) => {
  await openRegistry(page, consoleUrl);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Edit: Interaktiv Læring AS' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('checkbox', { name: /\(d\) Conditions for sub-processors/ }).check();
  await form.getByRole('textbox', { name: 'Note on (d)' }).fill('Liste der Unterauftragsverarbeiter erhalten');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = page.getByTestId('processor-row').filter({ hasText: 'Interaktiv Læring AS' });
  await expect(row.getByTestId('dpa-summary')).toContainText('8/8 clauses');
  await expect
    .poll(async () => {
      const { processors } = (await platform.get('/v1/processors')) as {
        processors: { id: string; dpa: { clauses: { d: { note: string } } } }[];
      };
      return processors.find((p) => p.id === 'prc_lms-h5quiz')?.dpa.clauses.d.note;
    })
    .toBe('Liste der Unterauftragsverarbeiter erhalten');
});

test('the new processor, linked to an activity, is in the exported records of processing', async ({ page, consoleUrl }, testInfo) => {
  await openRegistry(page, consoleUrl);
  await page.getByRole('button', { name: 'Add processor' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Legal name').fill('Tutorbot Labs Inc.');
  await form.getByRole('combobox', { name: 'Processing countries' }).fill('United States');
  await page.getByRole('option', { name: /United States \(US\)/ }).click();
  await pick(page, 'Safeguard (Chapter V)', 'Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR)');
  await pick(page, 'SCC module (2021/914)', 'Module 2');
  await form.getByLabel('Signed on').fill('2026-11-25');
  for (const checkbox of await form.getByRole('checkbox').all()) await checkbox.check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('processor-row').filter({ hasText: 'Tutorbot Labs Inc.' }).getByTestId('dpa-summary')).toContainText(
    '8/8 clauses',
  );

  await page.getByRole('link', { name: 'Records of processing' }).click();
  await page.getByRole('button', { name: 'PDF for the authority' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs the controller and DPO details' })).toBeVisible();
  await page.getByLabel('Controller (name)', { exact: true }).fill('Lernwerk Akademie GmbH');
  await page.getByLabel('Controller address').fill('Friedrichstraße 100, 10117 Berlin');
  await page.getByLabel('Controller contact').fill('datenschutz@lernwerk-akademie.de');
  await page.getByLabel('Data protection officer', { exact: true }).fill('Dr. Katrin Vogel');
  await page.getByLabel('DPO contact').fill('dsb@lernwerk-akademie.de');
  await page.getByRole('button', { name: 'Save' }).click();

  await page.getByRole('button', { name: 'Edit: Kundensupport' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('combobox', { name: 'Recipients from the registry' }).click();
  await page.getByRole('option', { name: 'Tutorbot Labs Inc.' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('activity-row').filter({ hasText: 'Kundensupport' }).getByTestId('activity-recipients')).toContainText(
    'Tutorbot Labs Inc.',
  );
  await expect(page.getByTestId('activity-pending')).toHaveCount(0);

  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDF for the authority' }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^records-of-processing-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = pdfText(readFileSync(await pdfDownload.path()));
  expect(text).toContain('Processing activity: Kundensupport');
  expect(text).toContain('Tutorbot Labs Inc. (Processor, DE, US)');
  expect(text).toContain('Tutorbot Labs Inc. -> US: Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR), module 2');
  expect(text).toContain('Lernwerk Akademie GmbH');
  await testInfo.attach('records-of-processing.pdf', { path: await pdfDownload.path(), contentType: 'application/pdf' });

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (spreadsheet)' }).click()]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.split('\r\n').find((line) => line.includes('Kundensupport'))).toContain('Tutorbot Labs Inc. (Processor, DE, US)');
  await testInfo.attach('records-page', { body: await page.screenshot(), contentType: 'image/png' });
});

test('needs attention: an open objection window is shown until the officer records a decision', async ({ page, consoleUrl, platform }) => {
  await openRegistry(page, consoleUrl);
  const attention = page.getByTestId('needs-attention');
  await expect(attention).toContainText('Ledgerly Ltd.');
  await expect(attention).toContainText('Interaktiv Læring AS: review overdue');

  await page.getByRole('button', { name: 'Edit: Zahlwerk Payments Europe Ltd.' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByTestId('sub-processor')).toHaveCount(2);
  const notice = form
    .getByTestId('change-notice')
    .filter({ has: page.getByRole('textbox', { name: 'Name' }).and(page.locator('[value="Ledgerly Ltd."]')) });
  await expect(notice.getByTestId('objection-window')).toContainText('Object by 2026-12-20');
  await notice.getByRole('combobox', { name: 'Decision' }).click();
  await page.getByRole('option', { name: 'Objected' }).click();
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(attention).not.toContainText('Ledgerly Ltd.');
  await expect
    .poll(async () => {
      const { processors } = (await platform.get('/v1/processors')) as {
        processors: { id: string; changeNotices: { id: string; decision: string; decidedAt: string | null }[] }[];
      };
      return processors.find((p) => p.id === 'prc_payments-zahlwerk')?.changeNotices.find((n) => n.id === 'cn-zw-2026-11');
    })
    .toMatchObject({ decision: 'objected', decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
});

test('the registry warns where it matters: DPA gaps, a new sub-processor abroad, a US recipient under adequacy', async ({
  page,
  consoleUrl,
}) => {
  await openRegistry(page, consoleUrl);
  const attention = page.getByTestId('needs-attention');
  await expect(attention).toContainText('Interaktiv Læring AS: the DPA does not cover Art. 28(3)(d) GDPR');
  await expect(attention).toContainText('the new sub-processor Ledgerly Ltd. (GB) is in a third country');

  // The notice asks for the safeguard; once recorded that question is gone (the objection window stays).
  await page.getByRole('button', { name: 'Edit: Zahlwerk Payments Europe Ltd.' }).click();
  let form = page.getByRole('dialog');
  await pick(page, 'Safeguard for the transfer (GB)', 'Adequacy decision (Art. 45 GDPR)');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(attention).not.toContainText('is in a third country');
  await expect(attention).toContainText('you may object to Ledgerly Ltd.');

  // A US recipient under adequacy: asked about the DPF; "No" refuses the mechanism, "not checked" is a reminder.
  await page.getByRole('button', { name: 'Add processor' }).click();
  form = page.getByRole('dialog');
  await form.getByLabel('Legal name').fill('Quizly Inc.');
  await form.getByRole('combobox', { name: 'Processing countries' }).fill('United States');
  await page.getByRole('option', { name: /United States \(US\)/ }).click();
  await pick(page, 'Safeguard (Chapter V)', 'Adequacy decision (Art. 45 GDPR)');
  const dpf = form.getByTestId('dpf-question');
  await expect(dpf).toContainText('Is Quizly Inc. certified under the EU-US Data Privacy Framework?');
  await dpf.getByRole('radio', { name: 'No', exact: true }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(dpf).toContainText('Without certification under the EU-US Data Privacy Framework no adequacy decision covers the US');
  await dpf.getByRole('radio', { name: 'Not checked yet' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(attention).toContainText('Quizly Inc.: transfer to the US under the adequacy decision – is Quizly Inc. certified');
  await expect(attention).toContainText('Quizly Inc.: no signed data processing agreement recorded');
});
