import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeSetter, redDot, showOverdueBadge } from '../../../../electron/desktop/badge';
import { CommandDelivery } from '../../../../electron/desktop/commands';
import { deepLinkCommand, deepLinkIn } from '../../../../electron/desktop/deep-link';
import { menuScreens, menuTemplate } from '../../../../electron/desktop/menu';
import { startUpdates, updateFeed } from '../../../../electron/desktop/updates';
import { restoredBounds, trackWindowState } from '../../../../electron/desktop/window-state';
import type { AppCommand } from '../../../../shared/ipc/contract';
import { electronMock } from './electron-mock';

vi.mock('electron', () => electronMock);
// A failed test must not leave fake timers to the next.
afterEach(() => vi.useRealTimers());

type Item = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: Item[]; type?: string };

describe('the application menu', () => {
  it('has File, Edit, View, Go, Window, Help in both languages, with accelerators, and speaks to the app as commands', () => {
    const sent: AppCommand[] = [];
    const about = vi.fn();
    for (const [language, names] of [
      ['de', ['Datei', 'Bearbeiten', 'Ansicht', 'Gehe zu', 'Fenster', 'Hilfe']],
      ['en', ['File', 'Edit', 'View', 'Go', 'Window', 'Help']],
    ] as const) {
      const menu = menuTemplate(language, (command) => sent.push(command), about) as Item[];
      expect(menu.map((entry) => entry.label)).toEqual(names);
      const go = menu[3].submenu ?? [];
      expect(go.map((item) => item.accelerator)).toEqual(menuScreens.map((_, i) => `CmdOrCtrl+${i + 1}`));
      for (const item of go) item.click?.();
      const search = (menu[2].submenu ?? []).find((item) => item.accelerator === 'CmdOrCtrl+K');
      search?.click?.();
      (menu[5].submenu ?? []).find((item) => item.accelerator === 'F1')?.click?.();
      (menu[5].submenu ?? []).at(-1)?.click?.();
      // Copy and paste are the system's (macOS needs them in the menu for the keys to work at all).
      expect((menu[1].submenu ?? []).map((item) => item.role).filter(Boolean)).toEqual([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
      ]);
    }
    expect(sent.slice(0, menuScreens.length + 2)).toEqual([
      ...menuScreens.map((screen) => ({ go: `/${screen}` })),
      { open: 'palette' },
      { open: 'help' },
    ]);
    expect(about).toHaveBeenCalledTimes(2);
    const german = menuTemplate('de', () => undefined, about) as Item[];
    expect((german[3].submenu ?? []).map((item) => item.label)).toContain('Datenpannen');
  });
});

describe('deep links (privacy-console://…)', () => {
  it('open a request, an incident, a processor, a policy version, a review', () => {
    expect(deepLinkCommand('privacy-console://requests/dsr_00001a')).toEqual({
      go: `/requests?${new URLSearchParams({ q: JSON.stringify({ search: 'dsr_00001a', statuses: [] }), open: 'dsr_00001a' })}`,
    });
    expect(deepLinkCommand('privacy-console://incidents/inc_0004')).toEqual({ go: '/breaches?open=inc_0004' });
    expect(deepLinkCommand('privacy-console://processors/prc_aws')).toEqual({ go: '/processors?open=prc_aws' });
    expect(deepLinkCommand('privacy-console://policies/pol_privacy_de_3')).toEqual({ go: '/policies?version=pol_privacy_de_3' });
    expect(deepLinkCommand('privacy-console://reviews/arv_2026h1')).toEqual({ go: '/access?tab=reviews&review=arv_2026h1' });
    expect(deepLinkCommand('privacy-console://overview')).toEqual({ go: '/overview' });
    expect(deepLinkCommand('privacy-console://requests')).toEqual({ go: '/requests' });
  });

  it('ignore anything else: other schemes, unknown screens, odd ids, paths, credentials', () => {
    for (const link of [
      'https://requests/dsr_1',
      'privacy-console://settings/../../etc',
      'privacy-console://requests/dsr_1/extra',
      'privacy-console://requests/dsr%201',
      'privacy-console://requests/<script>',
      'privacy-console://user:pw@requests/dsr_1',
      'privacy-console://unknown/x',
      'privacy-console://overview/x',
      'not a url',
    ]) {
      expect(deepLinkCommand(link), link).toBeNull();
    }
  });

  it('are found among a second start’s arguments', () => {
    expect(deepLinkIn(['/opt/privacy-console', '--no-sandbox', 'privacy-console://requests/dsr_1'])).toBe(
      'privacy-console://requests/dsr_1',
    );
    expect(deepLinkIn(['/opt/privacy-console'])).toBeNull();
  });
});

