import type Database from 'better-sqlite3-multiple-ciphers';
import { ClockSettings } from '../../shared/api/dsar-workflow';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';

/**
 * How this controller counts deadlines: its Land (public holidays), its time zone and whether the clock
 * stops while waiting for the subject. Typed by the user, so kept in the non-disposable store.
 */
export class ClockSettingsStore {
  private current: ClockSettings;

  constructor(
    private readonly db: Database.Database,
    initial: Partial<ClockSettings> = {},
  ) {
    const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'clock'").get();
    const parsed = row ? ClockSettings.safeParse(JSON.parse(row.value)) : null;
    this.current = parsed?.success ? parsed.data : { ...defaultClockSettings, ...initial };
  }

  get(): ClockSettings {
    return this.current;
  }

  set(next: ClockSettings): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES ('clock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(next));
    this.current = next;
  }
}
