import type { Account } from '../accounts/account';
import type { PlatformStore } from '../store/store';
import { person } from './people';
import { createRandom } from './random';

const DAY = 86_400_000;
/** The learners of the demo platform (the request subjects come on top). */
export const DEFAULT_DEMO_LEARNERS = 40_000;
/** Learner ids start above every id a request subject can have (usr_10000 … usr_9999999). */
const FIRST_ID = 10_000_000;
const CHUNK = 20_000;

/** The `i`-th learner of the platform: the same on every machine (seeded by its number). */
export function learner(i: number, now: Date): Account {
  const random = createRandom(FIRST_ID + i);
  const who = person(random, 1_000_000 + i);
  const createdAt = new Date(now.getTime() - random.int(20, 5 * 365) * DAY - random.int(0, DAY - 1));
  // About one in twenty has closed the account since; about one in eight reads the platform in English.
  const closed = random.next() < 0.05;
  return {
    id: `usr_${FIRST_ID + i}`,
    name: who.name,
    email: who.email,
    createdAt: createdAt.toISOString(),
    locale: random.next() < 0.88 ? 'de' : 'en',
    address: who.address,
    birthDate: null,
    displayName: who.name.split(' ')[0],
    closedAt: closed ? new Date(createdAt.getTime() + random.int(1, 19) * DAY).toISOString() : null,
    restricted: false,
    objections: [],
    erased: [],
    retained: [],
  };
}

/**
 * The platform's learner accounts, seeded once per store (a store made before them gets them too), in chunks
 * so a million of them do not sit in memory at once. `onProgress` hears how many are in.
 */
export function ensureLearners(store: PlatformStore, count: number, now: Date, onProgress?: (done: number) => void): number {
  const seeded = Number(store.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'learners'").get()?.value ?? 0);
  if (seeded >= count) return 0;
  for (let start = seeded; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    store.transaction(() => {
      for (let i = start; i < end; i++) store.putAccount(learner(i, now));
      store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('learners', ?)").run(String(end));
    });
    onProgress?.(end);
  }
  return count - seeded;
}
