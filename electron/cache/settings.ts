import type Database from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';

/**
 * One setting the user typed, kept in the non-disposable store (it is mirrored from nowhere). A stored value
 * that no longer parses (an older console's shape) falls back to the default rather than failing the start.
 */
export class Setting<T> {
  private current: T;
  private readonly write;

  constructor(
    db: Database.Database,
    private readonly key: string,
    private readonly schema: z.ZodType<T>,
    fallback: T,
  ) {
    const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    const parsed = row ? schema.safeParse(JSON.parse(row.value)) : null;
    this.current = parsed?.success ? parsed.data : fallback;
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(): T {
    return this.current;
  }

  set(next: T): T {
    const value = this.schema.parse(next);
    this.write.run(this.key, JSON.stringify(value));
    this.current = value;
    return value;
  }
}
