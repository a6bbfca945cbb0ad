import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, nativeImage, screen } from 'electron';
import { EVENT_CHANNEL_PREFIX } from '../shared/ipc/bridge';
import { CacheOpenError } from './cache/errors';
import { badgeSetter, showOverdueBadge } from './desktop/badge';
import { COMMANDS_LISTENING, CommandDelivery } from './desktop/commands';
import { DEEP_LINK_SCHEME, deepLinkCommand, deepLinkIn } from './desktop/deep-link';
import { bindIpc, isTrustedSender } from './desktop/ipc';
import { menuTemplate } from './desktop/menu';
import { notifyReminders } from './desktop/notifications';
import { APP_URL, registerAppScheme, serveApp } from './desktop/protocol';
import { desktopCacheKey, sealedSecret, WeakKeyStorageError } from './desktop/secrets';
import { openSettings } from './desktop/settings';
import { startUpdates, updateFeed, updateTexts } from './desktop/updates';
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
  // The menu, a deep link and a second start speak to the renderer as commands (go to a screen, open the palette),
  // delivered while the page listens: the preload says when it subscribes, a reload or a crash ends it.
  const listening = (event: Electron.IpcMainEvent, on: unknown) => {
    if (event.sender === window.webContents && isTrustedSender(event, APP_URL)) delivery.setListening(on === true);
  };
  ipcMain.on(COMMANDS_LISTENING, listening);
  // A new document (a reload) ends listening; a route change inside the page (same document) does not.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) delivery.setListening(false);
  });
  window.webContents.on('render-process-gone', () => delivery.setListening(false));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        language(),
        (command) => delivery.menu(command),
        () => dialog.showMessageBox(window, { type: 'info', title: 'Privacy Console', message: `Privacy Console ${app.getVersion()}` }),
      ),
    ),
  );
  const stopUpdates = await watchForUpdates(settings, window);
  const stopBadge = showOverdueBadge(
    running,
    badgeSetter(
      {
        platform: process.platform,
        setBadgeCount: (count) => app.setBadgeCount(count),
        setOverlayIcon: (png, description) =>
          window.isDestroyed() ? undefined : window.setOverlayIcon(png ? nativeImage.createFromBuffer(png) : null, description),
      },
      language(),
    ),
  );
  const stopNotifying = notifyReminders(
    running,
    { get: () => settings.get('notifiedReminders'), set: (keys) => settings.set('notifiedReminders', keys) },
    language(),
  );
  window.on('closed', () => {
    mainWindow = null;
    delivery.setListening(false);
    ipcMain.off(COMMANDS_LISTENING, listening);
    unbind();
    stopNotifying();
    stopBadge();
    stopUpdates();
    stopTracking();
  });
}

/**
 * Updates from the configured feed (off unless configured; only in an installed app, where there is something to
 * replace). Never fatal: a feed that is not an address is said once, any other failure is logged and the console
 * runs on with the version it has.
 */
async function watchForUpdates(settings: ReturnType<typeof openSettings>, window: BrowserWindow): Promise<() => void> {
  const off = () => undefined;
  let feed: string | null;
  try {
    // An empty variable does not hide the setting.
    feed = updateFeed(process.env.PRIVACY_CONSOLE_UPDATE_FEED || settings.get('updateFeed'));
  } catch (error) {
    dialog.showErrorBox('Privacy Console', error instanceof Error ? error.message : String(error));
    return off;
  }
  if (!feed || !app.isPackaged) return off;
  try {
    // electron-updater is CommonJS: seen from this ES module, its autoUpdater is on the default export.
    const { autoUpdater } = (await import('electron-updater')).default;
    const words = updateTexts[language()];
    return startUpdates(autoUpdater, feed, {
      ask: async (version) => {
        const { response } = await dialog.showMessageBox(window, {
          type: 'info',
          title: words.title,
          message: words.message(version),
          detail: words.detail,
          buttons: [words.now, words.later],
          defaultId: 0,
          cancelId: 1,
        });
        if (response !== 0) return false;
        // The workspace closes (its stores, the demo platform) before the installer takes over the files.
        const closing = running;
        running = null;
        await closing?.close();
        return true;
      },
      failed: (error) => console.warn(`Update check failed: ${error.message}`),
    });
  } catch (error) {
    console.warn(`Updates are off: ${error instanceof Error ? error.message : String(error)}`);
    return off;
  }
}

const language = () => (app.getLocale().startsWith('de') ? 'de' : 'en');
let mainWindow: BrowserWindow | null = null;
const delivery = new CommandDelivery((command) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(`${EVENT_CHANNEL_PREFIX}app.command`, command);
}, focus);

function openDeepLink(link: string) {
  const command = deepLinkCommand(link);
  if (command) delivery.link(command);
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
  if (startLink) openDeepLink(startLink);
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
