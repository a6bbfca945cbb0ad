import { BrowserWindow, type BrowserWindowConstructorOptions, shell, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/ipc/csp';

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Privacy Console',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Only plain https links leave the app, and only into the user's browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Navigation, new windows and permission prompts are denied; the CSP is set on every response. */
export function harden(contents: WebContents, appUrl: string): void {
  const appOrigin = new URL(appUrl);
  contents.on('will-navigate', (event, url) => {
    const target = new URL(url);
    const sameDocument = target.protocol === appOrigin.protocol && target.pathname === appOrigin.pathname;
    if (!sameDocument) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(preloadPath: string, indexHtml: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  const appUrl = new URL(`file://${indexHtml}`).href;
  harden(window.webContents, appUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexHtml);
  return window;
}
