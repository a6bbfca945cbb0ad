import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { assignFirstToMe, expect, openQueue, test } from './fixtures';

test("the audit trail: a change with the platform's answer, an export of the trail, and the platform's log in the request's detail", async ({
  page,
  consoleUrl,
}, testInfo) => {
  await openQueue(page, consoleUrl);
  const { id } = await assignFirstToMe(page);
  if (!id) throw new Error('no request to assign');

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('audit-trail')).toBeVisible();
  const write = page.getByTestId('audit-entry').filter({ has: page.getByRole('link', { name: id }) });
  await expect(write).toHaveCount(1);
  await expect(write).toContainText('Dr. Katrin Vogel');
  // The platform's answer arrives with the push: the entry says which version it stored.
  await expect(write.getByTestId('audit-outcome')).toHaveText('Applied');
  await expect(write).toContainText(/Applied as version \d+/);
  const axe = await new AxeBuilder({ page }).include('[data-testid=audit-trail]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await testInfo.attach('audit-trail', { body: await page.screenshot(), contentType: 'image/png' });

  // Only the changes, exported: the CSV has the write, and the export is itself in the trail.
  await page.getByTestId('audit-kind').click();
  await page.getByRole('option', { name: 'Changes' }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid=audit-entry]:not([data-kind=write])')).toHaveCount(0);
  await expect(write).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^console-audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toContain("No.;Time;Kind;Person;Person id;What;Object;Id;Outcome;Answered at;Platform's answer;Details");
  expect(csv).toContain(`;Change;Dr. Katrin Vogel;stf_vogel;assign;Request;${id};applied;`);
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(page.getByTestId('audit-entry').filter({ hasText: "The console's audit trail" })).toHaveCount(1);

  // From the entry to the request, and there the platform's own log of it.
  await write.getByRole('link', { name: id }).click();
  const detail = page.getByTestId('request-detail');
  await expect(detail).toBeVisible();
  await detail.getByTestId('platform-history-show').click();
  const logged = detail.getByTestId('platform-history-entry');
  await expect(logged.first()).toContainText('dsar.assign');
  await expect(logged.first()).toContainText('Dr. Katrin Vogel');
  await testInfo.attach('platform-history', { body: await page.screenshot(), contentType: 'image/png' });

  // In German.
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByText('DE', { exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Protokoll dieser Konsole' })).toBeVisible();
  await expect(write.getByTestId('audit-outcome')).toHaveText('Übernommen');
});
