import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * electron/main.ts as Electron runs it, with Electron and the window mocked: the single-instance lock, deep links
 * before and after the page listens, a second start, and quitting with the workspace closed first.
 */
const fake = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const state = {
    lock: true,
    packaged: false,
    updater: null as null | { setFeedURL: (options: unknown) => void; feeds: unknown[] },
    app: null as unknown as InstanceType<typeof Emitter> & Record<string, unknown>,
    ipcMain: null as unknown as InstanceType<typeof Emitter> & Record<string, unknown>,
    window: null as unknown as ReturnType<typeof makeWindow>,
    host: null as unknown as { close: ReturnType<typeof import('vitest').vi.fn>; start: () => Promise<void> },
    ready: null as unknown as () => void,
  };
  function makeWindow() {
    const events = new Emitter();
    const contents = Object.assign(new Emitter(), { send: (..._args: unknown[]) => undefined, sent: [] as unknown[][] });
    contents.send = (...args: unknown[]) => void contents.sent.push(args);
    return Object.assign(events, {
      webContents: contents,
      isDestroyed: () => false,
      isMinimized: () => false,
      restore: () => undefined,
      show: () => undefined,
      focused: 0,
      focus() {
        this.focused++;
      },
      setOverlayIcon: () => undefined,
    });
  }
  return { state, makeWindow };
});

vi.mock('electron', () => {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => fake.state.lock),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (fake.state.ready = resolve))),
    exit: vi.fn(),
    quit: vi.fn(),
    getPath: () => '/tmp/pc-main-test',
    getLocale: () => 'de-DE',
    getVersion: () => '0.1.0',
    get isPackaged() {
      return fake.state.packaged;
    },
    setAsDefaultProtocolClient: vi.fn(),
    enableSandbox: vi.fn(),
    setBadgeCount: vi.fn(() => true),
  });
  const ipcMain = Object.assign(new EventEmitter(), { handle: vi.fn(), removeHandler: vi.fn() });
  fake.state.app = app as never;
  fake.state.ipcMain = ipcMain as never;
  return {
    app,
    ipcMain,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showMessageBoxSync: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    nativeImage: { createFromBuffer: vi.fn() },
    screen: { getAllDisplays: () => [] },
  };
});
vi.mock('../../../../electron/desktop/window', () => ({
  createMainWindow: vi.fn(() => {
    fake.state.window = fake.makeWindow();
    return fake.state.window;
  }),
  isSignInUrl: () => false,
  openInBrowser: vi.fn(),
}));
vi.mock('../../../../electron/workspaces/host', () => ({
  WorkspaceHost: vi.fn(function (this: Record<string, unknown>) {
    Object.assign(this, {
      start: vi.fn(async () => undefined),
      close: vi.fn(async () => undefined),
      state: () => ({ signingIn: null }),
      dispatch: vi.fn(async () => ({ ok: false, error: { code: 'not_connected', message: '' } })),
      subscribe: () => () => undefined,
    });
    fake.state.host = this as never;
  }),
}));
vi.mock('../../../../electron/desktop/settings', () => ({
  openSettings: () => {
    const values = new Map<string, unknown>([
      ['updateFeed', null],
      ['window', null],
      ['notifiedReminders', []],
    ]);
    return { get: (key: string) => values.get(key), set: (key: string, value: unknown) => values.set(key, value) };
  },
}));
vi.mock('../../../../electron/desktop/protocol', () => ({
  APP_URL: 'app://console/index.html',
  registerAppScheme: vi.fn(),
  serveApp: vi.fn(),
}));
vi.mock('../../../../electron/desktop/secrets', () => ({
  desktopCacheKey: () => 'a'.repeat(64),
  sealedSecret: vi.fn(),
  WeakKeyStorageError: class extends Error {},
}));
vi.mock('../../../../electron/desktop/ipc', () => ({ bindIpc: () => () => undefined, isTrustedSender: () => true }));
vi.mock('../../../../electron/desktop/notifications', () => ({ notifyReminders: () => () => undefined }));
vi.mock('../../../../electron/heap', () => ({ keepHeapTight: vi.fn() }));
// CommonJS seen from an ES module: the updater only on the default export, as Node gives it.
vi.mock('electron-updater', () => {
  const feeds: unknown[] = [];
  const autoUpdater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    feeds,
    setFeedURL: (options: unknown) => void feeds.push(options),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: vi.fn(),
  };
  fake.state.updater = autoUpdater;
  return { default: { autoUpdater } };
});

