import { execSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const dir = process.argv[2];
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/headless/main.ts', '--data-dir', dir, '--port', '0'], {
  env: { ...process.env, PRIVACY_CONSOLE_CACHE_KEY: 'a'.repeat(64) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
const url = await new Promise<string>((resolve) => {
  const on = (c: Buffer) => {
    out += c;
    const m = /CONSOLE_URL=(\S+)/.exec(out);
    if (m) resolve(m[1]);
  };
  child.stdout.on('data', on);
  child.stderr.on('data', on);
});
const browser = await chromium.launch({
  executablePath: execSync('which chromium').toString().trim(),
  args: ['--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' });
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console error:', m.text().slice(0, 300));
});
await page.goto(url);
await page.getByRole('button', { name: 'Demo öffnen' }).click();
const popupP = page.waitForEvent('popup');
await page.getByRole('link', { name: 'Anmeldeseite öffnen' }).click();
const popup = await popupP;
await popup.getByRole('button', { name: 'Anmelden als Dr. Katrin Vogel' }).click();
await popup.getByRole('button', { name: 'Übernehmen' }).click();
await popup.waitForTimeout(1000);
await popup.close();
for (const [scheme, w, h, lang] of [
  ['light', 1280, 720, 'DE'],
  ['light', 1920, 1080, 'EN'],
  ['dark', 1280, 720, 'EN'],
  ['dark', 1920, 1080, 'DE'],
] as const) {
  await page.setViewportSize({ width: w, height: h });
  await page.getByText(lang, { exact: true }).first().click();
  await page.getByTestId('color-scheme').click();
  await page.getByRole('menuitem', { name: scheme === 'light' ? /^(Hell|Light)$/ : /^(Dunkel|Dark)$/ }).click();
  await page.getByTestId('overview').waitFor({ timeout: 30000 });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${dir}/overview-${scheme}-${w}-${lang}.png` });
  await page.getByTestId('panel-due').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/overview-${scheme}-${w}-${lang}-2.png` });
  await page.getByTestId('panel-access').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/overview-${scheme}-${w}-${lang}-3.png` });
  await page.getByTestId('panel-inflow').scrollIntoViewIfNeeded();
}
await browser.close();
child.kill('SIGTERM');
console.log('done');
