import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, Menu, screen } from 'electron';
import { EVENT_CHANNEL_PREFIX } from '../shared/ipc/bridge';
import type { AppCommand } from '../shared/ipc/contract';
import { CacheOpenError } from './cache/errors';
import { showOverdueBadge } from './desktop/badge';
import { DEEP_LINK_SCHEME, deepLinkCommand, deepLinkIn } from './desktop/deep-link';
import { bindIpc } from './desktop/ipc';
import { menuTemplate } from './desktop/menu';
import { notifyReminders } from './desktop/notifications';
import { APP_URL, registerAppScheme, serveApp } from './desktop/protocol';
import { desktopCacheKey, sealedSecret, WeakKeyStorageError } from './desktop/secrets';
import { openSettings } from './desktop/settings';
import { createMainWindow, isSignInUrl, openInBrowser } from './desktop/window';
import { restoredBounds, trackWindowState } from './desktop/window-state';
import { keepHeapTight } from './heap';
import { WorkspaceHost } from './workspaces/host';

const here = fileURLToPath(new URL('.', import.meta.url));
let running: WorkspaceHost | null = null;

function cacheKey(dataDir: string, settings: ReturnType<typeof openSettings>): string {
  try {
    return desktopCacheKey(dataDir, { allowWeakBackend: settings.get('allowWeakKeyStorage') });
  } catch (error) {
    if (!(error instanceof WeakKeyStorageError)) throw error;
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'Privacy Console',
      message: 'No system keyring found',
      detail: `${error.message}\n\nThe cache holds personal data of data subjects. Install and unlock a keyring (GNOME Keyring, KWallet) and restart, or accept the weaker protection for this installation.`,
      buttons: ['Quit', 'Accept weaker protection'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice !== 1) throw error;
    settings.set('allowWeakKeyStorage', true);
    return desktopCacheKey(dataDir, { allowWeakBackend: true });
  }
}

async function launch() {
  const settings = openSettings();
  // Each workspace (platform + account) has a directory of its own below; the first launch shows the connection
  // screen, from which the demo workspace is one click (and a sign-in with its demo staff) away.
  running = new WorkspaceHost({
    root: app.getPath('userData'),
    cacheKey: (dir) => cacheKey(dir, settings),
    secrets: (dir) => sealedSecret(join(dir, 'session.sealed')),
    openBrowser: (url) => openInBrowser(url, isSignInUrl),
    // Declining the weaker key storage quits, as before; other failures show on the connection screen.
    isFatal: (error) => error instanceof WeakKeyStorageError,
  });
  await running.start();
  serveApp(join(here, '../dist'));
  const window = createMainWindow(join(here, 'preload.cjs'), {
    devTools: !app.isPackaged,
    isPendingSignIn: (url) => running?.state().signingIn?.url === url,
    state: restoredBounds(
      settings.get('window'),
      screen.getAllDisplays().map((display) => display.workArea),
    ),
  });
  mainWindow = window;
  const stopTracking = trackWindowState(window, (state) => settings.set('window', state));
  const unbind = bindIpc(running, window, APP_URL);
  // The menu, a deep link and a second start speak to the renderer as commands (go to a screen, open the palette).
  send = (command) => {
    if (!window.isDestroyed()) window.webContents.send(`${EVENT_CHANNEL_PREFIX}app.command`, command);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(language(), send, () =>
        dialog.showMessageBox(window, { type: 'info', title: 'Privacy Console', message: `Privacy Console ${app.getVersion()}` }),
      ),
    ),
  );
  const stopBadge = showOverdueBadge(running, (count) => app.setBadgeCount(count));
  // The page subscribes to commands once its bridge is up, shortly after it has (re)loaded.
  window.webContents.on('did-finish-load', () =>
    setTimeout(() => {
      for (const link of waitingLinks.splice(0)) openDeepLink(link);
    }, 1_000),
  );
  const stopNotifying = notifyReminders(
    running,
    { get: () => settings.get('notifiedReminders'), set: (keys) => settings.set('notifiedReminders', keys) },
    language(),
  );
  window.on('closed', () => {
    mainWindow = null;
    send = null;
    unbind();
    stopNotifying();
    stopBadge();
    stopTracking();
  });
}

const language = () => (app.getLocale().startsWith('de') ? 'de' : 'en');
let mainWindow: BrowserWindow | null = null;
let send: ((command: AppCommand) => void) | null = null;
/** Links that arrived before the window could take them (the link that started the app). */
const waitingLinks: string[] = [];

function openDeepLink(link: string) {
  const command = deepLinkCommand(link);
  if (!command) return;
  if (!send || mainWindow?.webContents.isLoading()) {
    waitingLinks.push(link);
    return;
  }
  send(command);
  focus();
}

function focus() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** The first (and only) console of this user: everything below runs in it alone. */
function startFirstInstance() {
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkIn(argv);
    if (link) openDeepLink(link);
    else focus();
  });
  // macOS hands links to the running app; Windows and Linux start it with the link as an argument.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url);
  });
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  const startLink = deepLinkIn(process.argv);
  if (startLink) waitingLinks.push(startLink);
  app.enableSandbox();
  registerAppScheme();
  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!running) return;
    event.preventDefault();
    const closing = running;
    running = null;
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(launch)
    .catch((error: unknown) => {
      const message = error instanceof CacheOpenError || error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Privacy Console cannot start', message);
      app.exit(1);
    });
}

keepHeapTight();
// One console per user: a second start (a deep link clicked elsewhere) hands its link to the first and ends.
if (app.requestSingleInstanceLock()) startFirstInstance();
else app.exit(0);