const LINK = 'privacy-console://incidents/inc_2026_0007';
const commandsSent = () =>
  fake.state.window.webContents.sent.filter(([channel]) => channel === 'event:app.command').map(([, command]) => command);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function startMain(argv: string[]) {
  vi.resetModules();
  process.argv = ['electron', 'main.js', ...argv];
  await import('../../../../electron/main');
  const { COMMANDS_LISTENING } = await import('../../../../electron/desktop/commands');
  return { COMMANDS_LISTENING };
}

const savedArgv = process.argv;
beforeEach(() => {
  fake.state.lock = true;
  // Each test imports main.ts afresh; the mocked Electron stays: its handlers and calls of the test before go.
  fake.state.app?.removeAllListeners();
  fake.state.ipcMain?.removeAllListeners();
  vi.clearAllMocks();
});
afterEach(() => {
  process.argv = savedArgv;
});

describe('the desktop main process (electron mocked)', () => {
  it('an installed app with a feed configured starts and looks for updates there', async () => {
    fake.state.packaged = true;
    process.env.PRIVACY_CONSOLE_UPDATE_FEED = 'https://updates.example.org/console/';
    try {
      await startMain([]);
      fake.state.ready();
      for (let i = 0; i < 5; i++) await flush();
      expect(fake.state.app.exit).not.toHaveBeenCalledWith(1);
      expect(fake.state.updater?.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.org/console/' }]);
    } finally {
      fake.state.packaged = false;
      delete process.env.PRIVACY_CONSOLE_UPDATE_FEED;
    }
  });

  it('a second start hands over and ends: nothing else runs in it', async () => {
    fake.state.lock = false;
    await startMain([LINK]);
    expect(fake.state.app.exit).toHaveBeenCalledWith(0);
    expect(fake.state.app.whenReady).not.toHaveBeenCalled();
  });

  it('the link that started the app waits for the page to listen, then opens; a reload makes links wait again', async () => {
    const { COMMANDS_LISTENING } = await startMain([LINK]);
    expect(fake.state.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('privacy-console');
    fake.state.ready();
    await flush();
    await flush();
    expect(commandsSent()).toEqual([]);
    // The page subscribes to commands (the preload says so): the link is delivered at that moment.
    fake.state.ipcMain.emit(COMMANDS_LISTENING, { sender: fake.state.window.webContents }, true);
    expect(commandsSent()).toEqual([{ go: '/breaches?open=inc_2026_0007' }]);

    // A second start with a link: delivered at once, the window comes to the front.
    const focused = fake.state.window.focused;
    fake.state.app.emit('second-instance', {}, ['electron', 'main.js', 'privacy-console://processors/prc_hosting-nordcloud']);
    expect(commandsSent().at(-1)).toEqual({ go: '/processors?open=prc_hosting-nordcloud' });
    expect(fake.state.window.focused).toBe(focused + 1);
    // A second start without a link only focuses.
    fake.state.app.emit('second-instance', {}, ['electron', 'main.js']);
    expect(fake.state.window.focused).toBe(focused + 2);
    expect(commandsSent()).toHaveLength(2);

    // A route change inside the page (the same document) does not stop delivery.
    fake.state.window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    fake.state.app.emit('second-instance', {}, ['electron', 'main.js', 'privacy-console://incidents/inc_2026_0008']);
    expect(commandsSent()).toHaveLength(3);

    // The page reloads: a link (macOS open-url) waits until it listens again.
    fake.state.window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    const event = { preventDefault: vi.fn() };
    fake.state.app.emit('open-url', event, 'privacy-console://requests/dsr_00001a');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(commandsSent()).toHaveLength(3);
    // A message from another frame's sender does not count.
    fake.state.ipcMain.emit(COMMANDS_LISTENING, { sender: {} }, true);
    expect(commandsSent()).toHaveLength(3);
    fake.state.ipcMain.emit(COMMANDS_LISTENING, { sender: fake.state.window.webContents }, true);
    expect(commandsSent()).toHaveLength(4);

    // Quitting closes the workspace (its stores) first, then quits.
    const quit = { preventDefault: vi.fn() };
    fake.state.app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    expect(fake.state.host.close).toHaveBeenCalled();
    await flush();
    expect(fake.state.app.quit).toHaveBeenCalled();
  });
});
