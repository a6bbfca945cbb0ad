import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../sandbox/accounts/account';
import { Problem } from '../../shared/api/common';
import { Dsar } from '../../shared/api/dsar';
import type { DsarActionInput, Message } from '../../shared/api/dsar-workflow';
import type { Job } from '../../shared/api/jobs';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let key = 0;

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 60);
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'idempotency-key': `wf-key-${++key}-abcdef`,
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const store = () => platform.sandbox.store;
const msg = (kind: Message['kind']): Message => ({ kind, locale: 'de', subject: 'Betreff', body: 'Text', closing: '', delivery: 'email' });
const clock = defaultClockSettings;

async function act(dsar: Dsar, action: DsarActionInput): Promise<Dsar> {
  const answer = await send('POST', `/v1/dsars/${dsar.id}/actions`, action, { 'if-match': `"${dsar.version}"` });
  if (answer.status !== 200) throw new Error(`${answer.status}: ${JSON.stringify(answer.body)}`);
  return Dsar.parse(answer.body);
}

/** A fresh request of a type, from a seeded account, through the intake endpoint. */
async function intake(type: Dsar['type']): Promise<Dsar> {
  const account = store().searchAccounts<Account>('@')[key % 10];
  const answer = await send('POST', '/v1/dsars', {
    id: `dsr_test${++key}`,
    type,
    channel: 'email',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    subject: { userId: account.id, name: account.name, email: account.email, locale: 'de', address: null },
  });
  expect(answer.status).toBe(201);
  return act(Dsar.parse(answer.body), { type: 'start' });
}

async function runJob(dsar: Dsar, job: Job['kind'], extra: object = {}): Promise<{ dsar: Dsar; job: Job }> {
  const jobId = `job_test${++key}`;
  await act(dsar, { type: 'start_job', jobId, job, ...extra } as DsarActionInput);
  const done = await until(() => {
    const found = store().get<Job>('job', jobId);
    return found && found.state !== 'running' ? found : null;
  }, `job ${jobId}`);
  return { dsar: Dsar.parse(store().get('dsar', dsar.id)), job: done };
}

