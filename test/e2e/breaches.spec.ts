import type { Page } from '@playwright/test';
import { spawnConsole } from '../support/console-process';
import { TEST_KEY, tempDir } from '../support/temp';
import { expect, test } from './fixtures';

/** A console signed in as another member of staff of the same platform. */
async function consoleAs(platform: { url: string; tokenOf(name: string): string }, name: string) {
  const dir = tempDir('pc-e2e-as-');
  const shell = await spawnConsole(
    ['--data-dir', dir.path, '--platform', platform.url, '--token', platform.tokenOf(name), '--poll-ms', '1000'],
    {
      PRIVACY_CONSOLE_CACHE_KEY: TEST_KEY,
    },
  );
  return {
    url: shell.url,
    output: shell.output,
    close: async () => {
      shell.child.kill('SIGTERM');
      await shell.exited;
      dir.remove();
    },
  };
}

async function openRegister(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('link', { name: 'Breaches' }).click();
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
    const decide = detail.getByTestId('decide-form');
    await decide.getByLabel('Tell the people affected (Art. 34)').uncheck();
    await decide.getByTestId('decide').click();
    await expect(decide.getByText('A decision that departs from the recommendation needs its justification.')).toBeVisible();
    await decide
      .getByLabel(/^Justification/)
      .fill('Forensik läuft; die Personen werden informiert, sobald feststeht, welche Rechnungen betroffen sind.');
    await decide.getByTestId('decide').click();
    await expect(detail.getByTestId('decision')).toContainText('authority yes, people no');
    await expect(page.getByTestId('incident-row').filter({ hasText: 'Ransomware auf dem Abrechnungsserver' })).toContainText(
      'Authority: notification decided',
    );
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
