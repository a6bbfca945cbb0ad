import Store from 'electron-store';
import type { WindowState } from './window-state';

interface Settings {
  /** The user accepted storing the cache key without a system keyring. */
  allowWeakKeyStorage: boolean;
  /** Registry reminders already shown as desktop notifications. */
  notifiedReminders: string[];
  /** The main window as it was last closed. */
  window: WindowState | null;
}

export function openSettings() {
  return new Store<Settings>({
    name: 'settings',
    defaults: { allowWeakKeyStorage: false, notifiedReminders: [], window: null },
    schema: {
      allowWeakKeyStorage: { type: 'boolean' },
      notifiedReminders: { type: 'array', items: { type: 'string' } },
      window: {
        type: ['object', 'null'],
        properties: {
          bounds: {
            type: 'object',
            properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } },
            required: ['x', 'y', 'width', 'height'],
          },
          maximized: { type: 'boolean' },
        },
        required: ['bounds', 'maximized'],
      },
    },
    clearInvalidConfig: false,
  });
}
export type SettingsStore = ReturnType<typeof openSettings>;
