import { BrowserWindow, type BrowserWindowConstructorOptions, shell, type WebContents } from 'electron';
import { APP_CONTENT_SECURITY_POLICY, APP_URL, originOf } from './protocol';
import type { WindowState } from './window-state';

export const CONTENT_SECURITY_POLICY = APP_CONTENT_SECURITY_POLICY;

/** `devTools`: only in development; a packaged build has none (no console to run code in the app's origin). */
export function windowOptions(preloadPath: string, options: { devTools: boolean } = { devTools: false }): BrowserWindowConstructorOptions {
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
      experimentalFeatures: false,
      devTools: options.devTools,
    },
  };
}

/** Only plain https links leave the app, and only into the user's browser. */
/**
 * A platform's sign-in page the console may open in the system browser: https, or plain http on this machine's
 * loopback (the demo platform inside the console); never with credentials in it.
 */
export function isSignInUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname));
  } catch {
    return false;
  }
}

/** The one way out to the system browser: only addresses `allowed` (by default, safe external https links). */
export function openInBrowser(url: string, allowed: (url: string) => boolean = isSafeExternalUrl): boolean {
  if (!allowed(url)) return false;
  void shell.openExternal(url);
  return true;
}

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Whether `raw` is a URL of the app's own origin (and nothing that merely starts like it). */
export function isAppUrl(raw: string, appUrl: string): boolean {
  const origin = originOf(appUrl);
  return origin !== null && originOf(raw) === origin;
}

/** Navigation away from the app's origin, new windows and permission prompts are denied; the CSP is set on every response. */
export function harden(contents: WebContents, appUrl: string, isPendingSignIn: (url: string) => boolean = () => false): void {
  const leave = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', leave);
  contents.on('will-redirect', leave);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web, and the sign-in page under way ("Open the sign-in page", the demo's on loopback) — only
    // that one address, not any loopback or intranet page the renderer might name.
    openInBrowser(url, (candidate) => isSafeExternalUrl(candidate) || (isSignInUrl(candidate) && isPendingSignIn(candidate)));
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(
  preloadPath: string,
  options: { devTools: boolean; isPendingSignIn?: (url: string) => boolean; state?: WindowState | null },
): BrowserWindow {
  const window = new BrowserWindow({ ...windowOptions(preloadPath, options), ...(options.state?.bounds ?? {}) });
  harden(window.webContents, APP_URL, options.isPendingSignIn);
  window.once('ready-to-show', () => {
    if (options.state?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_URL);
  return window;
}
