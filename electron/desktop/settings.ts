import Store from 'electron-store';

interface Settings {
  /** The platform's admin API; absent means the demo workspace. */
  platformUrl: string | null;
  /** The platform token, sealed with safeStorage (never stored in clear). */
  platformTokenSealed: string | null;
  /** The user accepted storing the cache key without a system keyring. */
  allowWeakKeyStorage: boolean;
  /** Registry reminders already shown as desktop notifications. */
  notifiedReminders: string[];
}

export function openSettings() {
  return new Store<Settings>({
    name: 'settings',
    defaults: { platformUrl: null, platformTokenSealed: null, allowWeakKeyStorage: false, notifiedReminders: [] },
    schema: {
      platformUrl: { type: ['string', 'null'], format: 'uri' },
      platformTokenSealed: { type: ['string', 'null'] },
      allowWeakKeyStorage: { type: 'boolean' },
      notifiedReminders: { type: 'array', items: { type: 'string' } },
    },
    clearInvalidConfig: false,
  });
}
export type SettingsStore = ReturnType<typeof openSettings>;
