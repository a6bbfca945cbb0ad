import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronMock, fakeWebContents } from './electron-mock';

vi.mock('electron', () => electronMock);
const { CONTENT_SECURITY_POLICY, harden, isSafeExternalUrl, isSignInUrl, windowOptions } = await import(
  '../../../../electron/desktop/window'
);
const { APP_ORIGIN, APP_URL, appResponse, registerAppScheme, serveApp } = await import('../../../../electron/desktop/protocol');
const { isTrustedSender } = await import('../../../../electron/desktop/ipc');

const root = join(import.meta.dirname, '../../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sources = (dir: string) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => read(join(entry.parentPath, entry.name).slice(root.length + 1)));
const prefs = windowOptions('/x/preload.cjs').webPreferences ?? {};
const rendererDir = join(root, 'dist');
const built = readdirSync(root).includes('dist');

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item, each
 * with the test that shows the app keeps it. Where an item is covered in more depth elsewhere, that test is named.
 */
describe("Electron's security checklist", () => {
  it('1. Only load secure content: the app comes from app:// (secure), links leave only as https', () => {
    expect(APP_URL.startsWith('app://')).toBe(true);
    registerAppScheme();
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(isSafeExternalUrl('http://example.com')).toBe(false);
  });

  it('2. No Node.js integration for remote content (or any content)', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. Context isolation', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. Process sandboxing, for every renderer', () => {
    expect(prefs.sandbox).toBe(true);
    expect(read('electron/main.ts')).toMatch(/app\.enableSandbox\(\)/);
  });

  it('5. Session permission requests are handled: every one denied', () => {
    const contents = fakeWebContents();
    harden(contents as never, APP_URL);
    const decision = vi.fn();
    contents.session.permissionRequest?.(null, 'geolocation', decision);
    expect(decision).toHaveBeenCalledWith(false);
    expect(contents.session.permissionCheck?.()).toBe(false);
  });

  it('6. webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it.skipIf(!built)('7. A Content-Security-Policy, as a header that applies to app:// (and as meta element)', async () => {
    const page = await appResponse(rendererDir, APP_URL);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(await page.text()).toMatch(/http-equiv="Content-Security-Policy"/);
  });

  it('8. allowRunningInsecureContent stays off', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. No experimental features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. No enableBlinkFeatures', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(sources('electron').some((text) => text.includes('enableBlinkFeatures:'))).toBe(false);
  });

  it('11. <webview> allowpopups: there are no webviews at all', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(sources('renderer').some((text) => /<webview/i.test(text))).toBe(false);
  });

  it('12. <webview> options and params: attaching any webview is refused', () => {
    const contents = fakeWebContents();
    harden(contents as never, APP_URL);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('13. Navigation limited to the app origin (window.test.ts: "denies navigation away from the app")', () => {
    const contents = fakeWebContents();
    harden(contents as never, APP_URL);
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'file:///etc/passwd');
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('14. No new windows: window.open is denied', () => {
    const contents = fakeWebContents();
    harden(contents as never, APP_URL);
    expect(contents.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal only with validated https links (window.test.ts: "validates external URLs")', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/x', 'https://user:pw@example.com']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(sources('electron').filter((text) => text.includes('openExternal(')).length).toBe(1);
    // The platform's sign-in page: https, or the demo's loopback; nothing else leaves for the browser.
    expect(isSignInUrl('http://127.0.0.1:4000/oauth/auth?x=1')).toBe(true);
    expect(isSignInUrl('https://platform.example.org/oauth/auth')).toBe(true);
    for (const url of ['http://platform.example.org/oauth/auth', 'file:///etc/passwd', 'https://u:p@x.example/'])
      expect(isSignInUrl(url), url).toBe(false);
  });

  it('16. A current version of Electron, pinned', () => {
    const version = JSON.parse(read('package.json')).devDependencies.electron as string;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17. The sender of every IPC message is validated (ipc.test.ts: "trusts only the top-level app page")', () => {
    const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as never;
    expect(isTrustedSender(frame(APP_URL), APP_URL)).toBe(true);
    expect(isTrustedSender(frame(APP_URL, {}), APP_URL)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'), APP_URL)).toBe(false);
  });

  it.skipIf(!built)('18. No file:// — a custom protocol that serves only the built renderer', async () => {
    expect(read('electron/desktop/window.ts')).not.toMatch(/loadFile|file:\/\//);
    serveApp(rendererDir);
    expect(electronMock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect((await appResponse(rendererDir, `${APP_ORIGIN}/../package.json`)).status).not.toBe(200);
    const encoded = await appResponse(rendererDir, `${APP_ORIGIN}/%2e%2e/%2e%2e/package.json`);
    expect(encoded.status).not.toBe(200);
    expect(await encoded.text()).not.toMatch(/privacy-console/);
    expect((await appResponse(rendererDir, 'app://other/index.html')).status).toBe(404);
    expect((await appResponse(rendererDir, `${APP_ORIGIN}/%E0%A4%A`)).status).toBe(400);
  });

  it('19. Fuses: no run-as-node, no NODE_OPTIONS, no inspect flags, ASAR integrity, load only from ASAR', () => {
    const require = createRequire(import.meta.url);
    const { fuses } = require('../../../../scripts/electron-fuses.cjs') as { fuses: Record<number, boolean> };
    const { FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(read('electron-builder.yml')).toMatch(/^afterPack: scripts\/electron-fuses\.cjs$/m);
    // DevTools are for development only: a packaged build has none.
    expect(windowOptions('/x').webPreferences?.devTools).toBe(false);
    expect(read('electron/main.ts')).toMatch(/devTools: !app\.isPackaged/);
  });

  it('20. No Electron API reaches the page: the preload exposes the typed channels only', () => {
    const preload = read('electron/preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'privacyConsole',\s*buildBridge\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer[,)]/);
  });
});
