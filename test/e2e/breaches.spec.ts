import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { consoleAs } from '../support/console-process';
import { pdfText } from '../support/pdf-text';
import { expect, test } from './fixtures';

async function openRegister(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('link', { name: 'Breaches', exact: true }).click();
  await expect(page.getByTestId('incident-row').first()).toBeVisible();
}

test('a security lead logs a ransomware incident, the assessment recommends notifying, an officer decides with a reason', async ({
  page,
  platform,
}, testInfo) => {
  const lead = await consoleAs(platform, 'Sabine Krüger');
  try {
    await openRegister(page, lead.url);
    await expect(page.getByTestId('incident-row')).toHaveCount(30);
    await page.getByTestId('log-incident').click();
    const form = page.getByTestId('incident-form');
    await form.getByLabel('Title').fill('Ransomware auf dem Abrechnungsserver');
    await form.getByLabel('What happened?').fill('Dateien der Abrechnung verschlüsselt, Lösegeldforderung; Abfluss nicht ausgeschlossen.');
    await form.getByRole('combobox', { name: 'Kind of incident' }).click();
    await page.getByRole('option', { name: 'Ransomware' }).click();
    await form.getByRole('combobox', { name: 'Loss of' }).fill('Confid');
    await page.getByRole('option', { name: 'Confidentiality' }).click();
    await form.getByRole('combobox', { name: 'Loss of' }).fill('Avail');
    await page.getByRole('option', { name: 'Availability' }).click();
    await form.getByRole('combobox', { name: 'Categories of data concerned' }).fill('Invoi');
    await page.getByRole('option', { name: 'Invoices' }).click();
    await form.getByLabel('People affected (at least)').fill('200');
    await form.getByLabel('at most').first().fill('400');
    await form.getByTestId('save-incident').click();

    const detail = page.getByRole('dialog', { name: 'Ransomware auf dem Abrechnungsserver' });
    await expect(detail).toBeVisible();
    // The clock runs from awareness, in hours: a little under 72 left.
    await expect(detail.getByTestId('clock')).toHaveText(/^(7[01] h \d+|72 h 0) min left$/);
    await expect(detail.getByTestId('deadline')).toContainText('Notify the supervisory authority by');

    await detail.getByTestId('tab-assessment').click();
    await detail.getByTestId('assess-form').getByRole('combobox', { name: 'Loss of confidentiality' }).click();
    await page.getByRole('option', { name: 'unlimited or not recoverable (+0.5)' }).click();
    await detail.getByTestId('assess').click();
    await expect(detail.getByTestId('assessment-band')).toHaveText('Very high');
    await expect(detail.getByTestId('assessment-reasoning')).toHaveText('DPC 3 (highest category) × EI 1 + CB 1.25 = 4.25');
    await expect(detail.getByTestId('recommendation')).toHaveText(
      'Recommended by the notification policy: authority yes, people affected yes',
    );
    // The lead does not decide: no decision form for this role.
    await expect(detail.getByTestId('decide-form')).toHaveCount(0);
    // A changed fact re-runs the assessment, and the timeline says what moved.
    await detail.getByRole('tab', { name: 'Overview' }).click();
    await detail.getByTestId('edit-facts').click();
    const edit = page.getByTestId('incident-form');
    await edit.getByRole('combobox', { name: 'Categories of data concerned' }).fill('Account');
    await page.getByRole('option', { name: 'Account' }).click();
    await edit.getByTestId('save-incident').click();
    await expect(edit).toHaveCount(0);
    await detail.getByTestId('tab-timeline').click();
    await expect(detail.getByTestId('incident-timeline')).toContainText('facts changed: Data categories');
    // Account data (DPC 1) beside invoices (DPC 3): the highest category still counts, nothing moved.
    await expect(detail.getByTestId('incident-timeline')).toContainText(
      'assessed again after changed facts: Very high (4.25), nothing moved',
    );
    await detail.getByTestId('tab-assessment').click();
    await expect(detail.getByTestId('earlier-assessments')).toContainText('Very high (4.25)');
    await testInfo.attach('assessment', {
      body: await page.screenshot({ path: testInfo.outputPath('assessment.png') }),
      contentType: 'image/png',
    });
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
  } finally {
    if (process.env.E2E_DEBUG) console.log(lead.output());
    await lead.close();
  }

  const officer = await consoleAs(platform, 'Jonas Albrecht');
  try {
    await openRegister(page, officer.url);
    await page.getByRole('button', { name: 'Ransomware auf dem Abrechnungsserver' }).click();
    const detail = page.getByRole('dialog', { name: 'Ransomware auf dem Abrechnungsserver' });
    await detail.getByTestId('tab-assessment').click();
    const decide = detail.getByTestId('decide-form');
    await decide.getByLabel('Tell the people affected (Art. 34)').uncheck();
    await decide.getByTestId('decide').click();
    await expect(decide.getByText('A decision that departs from the recommendation needs its justification.')).toBeVisible();
    await decide
      .getByLabel(/^Justification/)
      .fill('Forensik läuft; die Personen werden informiert, sobald feststeht, welche Rechnungen betroffen sind.');
    await decide.getByTestId('decide').click();
    await expect(detail.getByTestId('decision')).toContainText('authority yes, people no');
    // Deciding does not stop the clock: the report to the authority does (Art. 33(1)).
    await expect(
      page.getByTestId('incident-row').filter({ hasText: 'Ransomware auf dem Abrechnungsserver' }).getByTestId('clock'),
    ).toBeVisible();
    await testInfo.attach('decision', {
      body: await page.screenshot({ path: testInfo.outputPath('decision.png') }),
      contentType: 'image/png',
    });
    // The register for the file: every incident with its decision, logged as an export.
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-register').click();
    expect((await download).suggestedFilename()).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}\.csv$/);
  } finally {
    await officer.close();
  }
});