describe('DSAR fulfilment against the platform', () => {
  it('access: a package job with progress in the feed, items excluded with a reason, a ZIP of JSON and CSV delivered', async () => {
    const dsar = await intake('access');
    const before = store().lastSeq();
    const { dsar: after, job } = await runJob(dsar, 'package');
    expect(job.state).toBe('succeeded');
    // Progress travelled through the changes feed: the job moved to the head of it more than once.
    expect(store().lastSeq() - before).toBeGreaterThan(3);
    if (job.result?.kind !== 'package') throw new Error('no package');
    const categories = job.result.categories.map((c) => c.category);
    expect(categories).toEqual(
      expect.arrayContaining(['account', 'enrolments', 'lesson_progress', 'payments', 'invoices', 'login_history', 'preferences']),
    );
    const login = job.result.categories.find((c) => c.category === 'login_history');
    const item = login?.items[0];
    if (!login || !item) throw new Error('no login history');

    const excluded = await act(after, {
      type: 'exclude_item',
      jobId: job.id,
      category: 'login_history',
      itemId: item.id,
      reason: 'IP-Adresse eines Dritten.',
    });
    const delivered = await act(excluded, { type: 'deliver', jobId: job.id, information: 'Informationen nach Art. 15 Abs. 1 DSGVO' });
    const event = delivered.events.at(-1);
    expect(event).toMatchObject({ kind: 'delivered', excluded: 1 });
    expect(event?.kind === 'delivered' && event.files).toEqual(
      expect.arrayContaining(['json/account.json', 'csv/account.csv', 'art15-information.txt']),
    );

    const zip = await fetch(`${platform.url}/v1/jobs/${job.id}/package`, { headers: { authorization: `Bearer ${platform.token}` } });
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const logins = JSON.parse(new TextDecoder().decode(files['json/login_history.json'])) as { items: { id: string }[] };
    expect(logins.items.map((i) => i.id)).not.toContain(item.id);
    expect(logins.items).toHaveLength(login.count - 1);
    // A real copy: the records' own fields, the address structured, a schema and a README that name them.
    const account = JSON.parse(new TextDecoder().decode(files['json/account.json'])) as {
      schema: string;
      items: Record<string, unknown>[];
    };
    expect(account.schema).toBe('schema.json#/$defs/account');
    expect(account.items[0]).toMatchObject({
      name: expect.any(String),
      email: expect.stringContaining('@'),
      address: { postalCode: expect.stringMatching(/^\d{5}$/) },
    });
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['csv/account.csv'])).toMatch(
      /^\uFEFFid;userId;name;displayName;email;birthDate;address\.street;address\.postalCode;address\.city;address\.country;language;registeredAt\r\n/,
    );
    expect(files['schema.json']).toBeDefined();
    expect(new TextDecoder().decode(files['README.txt'])).toMatch(/Anmeldungen \(14 Monate\)[\s\S]*Sign-ins \(14 months\)/);
    expect(new TextDecoder().decode(files['art15-information.txt'])).toContain('Art. 15');

    const completed = await act(delivered, { type: 'complete', message: msg('completion'), clock });
    expect(completed.status).toBe('completed');
    expect(platform.appliedWrites(dsar.id).map((w) => w.action)).toEqual(
      expect.arrayContaining(['dsar.create', 'dsar.start', 'dsar.start_job', 'dsar.exclude_item', 'dsar.deliver', 'dsar.complete']),
    );
  });

  it('erasure: erased per category, invoices and payments restricted with the law and an until-date', async () => {
    const { dsar, job } = await runJob(await intake('erasure'), 'erasure');
    if (job.result?.kind !== 'erasure') throw new Error('no erasure result');
    const invoices = job.result.categories.find((c) => c.category === 'invoices');
    expect(invoices).toMatchObject({ outcome: 'restricted', legalBasis: expect.stringContaining('§ 147') });
    expect(invoices?.until).toMatch(/^20\d\d-12-31$/);
    expect(invoices?.until && invoices.until >= new Date().toISOString().slice(0, 10)).toBe(true);
    // The records of processing keep forum posts anonymised after an account is deleted.
    const posts = job.result.categories.find((c) => c.category === 'forum_posts');
    expect(posts).toMatchObject({ outcome: posts?.records ? 'anonymised' : 'erased', legalBasis: null, until: null });
    expect(job.result.categories.find((c) => c.category === 'login_history')).toMatchObject({ outcome: 'erased' });
    expect(dsar.events.at(-1)).toMatchObject({ kind: 'job_finished', state: 'succeeded', actor: 'platform' });
    // The account's erased categories are gone from a later export; the retained ones stay.
    const account = store().account<Account>(dsar.subject.userId ?? '');
    expect(account?.erased).toContain('forum_posts');
    expect(account?.retained).toEqual(expect.arrayContaining(['invoices', 'payments']));
  });

  it('restriction and objection set the platform flags; rectification records before and after', async () => {
    const restricted = await runJob(await intake('restriction'), 'restriction');
    expect(restricted.dsar.events.find((e) => e.kind === 'flags')).toMatchObject({ restricted: true });

    const objection = await runJob(await intake('objection'), 'objection', { objections: ['newsletter_analysis'] });
    expect(objection.job.result).toEqual({ kind: 'objection', objections: ['newsletter_analysis'] });

    const rectification = await intake('rectification');
    const before = store().account<Account>(rectification.subject.userId ?? '')?.name;
    const rectified = await runJob(rectification, 'rectification', { changes: [{ field: 'name', after: 'Erika Neumann' }] });
    expect(rectified.dsar.events.find((e) => e.kind === 'rectified')).toMatchObject({
      changes: [{ field: 'name', before, after: 'Erika Neumann' }],
    });
    expect(store().account<Account>(rectification.subject.userId ?? '')?.name).toBe('Erika Neumann');
  });

  it('a job for a subject without an account fails with a reason instead of pretending', async () => {
    const answer = await send('POST', '/v1/dsars', {
      id: `dsr_noacct${++key}`,
      type: 'access',
      channel: 'letter',
      receivedAt: new Date().toISOString(),
      subject: { userId: null, name: 'Gerda Brief', email: 'gerda@example.de', locale: 'de', address: 'Hauptstr. 1, 10115 Berlin' },
    });
    const { job } = await runJob(await act(Dsar.parse(answer.body), { type: 'start' }), 'package');
    expect(job).toMatchObject({ state: 'failed', error: expect.stringMatching(/no platform account/) });
  });

  it('the platform enforces the workflow: 422 with the rule, 412 on a stale version', async () => {
    const dsar = await intake('access');
    const early = await send(
      'POST',
      `/v1/dsars/${dsar.id}/actions`,
      { type: 'complete', message: msg('completion'), clock },
      { 'if-match': `"${dsar.version}"` },
    );
    expect(early.status).toBe(422);
    expect(Problem.parse(early.body).detail).toMatch(/Deliver the data package/);
    const stale = await send('POST', `/v1/dsars/${dsar.id}/actions`, { type: 'add_note', text: 'x' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const noReason = await send(
      'POST',
      `/v1/dsars/${dsar.id}/actions`,
      { type: 'deny', explanation: 'Ohne Grund aus der Liste.', message: msg('denial'), clock },
      { 'if-match': `"${dsar.version}"` },
    );
    expect(noReason.status).toBe(400);
    expect(Problem.parse(noReason.body).errors?.map((e) => e.path)).toContain('reason');
  });

  it('intake refuses an unknown account and a receipt in the future; the account lookup finds people', async () => {
    const subject = { userId: 'usr_nobody', name: 'N. N.', email: 'nn@example.de', locale: 'de', address: null };
    const unknown = await send('POST', '/v1/dsars', {
      id: `dsr_x${++key}`,
      type: 'access',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subject,
    });
    expect(unknown.status).toBe(422);
    const future = await send('POST', '/v1/dsars', {
      id: `dsr_x${++key}`,
      type: 'access',
      channel: 'email',
      receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
      subject: { ...subject, userId: null },
    });
    expect(Problem.parse(future.body).errors?.[0].path).toBe('receivedAt');

    const someone = store().searchAccounts<Account>('@')[0];
    const found = await fetch(`${platform.url}/v1/accounts?q=${encodeURIComponent(someone.name.split(' ')[1])}`, {
      headers: { authorization: `Bearer ${platform.token}` },
    });
    expect(((await found.json()) as { accounts: { id: string }[] }).accounts.map((a) => a.id)).toContain(someone.id);
  });

  it('emits requests filed on the platform into the changes feed', async () => {
    const before = store().count('dsar');
    const emitted = platform.sandbox.emitRequest();
    expect(emitted).toMatchObject({ status: 'new', channel: expect.stringMatching(/web_form|in_app/), events: [{ kind: 'received' }] });
    expect(store().count('dsar')).toBe(before + 1);
  });
});