describe('window size and position', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('come back where they were, unless that is off every screen now (a monitor unplugged)', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false };
    expect(restoredBounds(saved, [screen])).toEqual(saved);
    expect(restoredBounds({ ...saved, bounds: { ...saved.bounds, x: 2500 } }, [screen])).toBeNull();
    expect(
      restoredBounds({ ...saved, bounds: { ...saved.bounds, x: 2500 } }, [screen, { x: 1920, y: 0, width: 1920, height: 1080 }]),
    ).toEqual({
      ...saved,
      bounds: { ...saved.bounds, x: 2500 },
    });
    // A sliver of 50 pixels on screen is not enough to grab it.
    expect(restoredBounds({ ...saved, bounds: { ...saved.bounds, x: 1870 } }, [screen])).toBeNull();
    expect(restoredBounds(null, [screen])).toBeNull();
  });

  it('are kept as the window moves (its normal bounds, and whether it is maximised), and on close', () => {
    vi.useFakeTimers();
    const handlers = new Map<string, () => void>();
    let bounds = { x: 10, y: 10, width: 1000, height: 700 };
    let maximized = false;
    const window = {
      on: (event: string, handler: () => void) => handlers.set(event, handler),
      isDestroyed: () => false,
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
    };
    const saved: unknown[] = [];
    trackWindowState(window as never, (state) => saved.push(state));
    bounds = { x: 40, y: 10, width: 1000, height: 700 };
    handlers.get('move')?.();
    handlers.get('move')?.();
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(saved).toEqual([{ bounds, maximized: false }]);
    maximized = true;
    handlers.get('maximize')?.();
    handlers.get('close')?.();
    expect(saved.at(-1)).toEqual({ bounds, maximized: true });
    vi.useRealTimers();
  });
});

