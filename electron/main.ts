import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu } from 'electron';
import { CacheOpenError } from './cache/errors';
import { bindIpc } from './desktop/ipc';
import { notifyReminders } from './desktop/notifications';
import { APP_URL, registerAppScheme, serveApp } from './desktop/protocol';
import { desktopCacheKey, sealedSecret, WeakKeyStorageError } from './desktop/secrets';
import { openSettings } from './desktop/settings';
import { createMainWindow, isSignInUrl, openInBrowser } from './desktop/window';
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
  });
  const unbind = bindIpc(running, window, APP_URL);
  const language = app.getLocale().startsWith('de') ? 'de' : 'en';
  const stopNotifying = notifyReminders(
    running,
    { get: () => settings.get('notifiedReminders'), set: (keys) => settings.set('notifiedReminders', keys) },
    language,
  );
  window.on('closed', () => {
    unbind();
    stopNotifying();
  });
}

keepHeapTight();
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
