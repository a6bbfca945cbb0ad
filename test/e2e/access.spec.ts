import { readFileSync } from 'node:fs';
import { consoleAs } from '../support/console-process';
import { pdfText } from '../support/pdf-text';
import { expect, test } from './fixtures';

test('a security lead reviews who sees payment records, a reviewer keeps one and revokes another, a leaver loses access, the evidence is exported', async ({
  page,
  platform,
}, testInfo) => {
  test.setTimeout(150_000);
  const lead = await consoleAs(platform, 'Sabine Krüger');
  let reviewTitle = '';
  try {
    await page.goto(lead.url);
    await page.getByRole('link', { name: 'Access rights' }).click();
    // The review: every grant exposing payment records, each reviewed by the holder's manager.
    await page.getByTestId('tab-reviews').click();
    await page.getByTestId('start-review').click();
    const form = page.getByTestId('review-form');
    reviewTitle = 'Zahlungsdaten Q4';
    await form.getByTestId('review-title').fill(reviewTitle);
    await form.getByTestId('review-categories').click();
    await page.getByRole('option', { name: 'Payments' }).click();
    await page.keyboard.press('Escape');
    await form.getByTestId('review-submit').click();
    const detail = page.getByTestId('review-detail');
    await expect(detail).toContainText(reviewTitle);
    // The platform puts the grants in it: the console shows them once it has them.
    await expect(detail.getByTestId('review-item').first()).toBeVisible({ timeout: 15_000 });
    await expect(detail.getByTestId('review-items')).toContainText('Finance: payment records');
    // Progress per reviewer; the reviewers with grants open are reminded.
    await expect(detail.locator('[data-testid="reviewer-progress"][data-reviewer="stf_albrecht"]')).toContainText('Jonas Albrecht');
    await detail.getByTestId('remind-reviewers').click();
    // Queued until the platform has it, then sent, with the instant per reviewer.
    await expect(detail.getByTestId('review-progress')).toContainText(/Reminder (queued|sent)/);
    await expect(detail.locator('[data-testid="reviewer-progress"][data-reviewer="stf_albrecht"]')).toContainText('reminded on', {
      timeout: 15_000,
    });
    await expect(detail.getByTestId('review-progress')).toContainText(/Reminder sent to \d+ reviewers?/);
    await testInfo.attach('review', { body: await page.screenshot(), contentType: 'image/png' });
  } finally {
    await lead.close();
  }

  // The finance head reviews the grants assigned to them.
  const reviewer = await consoleAs(platform, 'Jonas Albrecht');
  let kept = '';
  let revoked = '';
  try {
    await page.goto(reviewer.url);
    await page.getByRole('link', { name: 'Access rights' }).click();
    await page.getByTestId('tab-reviews').click();
    await page.getByTestId('review').filter({ hasText: reviewTitle }).getByTestId('open-review').click();
    const detail = page.getByTestId('review-detail');
    await detail.getByText('Assigned to me').click();
    const first = detail.getByTestId('review-item').nth(0);
    const second = detail.getByTestId('review-item').nth(1);
    kept = (await first.getAttribute('data-grant')) ?? '';
    revoked = (await second.getAttribute('data-grant')) ?? '';
    // Keeping a sensitive grant needs the reason.
    await first.getByTestId('decide-keep').click();
    await detail.getByTestId('decision-apply').click();
    await expect(detail.getByTestId('decision-form')).toContainText('Keeping a sensitive or privileged grant needs the reason');
    await detail.getByTestId('decision-justification').fill('Zahlungsabgleich ist Kernaufgabe der Stelle.');
    await detail.getByTestId('decision-apply').click();
    // Decided items leave the "open" list; the next one moves up.
    await expect(detail.locator(`[data-testid="review-item"][data-grant="${kept}"]`)).toHaveCount(0);
    const next = detail.locator(`[data-testid="review-item"][data-grant="${revoked}"]`);
    await next.getByTestId('decide-revoke').click();
    await detail.getByTestId('decision-justification').fill('Wechsel in die Buchhaltung Einkauf.');
    await detail.getByTestId('decision-apply').click();
    await expect(next).toHaveCount(0);
    // The decided ones, and the revocation as the platform carried it out (never shown revoked before).
    await detail.getByTestId('filter-decided').getByText('Decided').click();
    const done = detail.locator(`[data-testid="review-item"][data-grant="${revoked}"]`);
    await expect(done.getByTestId('item-decision')).toContainText('Decided by Jonas Albrecht: Revoke');
    await expect(done.getByTestId('grant-state')).toHaveAttribute('data-state', 'revoked', { timeout: 20_000 });
    await expect(done.getByTestId('grant-state')).toContainText('revoked on');
    await expect(detail.locator(`[data-testid="review-item"][data-grant="${kept}"]`).getByTestId('grant-state')).toHaveAttribute(
      'data-state',
      'live',
    );
  } finally {
    await reviewer.close();
  }

  // Back to the security lead: a leaver's grants revoked from the needs-attention list, and the evidence.
  const again = await consoleAs(platform, 'Sabine Krüger');
  try {
    await page.goto(again.url);
    await page.getByRole('link', { name: 'Access rights' }).click();
    // The checks' thresholds are the team's: dormant after 60 days instead of 90.
    await page.getByTestId('tab-check-settings').click();
    await page.getByTestId('dormant-days').fill('60');
    await page.getByTestId('check-settings-save').click();
    await expect(page.getByTestId('check-settings')).toContainText('Saved.');
    await page.getByTestId('tab-attention').click();
    await expect(page.locator('[data-testid="finding"][data-kind="dormant"]').first()).toContainText('No sign-in for over 60 days');
    const leaver = page.locator('[data-testid="finding"][data-kind="leaver"]').first();
    await expect(leaver).toContainText('Left on');
    const who = await leaver.getAttribute('data-employee');
    await leaver.getByTestId('revoke-now').click();
    // Asked, then applied by the platform: the finding goes once nothing is left to revoke.
    await expect(page.locator(`[data-testid="finding"][data-kind="leaver"][data-employee="${who}"]`)).toHaveCount(0, { timeout: 30_000 });
    await page.getByTestId('tab-reviews').click();
    await page.getByTestId('review').filter({ hasText: reviewTitle }).getByTestId('open-review').click();
    const detail = page.getByTestId('review-detail');
    const [csv] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('evidence-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^access-review-arv_[a-z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = readFileSync(await csv.path(), 'utf8');
    const row = (grant: string) => table.split('\r\n').find((line) => line.includes(`;${grant};`)) ?? '';
    expect(row(kept)).toContain('kept;Zahlungsabgleich ist Kernaufgabe der Stelle.;Jonas Albrecht');
    expect(row(revoked)).toMatch(/revoked;Wechsel in die Buchhaltung Einkauf\.;Jonas Albrecht;[^;]+;[^;]+;[^;]+;/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('evidence-pdf').click()]);
    const text = pdfText(readFileSync(await pdf.path()));
    expect(text).toContain('ISO/IEC 27001:2022 A.5.18');
    expect(text).toContain('SOC 2 CC6.2');
    // Both files are in the audit trail with their fingerprints.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(
      page.locator('[data-testid=audit-entry][data-kind=export]').filter({ hasText: 'Evidence of an access review' }),
    ).toHaveCount(2);
  } finally {
    await again.close();
  }
});
