import Store from 'electron-store';

interface Settings {
  /** The user accepted storing the cache key without a system keyring. */
  allowWeakKeyStorage: boolean;
  /** Registry reminders already shown as desktop notifications. */
  notifiedReminders: string[];
}

export function openSettings() {
  return new Store<Settings>({
    name: 'settings',
    defaults: { allowWeakKeyStorage: false, notifiedReminders: [] },
    schema: {
      allowWeakKeyStorage: { type: 'boolean' },
      notifiedReminders: { type: 'array', items: { type: 'string' } },
    },
    clearInvalidConfig: false,
  });
}
export type SettingsStore = ReturnType<typeof openSettings>;
