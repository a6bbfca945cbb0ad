import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/**
 * The bounds the window had when it was last closed, where they still lie on a screen (at least 100 × 100
 * pixels of the window visible on one display's work area); otherwise none, and the window opens centred.
 */
export function restoredBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState | null {
  if (!saved) return null;
  const { bounds } = saved;
  const visible = workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= 100 && height >= 100;
  });
  return visible ? saved : null;
}

/** Keeps the window's normal bounds (not the maximised ones) and whether it is maximised, as it moves. */
export function trackWindowState(window: BrowserWindow, save: (state: WindowState) => void, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const store = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!window.isDestroyed()) save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(store, delayMs);
  };
  for (const event of ['resize', 'move'] as const) window.on(event as 'resize', later);
  window.on('maximize', store);
  window.on('unmaximize', store);
  window.on('close', store);
  return () => {
    if (timer) clearTimeout(timer);
  };
}
