import { consoleAs } from '../support/console-process';
import { expect, test } from './fixtures';

test('legal drafts a change with a safe preview, a second person approves and schedules it, the platform publishes it on time', async ({
  page,
  platform,
}, testInfo) => {
  test.setTimeout(180_000);
  const legal = await consoleAs(platform, 'Felix Hartmann');
  try {
    await page.goto(legal.url);
    await page.getByRole('link', { name: 'Policies' }).click();
    const privacy = page.locator('[data-testid="policy-document"][data-document="privacy"][data-language="de"]');
    await expect(privacy).toContainText('In force since');
    await privacy.getByTestId('new-version').click();
    const detail = page.getByRole('dialog', { name: 'Privacy policy (German), version 2' });
    await expect(detail.getByTestId('policy-status')).toHaveText('Draft');
    // Raw HTML in a section is shown as text in the preview, never run.
    const section = detail.locator('[data-testid="policy-section"][data-section="s-11"]');
    await section.getByTestId('section-body').fill('Zahlungen wickelt die **Zahlwerk GmbH** ab. <img src=x onerror="window.pwned=1">');
    await expect(section.locator('strong')).toHaveText('Zahlwerk GmbH');
    await expect(section).toContainText('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await detail.getByTestId('policy-summary').fill('Neuer Zahlungsdienstleister (Abschnitt 11)');
    await detail.getByTestId('save-policy').click();
    await detail.getByTestId('tab-compare').click();
    await expect(detail.locator('[data-testid="diff-section"][data-change="changed"]')).toHaveCount(1);
    await expect(detail.getByTestId('change-summary')).toContainText(/^11\. Zahlungsabwicklung: changed \(\+\d+ \/ −\d+ words\)$/);
    await expect(detail.getByTestId('policy-diff').locator('ins')).toContainText(['Zahlwerk']);
    await detail.getByTestId('diff-layout').getByText('Side by side').click();
    await expect(detail.getByTestId('diff-split')).toHaveCount(1);
    await expect(detail.getByTestId('diff-split').locator('del').first()).toBeVisible();
    await detail.getByRole('tab', { name: 'Text' }).click();
    // Material or minor: a new recipient proposes material; the author confirms with a reason.
    const classification = detail.getByTestId('policy-classification');
    await classification.getByLabel('New recipients or categories of processors?').check();
    await expect(classification.getByTestId('classification-proposed')).toHaveText('Proposed by the answers: material');
    await classification.getByTestId('classification-reason').fill('Neuer Zahlungsdienstleister: Nutzer werden aktiv informiert.');
    await classification.getByTestId('classify-policy').click();
    await expect(classification.getByTestId('classification-recorded')).toContainText('Classified as material by Felix Hartmann');
    // The policy against Art. 13 and the registry: what is missing, what the registry has that the text does not.
    await detail.getByTestId('tab-check').click();
    await expect(detail.locator('[data-testid="art13-item"][data-item="dpo"]')).toHaveAttribute('data-found', 'false');
    await expect(detail.locator('[data-testid="art13-item"][data-item="rights"]')).toHaveAttribute('data-found', 'true');
    const hint = detail.locator('[data-testid="registry-hint"][data-key="activity:act_support"]');
    await hint.getByTestId('dismiss-hint').click();
    await hint.getByTestId('hint-reason').fill('Der Support ist in Abschnitt 19 beschrieben.');
    await hint.getByTestId('confirm-dismiss').click();
    await expect(detail.getByTestId('dismissed-hint')).toContainText('Der Support ist in Abschnitt 19 beschrieben.');
    await detail.getByRole('tab', { name: 'Text' }).click();
    await detail.getByTestId('submit-policy').click();
    await expect(detail.getByTestId('policy-status')).toHaveText('In review');
    // Four eyes: the author is told someone else approves.
    await expect(detail.getByTestId('four-eyes')).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
    await testInfo.attach('draft', { body: await page.screenshot(), contentType: 'image/png' });
  } finally {
    await legal.close();
  }

  const officer = await consoleAs(platform, 'Jonas Albrecht');
  try {
    await page.goto(officer.url);
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.locator('[data-testid="policy-version"][data-id="pol_privacy_de_2"]').getByRole('button').click();
    const detail = page.getByRole('dialog', { name: 'Privacy policy (German), version 2' });
    // A review comment on the changed section, resolved once read, then the approval.
    const reviewed = detail.locator('[data-testid="policy-section"][data-section="s-11"]');
    await reviewed.getByTestId('comment-text').fill('Bitte den Sitz der Zahlwerk GmbH nennen.');
    await reviewed.getByTestId('add-comment').click();
    await expect(reviewed.getByTestId('section-comment')).toContainText('Jonas Albrecht: Bitte den Sitz der Zahlwerk GmbH nennen.');
    await reviewed.getByRole('button', { name: 'Resolved' }).click();
    await expect(reviewed.getByTestId('section-comment')).toHaveAttribute('data-resolved', 'true');
    await detail.getByTestId('approve-policy').click();
    await expect(detail.getByTestId('policy-status')).toHaveText('Approved');
    // In a minute or so (the field takes minutes): the platform publishes then, with no console asked.
    const soon = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(new Date(Date.now() + 90_000))
      .replace(' ', 'T');
    await detail.getByTestId('policy-effective-at').fill(soon);
    await detail.getByTestId('schedule-policy').click();
    await expect(detail.getByTestId('policy-status')).toHaveText('Scheduled');

    // A material change is told to users before it takes effect: here in a minute and a half, so the short
    // lead needs its reason. The platform counts whom it reaches, then sends, and the chart fills.
    await detail.getByTestId('tab-campaign').click();
    const planner = detail.getByTestId('campaign-planner');
    await expect(planner.getByTestId('campaign-audience')).toContainText(/The platform counts [\d,]+ open accounts using German\./);
    await expect(planner.getByTestId('campaign-lead')).toContainText('Users then have 0 days');
    await planner.getByTestId('campaign-lead-days').fill('0');
    await planner.getByTestId('campaign-short-reason').fill('Vorführung: die Änderung tritt in anderthalb Minuten in Kraft.');
    await planner.getByTestId('campaign-start').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Start the campaign' }).click();
    const campaign = detail.getByTestId('campaign');
    await expect(campaign).toHaveAttribute('data-state', 'sending', { timeout: 15_000 });
    await expect(campaign).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
    await expect(campaign.getByTestId('campaign-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(campaign.getByTestId('campaign-totals')).toContainText(/Acknowledged[\d,]+\d+(\.\d)? % of the accounts addressed/);
    await testInfo.attach('campaign', { body: await page.screenshot(), contentType: 'image/png' });
    // A reminder to those who have not acknowledged yet.
    await campaign.getByTestId('campaign-remind').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remind' }).click();
    await expect(campaign.getByTestId('campaign-waves')).toContainText('2. Reminder');

    await expect(detail.getByTestId('policy-status')).toHaveText('Published', { timeout: 100_000 });
    await expect(detail.getByTestId('policy-sha')).toContainText('SHA-256');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="policy-version"][data-id="pol_privacy_de_1"]')).toHaveAttribute('data-status', 'superseded');
    // What readers get now, and the changelog.
    const published = (await (await fetch(`${platform.url}/v1/public/policies/privacy/de`)).json()) as { number: number };
    expect(published.number).toBe(2);
    const changelog = (await (await fetch(`${platform.url}/v1/public/policies/privacy/de/changelog`)).json()) as {
      versions: { number: number; changeSummary: string }[];
    };
    expect(changelog.versions[0]).toMatchObject({ number: 2, changeSummary: 'Neuer Zahlungsdienstleister (Abschnitt 11)' });
    // What one person was told: the platform answers for the account, wave by wave.
    const lookup = page.getByTestId('person-lookup');
    await lookup.getByTestId('person-user-id').fill('usr_10000001');
    await lookup.getByTestId('person-show').click();
    await expect(lookup.getByTestId('person-notices')).toContainText('Privacy policy (German) version 2');
  } finally {
    await officer.close();
  }
});
