import { afterEach, describe, expect, it, vi } from 'vitest';
import { showOverdueBadge } from '../../../../electron/desktop/badge';
import { deepLinkCommand, deepLinkIn } from '../../../../electron/desktop/deep-link';
import { menuScreens, menuTemplate } from '../../../../electron/desktop/menu';
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
    expect(sent.slice(0, 10)).toEqual([...menuScreens.map((screen) => ({ go: `/${screen}` })), { open: 'palette' }, { open: 'help' }]);
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