/** Logs an incident through the form; `hoursAgo` sets when the company became aware. */
async function logIncident(page: Page, title: string, hoursAgo = 0) {
  await page.getByTestId('log-incident').click();
  const form = page.getByTestId('incident-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('What happened?').fill('Dateien der Abrechnung verschlüsselt, Lösegeldforderung; Abfluss nicht ausgeschlossen.');
  await form.getByRole('combobox', { name: 'Kind of incident' }).click();
  await page.getByRole('option', { name: 'Ransomware' }).click();
  if (hoursAgo) {
    const aware = form.getByLabel(/^Aware at/);
    const value = await aware.inputValue();
    const earlier = new Date(Date.parse(`${value}:00Z`) - hoursAgo * 3_600_000).toISOString().slice(0, 16);
    await form.getByLabel(/^Discovered at/).fill(earlier);
    await aware.fill(earlier);
  }
  await form.getByRole('combobox', { name: 'Loss of' }).fill('Confid');
  await page.getByRole('option', { name: 'Confidentiality' }).click();
  await form.getByRole('combobox', { name: 'Categories of data concerned' }).fill('Invoi');
  await page.getByRole('option', { name: 'Invoices' }).click();
  await form.getByLabel('People affected (at least)').fill('200');
  await form.getByLabel('at most').first().fill('400');
  await form.getByTestId('save-incident').click();
  const detail = page.getByRole('dialog', { name: title });
  await expect(detail).toBeVisible();
  return detail;
}

/** Assesses with an unlimited loss of confidentiality (very high) and records the recommended decision. */
async function assessAndDecide(page: Page, detail: Locator) {
  await detail.getByTestId('tab-assessment').click();
  await detail.getByTestId('assess-form').getByRole('combobox', { name: 'Loss of confidentiality' }).click();
  await page.getByRole('option', { name: /^unlimited or not recoverable/ }).click();
  await detail.getByTestId('assess').click();
  await expect(detail.getByTestId('assessment-band')).toHaveText('Very high');
}

/** Confirms the dialog, then sends the held write at once instead of after its moment for undo. */
async function confirmAndSend(page: Page) {
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Record as submitted' }).click();
  await page.getByTestId('undo-bar').getByRole('button', { name: 'Send now' }).click();
}

test('an officer works the playbook, reports in phases under the reference, tells the people, and exports the register', async ({
  page,
  platform,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await consoleAs(platform, 'Anna Schmitt');
  try {
    // The controller and its DPO, as the report names them (set once, in the records of processing).
    await page.goto(admin.url);
    await page.getByRole('link', { name: 'Records of processing' }).click();
    await page.getByRole('button', { name: 'PDF for the authority' }).click();
    await page.getByLabel('Controller (name)', { exact: true }).fill('Lernwerk Akademie GmbH');
    await page.getByLabel('Controller address').fill('Friedrichstraße 100, 10117 Berlin');
    await page.getByLabel('Controller contact').fill('kontakt@lernwerk-akademie.de');
    await page.getByLabel('Data protection officer', { exact: true }).fill('Dr. Katrin Vogel');
    await page.getByLabel('DPO contact').fill('datenschutz@lernwerk-akademie.de');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('link', { name: 'Breaches', exact: true }).click();
    await expect(page.getByTestId('incident-row').first()).toBeVisible();
    const detail = await logIncident(page, 'Ransomware auf dem Lernserver');

    // The playbook of the family, instantiated: a task with evidence is ticked with where the evidence is.
    await detail.getByTestId('tab-playbook').click();
    await expect(detail.getByTestId('tasks-progress')).toHaveText('0 of 9 done');
    const isolate = detail.locator('[data-testid="task"][data-key="contain-isolate"]');
    await isolate.getByTestId('tick-task').click();
    await isolate.getByTestId('task-evidence').fill('Ticket SEC-4711');
    await isolate.getByTestId('confirm-task').click();
    await expect(isolate).toHaveAttribute('data-done', 'true');
    await expect(detail.getByTestId('tasks-progress')).toHaveText('1 of 9 done');

    await assessAndDecide(page, detail);
    await detail.getByTestId('decide').click();
    await expect(detail.getByTestId('decision')).toContainText('authority yes, people yes');

    // The report is incomplete: the composer says what is missing, and submitting is refused.
    await detail.getByTestId('tab-reports').click();
    await expect(detail.getByTestId('report-authority')).toHaveText('To: Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    await expect(detail.getByTestId('report-missing')).toContainText('the likely consequences (Art. 33(3)(c))');
    await detail.getByTestId('submit-report').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Record as submitted' }).click();
    await expect(detail.getByTestId('report-error')).toContainText('The report cannot be submitted yet. Missing: the likely consequences');

    await detail.getByRole('tab', { name: 'Overview' }).click();
    await detail.getByTestId('consequences').fill('Rechnungen kamen verspätet; Missbrauch der Rechnungsdaten möglich.');
    await detail.getByTestId('measures').fill('Server isoliert, aus dem Backup wiederhergestellt, Zugänge erneuert.');
    await detail.getByTestId('save-aftermath').click();
    await detail.getByTestId('tab-reports').click();
    await expect(detail.getByTestId('report-ready')).toBeVisible();
    await detail.getByTestId('submit-report').click();
    await confirmAndSend(page);
    await expect(detail.getByTestId('report')).toHaveCount(1);
    // Reported: the clock stops with the report, not with the decision.
    await expect(detail.getByTestId('deadline')).toHaveCount(0);
    await expect(detail.getByTestId('report-sha')).toHaveText(/^SHA-256 [0-9a-f]{64}$/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('report-pdf').click()]);
    const text = pdfText(readFileSync(await pdf.path()));
    expect(text).toContain('Erstmeldung');
    expect(text).toContain('Rechnungen kamen verspätet');

    // The authority's reference, then a follow-up under it.
    await detail.getByTestId('reference').fill('BlnBDI-DP-2026-0042');
    await detail.getByTestId('set-reference').click();
    await expect(detail.getByTestId('authority-reference')).toHaveText('BlnBDI-DP-2026-0042');
    await detail.getByRole('combobox', { name: 'Kind of report' }).click();
    await page.getByRole('option', { name: 'Follow-up report' }).click();
    await detail.getByTestId('report-update').fill('Forensik abgeschlossen: kein Abfluss von Daten festgestellt.');
    await expect(detail.getByTestId('report-ready')).toBeVisible();
    await detail.getByTestId('submit-report').click();
    await confirmAndSend(page);
    await expect(detail.getByTestId('report')).toHaveCount(2);
    await testInfo.attach('reports', { body: await page.screenshot(), contentType: 'image/png' });

    // The people affected: a notice in both languages, sent by the platform, delivered with counts.
    await detail.getByTestId('tab-people').click();
    const composer = detail.getByTestId('notice-composer');
    await composer.getByRole('combobox', { name: 'Recipients' }).click();
    await page.getByRole('option', { name: 'Signed in between' }).click();
    await composer.getByLabel('Signed in from').fill('2020-01-01');
    await composer.getByLabel('to', { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await expect(composer.getByTestId('notice-reach')).toHaveText(/^Reaches [\d,]+ accounts of the platform\.$/);
    await composer.getByTestId('notice-de-what').fill('Angreifer haben unseren Abrechnungsserver verschlüsselt.');
    await composer.getByTestId('notice-de-advice').fill('Bitte prüfen Sie Ihre Rechnungen und melden Sie Auffälligkeiten.');
    await composer.getByText('English', { exact: true }).click();
    await composer.getByTestId('notice-en-what').fill('Attackers encrypted our billing server.');
    await composer.getByTestId('notice-en-consequences').fill('Invoices were late; billing data may be misused.');
    await composer.getByTestId('notice-en-measures').fill('We isolated the server and restored it from the backup.');
    await composer.getByTestId('notice-en-advice').fill('Please check your invoices and tell us about anything odd.');
    await expect(composer.getByTestId('notice-preview')).toContainText('What you can do');
    await composer.getByTestId('send-notice').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Send through the platform' }).click();
    await expect(detail.locator('[data-testid="notice"][data-state="done"]')).toBeVisible({ timeout: 45_000 });
    await expect(detail.getByTestId('notice-counts')).toContainText(/[\d,]+ delivered · [\d,]+ bounced · [\d,]+ sent · 0 waiting/);
    await testInfo.attach('notice', { body: await page.screenshot(), contentType: 'image/png' });
    await page.keyboard.press('Escape');

    // A notification after the 72 hours is refused without the reasons for the delay.
    const late = await logIncident(page, 'Verspätet bemerkter Zugriff', 80);
    await expect(late.getByTestId('clock')).toHaveAttribute('data-passed', 'true');
    await assessAndDecide(page, late);
    await late.getByTestId('decide').click();
    await expect(late.getByText('The 72 hours have passed: give the reasons for the delay (Art. 33(1) GDPR).')).toBeVisible();
    await late.getByLabel('Reasons for the delay (Art. 33(1))').fill('Der Zugriff wurde erst bei der Monatsabrechnung sichtbar.');
    await late.getByTestId('decide').click();
    await expect(late.getByTestId('decision')).toContainText('authority yes');
    await page.keyboard.press('Escape');

    // The keyboard: down the register, open an incident, its tabs by number; the drawer passes an accessibility audit.
    await page.keyboard.press('j');
    await expect(page.locator('[data-testid="incident-row"][data-selected="true"]')).toHaveCount(1);
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog');
    await expect(opened).toBeVisible();
    await page.keyboard.press('4');
    await expect(opened.getByRole('tab', { name: 'Report to the authority' })).toHaveAttribute('aria-selected', 'true');
    const audit = await new AxeBuilder({ page }).include('[role=dialog]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');

    // The register for the file, as a PDF.
    const [register] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-register-pdf').click()]);
    expect(register.suggestedFilename()).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdfText(readFileSync(await register.path()))).toContain('Ransomware auf dem Lernserver');
  } finally {
    if (process.env.E2E_DEBUG) console.log(admin.output());
    await admin.close();
  }
});
