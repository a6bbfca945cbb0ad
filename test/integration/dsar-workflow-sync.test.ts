import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../electron/platform/client';
import { localDate } from '../../shared/domain/calendar';
import { dsarDueDate } from '../../shared/domain/deadlines';
import { defaultClockSettings } from '../../shared/domain/dsar-clock';
import { dsarEntity } from '../../shared/dsar/entities';
import { BridgeCallError } from '../../shared/ipc/bridge';
import type { QueueQueryInput } from '../../shared/ipc/contract';
import { type TestConsole, testConsole } from '../support/console';
import { exportsOf } from '../support/exports';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let app: TestConsole;

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 120);
  app = await testConsole(`${dir.path}/console`, platform);
});
afterEach(async () => {
  await app.close();
  await platform.stop();
  dir.remove();
});

const all: QueueQueryInput = { statuses: [], limit: 1000 };
const firstOf = async (query: QueueQueryInput) => {
  const row = (await app.call('dsar.list', query)).rows[0];
  if (!row) throw new Error(`no request for ${JSON.stringify(query)}`);
  return row;
};
const refused = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BridgeCallError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
};

describe('DSAR workflow through the console', () => {
  it('due dates follow the Land and the pause policy, recomputed for every cached request when the settings change', async () => {
    const row = await firstOf({ ...all, statuses: ['identity_pending'] });
    const expected = (region: string) => dsarDueDate({ receivedAt: row.receivedAt, timeZone: 'Europe/Berlin', region, months: 1 });
    expect(row.dueDate).toBe(expected('DE-BE'));

    const changed = await app.call('clock.update', { region: 'DE-BY', timeZone: 'Europe/Berlin', pausePolicy: 'identity' });
    // Only the dates that move are written: the Land's other holidays and the paused identity checks.
    expect(changed.recomputed).toBeGreaterThan(0);
    expect(changed.recomputed).toBeLessThan(120);
    const after = (await app.call('dsar.list', all)).rows.find((r) => r.id === row.id);
    // Identity is still pending and the policy stops the clock for it: paused, earliest date shown.
    expect(after).toMatchObject({ clockPaused: true, dueDate: expected('DE-BY') });
    expect((await app.call('dsar.get', { id: row.id }))?.deadline).toMatchObject({
      paused: true,
      today: localDate(new Date(), 'Europe/Berlin'),
    });
    expect(await app.call('clock.get')).toMatchObject({ region: 'DE-BY', pausePolicy: 'identity' });
    expect((await refused(app.call('clock.update', { region: 'DE-XX', timeZone: 'Europe/Berlin', pausePolicy: 'none' }))).message).toMatch(
      /not a German Land/,
    );
  });

  it('an action is checked at once, queued, shown pending with its timeline entry, and delivered to the platform', async () => {
    const row = await firstOf({ ...all, statuses: ['new'] });
    const early = await refused(
      app.call('dsar.act', {
        id: row.id,
        action: { type: 'complete', message: { kind: 'completion', locale: 'de', subject: 'x', body: 'y' }, clock: defaultClockSettings },
      }),
    );
    expect(early.code).toBe('invalid_input');

    const message = await app.call('dsar.draftMessage', { id: row.id, kind: 'identity_request' });
    expect(message.body).toContain(row.subjectName);
    await platform.stop();
    const shown = await app.call('dsar.act', { id: row.id, action: { type: 'request_identity', message } });
    expect(shown).toMatchObject({ pending: true, dsar: { status: 'identity_pending' } });
    expect(shown.dsar.events.map((e) => e.kind)).toContain('identity_requested');
    await platform.start();
    await app.call('sync.now');
    const synced = await app.call('dsar.get', { id: row.id });
    expect(synced).toMatchObject({ pending: false, dsar: { status: 'identity_pending', version: 2 } });
    expect(platform.appliedWrites(row.id).map((w) => w.action)).toEqual(['dsar.request_identity']);
  });

  it('manual intake: duplicates of an open request are found, and a request can be recorded as one', async () => {
    // A request of a person with an account (every other letter comes from someone without one).
    const rows = (await app.call('dsar.list', { ...all, statuses: ['in_progress'] })).rows;
    const details = await Promise.all(rows.map((row) => app.call('dsar.get', { id: row.id })));
    const detail = details.find((d) => d?.dsar.subject.userId && d.dsar.subject.email);
    if (!detail) throw new Error('missing');
    const open = detail.dsar;
    const subject = detail.dsar.subject;
    const found = await app.call('dsar.duplicates', {
      userId: subject.userId,
      email: subject.email?.toUpperCase() ?? null,
      type: detail.dsar.type,
    });
    expect(found.map((r) => r.id)).toContain(open.id);

    const created = await app.call('dsar.create', {
      type: detail.dsar.type,
      channel: 'letter',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      subject,
      notes: 'Zweites Schreiben, gleicher Inhalt.',
      duplicateOf: open.id,
    });
    expect(created).toMatchObject({ pending: true, dsar: { status: 'duplicate', duplicateOf: open.id } });
    await app.call('sync.now');
    expect(await app.call('dsar.get', { id: created.dsar.id })).toMatchObject({
      pending: false,
      dsar: { version: 1, status: 'duplicate' },
    });
    // A request recorded as a duplicate is closed: it is not an open duplicate of the original.
    expect((await app.call('dsar.get', { id: open.id }))?.duplicates.map((r) => r.id)).not.toContain(created.dsar.id);

    const accounts = await app.call('accounts.search', { q: subject.email ?? subject.name });
    expect(accounts[0]?.id).toBe(subject.userId);
  });

  it('erasure: job progress reaches the cache, Art. 19 tasks come from the registry and are ticked with a date', async () => {
    const created = await app.call('dsar.create', {
      type: 'erasure',
      channel: 'email',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      subject: (await app.call('dsar.get', { id: (await firstOf({ ...all, types: ['access'] })).id }))?.dsar.subject ?? (null as never),
    });
    const id = created.dsar.id;
    await app.call('sync.now');
    await app.call('dsar.act', { id, action: { type: 'start' } });
    const before = await app.call('dsar.get', { id });
    // Before the platform carried the erasure out there is nothing to tell recipients yet (Art. 19).
    expect(before?.recipients).toBeNull();
    await app.call('dsar.act', { id, action: { type: 'start_job', jobId: `job_${id}`, job: 'erasure' } });
    await app.call('sync.now');
    const done = await until(async () => {
      await app.call('sync.now');
      const detail = await app.call('dsar.get', { id });
      return detail?.jobs[0]?.state === 'succeeded' ? detail : null;
    }, 'the erasure job');
    const result = done.jobs[0].result;
    expect(result?.kind === 'erasure' && result.categories.find((c) => c.category === 'invoices')?.outcome).toBe('restricted');
    const hosting = done.recipients?.find((r) => /Hosting|Cloud/i.test(r.legalName)) ?? done.recipients?.[0];
    if (!hosting) throw new Error('no recipient');
    expect(hosting.informedOn).toBeNull();
    const today = localDate(new Date(), 'Europe/Berlin');
    const ticked = await app.call('dsar.act', {
      id,
      action: { type: 'inform_recipient', processorId: hosting.processorId, informedOn: today },
    });
    expect(ticked.recipients?.find((r) => r.processorId === hosting.processorId)?.informedOn).toBe(today);
  });

  it('access: the package is reviewed, delivered, and a copy saved to disk is the one delivered, and logged', async () => {
    const subject = (await app.call('dsar.get', { id: (await firstOf({ ...all, types: ['erasure'] })).id }))?.dsar.subject;
    if (!subject?.userId) throw new Error('no subject with an account');
    const { dsar } = await app.call('dsar.create', {
      type: 'access',
      channel: 'email',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      subject,
    });
    await app.call('dsar.act', {
      id: dsar.id,
      action: { type: 'record_identity', method: 'email_confirmation', outcome: 'verified', note: '' },
    });
    await app.call('dsar.act', { id: dsar.id, action: { type: 'start_job', jobId: `job_${dsar.id}`, job: 'package' } });
    const ready = await until(async () => {
      await app.call('sync.now');
      const detail = await app.call('dsar.get', { id: dsar.id });
      return detail?.jobs[0]?.state === 'succeeded' ? detail : null;
    }, 'the package job');
    const { text } = await app.call('dsar.article15', { id: dsar.id });
    await app.call('dsar.act', { id: dsar.id, action: { type: 'deliver', jobId: ready.jobs[0].id, information: text } });
    await app.call('sync.now');
    const delivered = (await app.call('dsar.get', { id: dsar.id }))?.dsar.events.find((e) => e.kind === 'delivered');
    const file = await app.call('dsar.package', { id: dsar.id, jobId: ready.jobs[0].id });
    expect(delivered?.kind === 'delivered' && delivered.sha256).toBe(file.sha256);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect((await exportsOf(app))[0]).toMatchObject({ kind: 'dsar_package', format: 'zip', sha256: file.sha256 });
    expect((await refused(app.call('dsar.package', { id: dsar.id, jobId: 'job_other' }))).code).toBe('not_found');
  });

  it('bulk changes apply to the filtered set through the outbox; the CSV export of the register is logged', async () => {
    const unassignedNew: QueueQueryInput = { statuses: ['new'], assignee: 'unassigned', limit: 1000 };
    const matching = (await app.call('dsar.list', unassignedNew)).rows.length;
    expect(matching).toBeGreaterThan(1);
    const result = await app.call('dsar.bulk', { query: unassignedNew, change: { kind: 'start' } });
    expect(result).toEqual({ matched: matching, changed: matching, skipped: 0 });
    expect((await app.call('dsar.list', unassignedNew)).rows).toHaveLength(0);
    expect((await app.call('sync.status')).pendingWrites).toBe(matching);
    await app.call('sync.now');
    expect((await app.call('sync.status')).pendingWrites).toBe(0);
    expect(platform.appliedWrites().filter((w) => w.action === 'dsar.start')).toHaveLength(matching);

    // A status change for the whole set, each with its own message in its subject's language.
    const waiting: QueueQueryInput = { statuses: ['new'], limit: 1000 };
    const fresh = (await app.call('dsar.list', waiting)).rows;
    const asked = await app.call('dsar.bulk', { query: waiting, change: { kind: 'request_identity' } });
    expect(asked.changed).toBe(fresh.length);
    await app.call('sync.now');
    for (const row of fresh.slice(0, 5)) {
      const detail = await app.call('dsar.get', { id: row.id });
      const sent = detail?.dsar.events.find((e) => e.kind === 'message');
      expect(detail?.dsar.status).toBe('identity_pending');
      expect(sent?.kind === 'message' && sent.message).toMatchObject({ kind: 'identity_request', locale: detail?.dsar.subject.locale });
      expect(sent?.kind === 'message' && sent.message.body).toContain(row.subjectName);
    }

    const file = await app.call('dsar.export', { query: { statuses: ['in_progress'], limit: 1000 }, language: 'de' });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFID;Art;Status;Name;E-Mail;Eingang;Frist;Tage übrig;Zuständig;Priorität');
    expect(csv.split('\r\n').filter(Boolean).length - 1).toBe(
      (await app.call('dsar.list', { statuses: ['in_progress'], limit: 1000 })).rows.length,
    );
    const log = await exportsOf(app);
    expect(log[0]).toMatchObject({ kind: 'dsar_register', format: 'csv', sha256: file.sha256, fileName: file.fileName });
  });

  it('saved views: overdue and due within a week are open requests by due date', async () => {
    const today = localDate(new Date(), 'Europe/Berlin');
    const overdue = (await app.call('dsar.list', { due: 'overdue', limit: 1000 })).rows;
    expect(overdue.length).toBeGreaterThan(0);
    expect(
      overdue.every((r) => r.dueDate < today && ['new', 'identity_pending', 'in_progress', 'awaiting_subject'].includes(r.status)),
    ).toBe(true);
    const week = (await app.call('dsar.list', { due: 'week', limit: 1000 })).rows;
    const inAWeek = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    // Exactly the open requests due from today to seven days ahead, as the full open list has them.
    const open = (await app.call('dsar.list', { statuses: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'], limit: 1000 }))
      .rows;
    const expected = open.filter((r) => r.dueDate >= today && r.dueDate <= inAWeek).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(week.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(overdue.map((r) => r.id).sort()).toEqual(
      open
        .filter((r) => r.dueDate < today)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('a step someone else overtook on the platform becomes a conflict; the platform state wins and the intent is kept', async () => {
    const row = await firstOf({ ...all, statuses: ['new'] });
    await platform.stop();
    await app.call('dsar.act', { id: row.id, action: { type: 'start' } });
    await app.call('sync.now'); // its attempt is over before the platform is back
    await platform.start();
    // Meanwhile a colleague withdrew it on the platform.
    const other = new PlatformClient({ baseUrl: platform.url, token: platform.sandbox.tokens.stf_albrecht });
    const current = await other.get(dsarEntity, row.id);
    await other.mutate(
      dsarEntity,
      'act',
      row.id,
      { type: 'withdraw', note: 'Per Telefon zurückgezogen.' },
      { version: current.version, idempotencyKey: 'colleague-withdraw-1' },
    );
    await app.call('sync.now');
    const conflicts = await app.call('conflicts.list');
    expect(conflicts).toEqual([expect.objectContaining({ entityId: row.id, kind: 'stale', intended: { type: 'start' } })]);
    expect(await app.call('dsar.get', { id: row.id })).toMatchObject({ pending: false, dsar: { status: 'withdrawn' } });
  });

  it('a request filed on the platform arrives in the queue as new, with its receipt in the timeline', async () => {
    const emitted = platform.sandbox.emitRequest();
    if (!emitted) throw new Error('nothing emitted');
    await app.call('sync.now');
    const row = (await app.call('dsar.list', { statuses: ['new'], sort: 'received_desc', limit: 5 })).rows[0];
    expect(row).toMatchObject({ id: emitted.id, status: 'new', subjectName: emitted.subject.name });
    expect((await app.call('dsar.get', { id: emitted.id }))?.dsar.events.map((e) => e.kind)).toEqual(['received']);

    // The desktop tells of it, and of the officer's own requests nearing or past their deadline.
    const reminders = await app.call('dsar.reminders');
    expect(reminders).toContainEqual(expect.objectContaining({ kind: 'new', id: emitted.id, key: `dsar:${emitted.id}:new` }));
    const me = (await app.call('workspace.info')).me?.staff.id;
    const mine = (
      await app.call('dsar.list', { assignee: 'me', statuses: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'], limit: 1000 })
    ).rows;
    const today = localDate(new Date(), 'Europe/Berlin');
    const expected = mine.filter(
      (r) => r.dueDate <= new Date(Date.parse(`${today}T12:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10),
    );
    const dueSoon = reminders.filter((r) => r.kind !== 'new');
    expect(me).toBeTruthy();
    expect(dueSoon.map((r) => r.id).sort()).toEqual(
      expected
        .map((r) => r.id)
        .slice(0, 20)
        .sort(),
    );
    for (const r of dueSoon) expect(r.kind).toBe(r.dueDate < today ? 'overdue' : 'due_soon');
  });

  it('no identity document ever reaches the cache: the channel refuses one', async () => {
    const row = await firstOf({ ...all, statuses: ['identity_pending'] });
    const withCopy = { type: 'record_identity', method: 'id_document_seen', outcome: 'verified', note: '', document: 'JVBERi0xLjQK' };
    const error = await refused(
      app.dispatch('dsar.act', { id: row.id, action: withCopy }).then((e) => (e.ok ? e : Promise.reject(new BridgeCallError(e.error)))),
    );
    expect(error.code).toBe('invalid_input');
    expect((await app.call('sync.status')).pendingWrites).toBe(0);
  });
});
