import { describe, expect, it, vi } from 'vitest';
import { electronMock, fakeWebContents } from './electron-mock';

vi.mock('electron', () => electronMock);
const { CONTENT_SECURITY_POLICY, harden, isSafeExternalUrl, windowOptions } = await import('../../../../electron/desktop/window');

const appUrl = 'app://console/index.html';

describe('hardened window', () => {
  it('isolates the renderer from Node', () => {
    const prefs = windowOptions('/x/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('has a CSP without inline or eval scripts', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('denies navigation away from the app, but allows in-app hash routes', () => {
    const contents = fakeWebContents();
    harden(contents as never, appUrl);
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const otherFile = { preventDefault: vi.fn() };
    contents.emit('will-navigate', otherFile, 'file:///etc/passwd');
    expect(otherFile.preventDefault).toHaveBeenCalled();
    const lookalike = { preventDefault: vi.fn() };
    contents.emit('will-navigate', lookalike, 'app://console.evil.example/index.html');
    expect(lookalike.preventDefault).toHaveBeenCalled();
    const inApp = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inApp, `${appUrl}#/requests`);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const frame = { preventDefault: vi.fn(), isMainFrame: false, url: appUrl };
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open, handing only validated https links to the browser', () => {
    const contents = fakeWebContents();
    harden(contents as never, appUrl);
    expect(contents.open('https://www.bfdi.bund.de/')).toEqual({ action: 'deny' });
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://www.bfdi.bund.de/');
    electronMock.shell.openExternal.mockClear();
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@example.com',
      'smb://host/share',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(electronMock.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check, and sets the CSP header', () => {
    const contents = fakeWebContents();
    harden(contents as never, appUrl);
    const decision = vi.fn();
    contents.session.permissionRequest?.(null, 'media', decision);
    expect(decision).toHaveBeenCalledWith(false);
    expect(contents.session.permissionCheck?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    contents.session.headers?.({ responseHeaders: {} }, (result) => {
      headers = result.responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('validates external URLs', () => {
    expect(isSafeExternalUrl('https://edpb.europa.eu/x')).toBe(true);
    expect(isSafeExternalUrl('https://localhost')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
