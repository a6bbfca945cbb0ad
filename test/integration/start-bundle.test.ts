import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The page's first script decides how long a start takes (parse and evaluation before the first figure): what
// only other screens need must stay in chunks of their own. Checked on the build `npm test` makes first.
const dist = join(import.meta.dirname, '../../dist');

/** The scripts the page loads before its first render: the entry and every chunk it preloads. */
function startScripts(): Map<string, string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const names = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
  return new Map(names.map((name) => [name, readFileSync(join(dist, 'assets', name), 'utf8')]));
}

/** Strings only these packages carry (their data or their class names), as they stand in the minified build. */
const heavy = {
  'moment-timezone data (date-holidays)': 'Africa/Abidjan',
  'date-holidays data': 'Mariä Himmelfahrt',
  recharts: 'recharts-surface',
  'DOMPurify (the policy editor)': 'DOMPurify',
  // A mutator's summary: only the entity registry (with the contract built on it) carries it.
  'the entity registry and the contract': 'the platform resolves the audience and sends it as a job',
};

describe("the page's start script (of the build `npm test` and `npm run test:integration` make first)", () => {
  it('holds none of what only other screens need: holiday calendars, charts, the policy editor', () => {
    const scripts = startScripts();
    expect(scripts.size).toBeGreaterThan(0);
    for (const [what, marker] of Object.entries(heavy)) {
      const carriers = [...scripts].filter(([, code]) => code.includes(marker)).map(([name]) => name);
      expect(carriers, `${what} in the start script`).toEqual([]);
    }
  });

  it('leaves them to chunks loaded when they are needed', () => {
    const scripts = startScripts();
    const later = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js') && !scripts.has(name));
    const code = later.map((name) => readFileSync(join(dist, 'assets', name), 'utf8'));
    for (const [what, marker] of Object.entries(heavy)) {
      expect(
        code.some((chunk) => chunk.includes(marker)),
        `${what} in a later chunk`,
      ).toBe(true);
    }
  });
});
