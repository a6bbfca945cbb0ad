import Store from 'electron-store';
import type { WindowState } from './window-state';

interface Settings {
  /** The user accepted storing the cache key without a system keyring. */
  allowWeakKeyStorage: boolean;
  /** Registry reminders already shown as desktop notifications. */
  notifiedReminders: string[];
  /** The main window as it was last closed. */
  window: WindowState | null;
  /** Where updates come from (a generic electron-updater feed); null: no updates, unless PRIVACY_CONSOLE_UPDATE_FEED names one. */
  updateFeed: string | null;
}

export function openSettings() {
  return new Store<Settings>({
    name: 'settings',
    defaults: { allowWeakKeyStorage: false, notifiedReminders: [], window: null, updateFeed: null },
    schema: {
      allowWeakKeyStorage: { type: 'boolean' },
      notifiedReminders: { type: 'array', items: { type: 'string' } },
      updateFeed: { type: ['string', 'null'] },
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