describe('the overdue badge', () => {
  it('shows the overview’s overdue count, again after the cache changed (once it settles), and nothing when no workspace is open', async () => {
    vi.useFakeTimers();
    let overdue: number | null = 3;
    const listeners = new Map<string, () => void>();
    const host = {
      dispatch: vi.fn(async () =>
        overdue === null
          ? { ok: false as const, error: { code: 'not_connected' as const, message: '' } }
          : { ok: true as const, value: { dsar: { overdue } } },
      ),
      subscribe: (event: string, listener: () => void) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    };
    const counts: number[] = [];
    const stop = showOverdueBadge(host as never, (count) => counts.push(count) > 0, { everyMs: 60_000, settleMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    expect(counts).toEqual([3]);
    overdue = 5;
    for (let i = 0; i < 10; i++) listeners.get('cache.changed')?.();
    await vi.advanceTimersByTimeAsync(150);
    expect(counts).toEqual([3, 5]);
    overdue = null;
    listeners.get('connection.changed')?.();
    await vi.advanceTimersByTimeAsync(150);
    expect(counts).toEqual([3, 5, 0]);
    stop();
    expect(listeners.size).toBe(0);
    vi.useRealTimers();
  });
});

describe('the count on Windows (a taskbar overlay)', () => {
  it('Windows gets a red mark with the count in its description, removed at zero; elsewhere the badge count', () => {
    const overlays: [Buffer | null, string][] = [];
    const badges: number[] = [];
    const target = (platform: NodeJS.Platform) => ({
      platform,
      setBadgeCount: (count: number) => badges.push(count) > 0,
      setOverlayIcon: (png: Buffer | null, description: string) => void overlays.push([png, description]),
    });
    const windows = badgeSetter(target('win32'), 'de');
    windows(4);
    windows(0);
    expect(overlays.map(([png, description]) => [png === null, description])).toEqual([
      [false, '4 überfällige Anfragen'],
      [true, ''],
    ]);
    expect(badges).toEqual([]);
    badgeSetter(target('darwin'), 'en')(7);
    expect(badges).toEqual([7]);
  });

  it('the mark is a real PNG: a red disc on a transparent square', () => {
    const png = redDot(16);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(16);
    const start = png.indexOf('IDAT') + 4;
    const pixels = inflateSync(png.subarray(start, start + png.readUInt32BE(start - 8)));
    const at = (x: number, y: number) => [...pixels.subarray(y * 65 + 1 + x * 4, y * 65 + 5 + x * 4)];
    expect(at(8, 8)).toEqual([0xe0, 0x31, 0x31, 0xff]);
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
  });
});

describe('commands for the page: delivered exactly when it listens', () => {
  it('a link before the page listens waits and comes at that moment; a menu command does not wait; a reload stops delivery', () => {
    const sent: AppCommand[] = [];
    const focus = vi.fn();
    const delivery = new CommandDelivery((command) => sent.push(command), focus);
    delivery.link({ go: '/requests?open=DSAR-1' });
    expect(delivery.menu({ open: 'palette' })).toBe(false);
    expect(sent).toEqual([]);
    expect(focus).toHaveBeenCalledTimes(1);
    delivery.setListening(true);
    expect(sent).toEqual([{ go: '/requests?open=DSAR-1' }]);
    expect(delivery.menu({ open: 'help' })).toBe(true);
    delivery.link({ go: '/breaches?open=inc_1' });
    expect(sent.at(-1)).toEqual({ go: '/breaches?open=inc_1' });
    // The page reloads (or shows the connection screen): links wait again, at most the newest ten.
    delivery.setListening(false);
    for (let i = 0; i < 12; i++) delivery.link({ go: `/requests?open=DSAR-${i}` });
    expect(delivery.pending).toBe(10);
    delivery.setListening(true);
    expect(sent.slice(-10).map((command) => ('go' in command ? command.go : ''))).toEqual(
      Array.from({ length: 10 }, (_, i) => `/requests?open=DSAR-${i + 2}`),
    );
    expect(delivery.pending).toBe(0);
  });
});

describe('updates from a configured feed', () => {
  it('are off unless a feed is configured; a feed must be https (not even http on loopback), a typo is refused with a sentence', () => {
    expect(updateFeed(undefined)).toBeNull();
    expect(updateFeed('  ')).toBeNull();
    expect(updateFeed('https://updates.example.org/console/')).toBe('https://updates.example.org/console/');
    expect(() => updateFeed('http://127.0.0.1:8080/feed')).toThrow(/https/);
    expect(() => updateFeed('http://updates.example.org/')).toThrow(/https/);
    expect(() => updateFeed('updates.example.org')).toThrow(/not an address/);
  });

  it('checks at start and periodically, asks once per downloaded version, installs only when the person says now', async () => {
    vi.useFakeTimers();
    const listeners = new Map<string, (value: never) => void>();
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => null),
      quitAndInstall: vi.fn(),
      on: (event: string, listener: (value: never) => void) => listeners.set(event, listener),
    };
    const answers = [false, true];
    const ask = vi.fn(async () => answers.shift() ?? false);
    const failed = vi.fn();
    const stop = startUpdates(updater as never, 'https://updates.example.org/', { ask, failed }, { everyMs: 1000 });
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.org/' });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2500);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);

    const downloaded = listeners.get('update-downloaded') as (info: { version: string }) => void;
    downloaded({ version: '1.1.0' });
    downloaded({ version: '1.1.0' });
    await vi.advanceTimersByTimeAsync(0);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    downloaded({ version: '1.2.0' });
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);

    // A failing feed is reported, never thrown.
    updater.checkForUpdates.mockRejectedValueOnce(new Error('feed unreachable'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ message: 'feed unreachable' }));
    (listeners.get('error') as (error: Error) => void)(new Error('bad signature'));
    expect(failed).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(4);
  });
});
