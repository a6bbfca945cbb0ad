import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleOptions } from '../../electron/console';
import { type TestConsole, testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let app: TestConsole;
const open = (overrides: Partial<ConsoleOptions> = {}) => testConsole(join(dir.path, 'console'), platform, overrides);

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 40);
  // A minute to change one's mind: longer than any test waits unless it asks.
  app = await open({ undoMs: 60_000 });
});
afterEach(async () => {
  await app.close();
  await platform.stop();
  dir.remove();
});

/** An erasure request of a person with an account, in progress: the erasure can start. */
async function erasureInProgress() {
  const access = (await app.call('dsar.list', { types: ['access'], limit: 1 })).rows[0];
  const subject = (await app.call('dsar.get', { id: access.id }))?.dsar.subject;
  if (!subject?.userId) throw new Error('no subject with an account');
  const created = await app.call('dsar.create', {
    type: 'erasure',
    channel: 'email',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    subject,
  });
  await app.call('dsar.act', { id: created.dsar.id, action: { type: 'start' } });
  await app.call('sync.now');
  expect(await app.call('sync.status')).toMatchObject({ pendingWrites: 0 });
  return created.dsar.id;
}
/** Undoes what the bar would show for the request (its seq), as the console's undo does. */
async function undo(id: string, seq?: number) {
  const shown = await app.call('writes.pending', { entity: 'dsar', id });
  return app.call('writes.undo', { entity: 'dsar', id, seq: seq ?? shown?.seq ?? 1 });
}
const startErasure = (id: string) => app.call('dsar.act', { id, action: { type: 'start_job', jobId: `job_${id}`, job: 'erasure' } });
const sent = (id: string) => platform.appliedWrites(id).map((w) => w.action);

describe('an irreversible step', () => {
  it('waits its moment in the outbox, and undoing it leaves no trace on either side', async () => {
    const id = await erasureInProgress();
    const shown = await startErasure(id);
    expect(shown.dsar.events.at(-1)).toMatchObject({ kind: 'job_started', job: 'erasure' });
    await app.call('sync.now');
    expect(sent(id)).not.toContain('dsar.start_job');
    const pending = await app.call('writes.pending', { entity: 'dsar', id });
    expect(pending).toMatchObject({ mutator: 'act', args: { type: 'start_job', job: 'erasure' }, attempts: 0 });
    expect(Date.parse(pending?.holdUntil ?? '')).toBeGreaterThan(Date.now() + 50_000);

    expect(await undo(id)).toEqual({ undone: true });
    const after = await app.call('dsar.get', { id });
    expect(after?.dsar.events.some((e) => e.kind === 'job_started')).toBe(false);
    expect(after?.pending).toBe(false);
    expect(await app.call('writes.pending', { entity: 'dsar', id })).toBeNull();
    await app.call('sync.now');
    expect(sent(id)).not.toContain('dsar.start_job');
    // Nothing left to undo: a second undo of what was shown says so instead of taking back an earlier step.
    expect(await undo(id, pending?.seq)).toEqual({ undone: false });
  });

  it('is sent when its moment is over, without waiting for the next poll', async () => {
    await app.close();
    app = await open({ undoMs: 400 });
    const id = await erasureInProgress();
    await startErasure(id);
    await app.call('sync.now');
    expect(sent(id)).not.toContain('dsar.start_job');
    await until(() => sent(id).includes('dsar.start_job'), 'the held erasure to reach the platform', 5_000);
    expect(await app.call('writes.pending', { entity: 'dsar', id })).toBeNull();
    expect(await undo(id)).toEqual({ undone: false });
  });

  it('stays the one offered for undo when a quick change follows it', async () => {
    const id = await erasureInProgress();
    await startErasure(id);
    await app.call('dsar.setPriority', { id, priority: 'high' });
    const shown = await app.call('writes.pending', { entity: 'dsar', id });
    expect(shown).toMatchObject({ mutator: 'act', args: { type: 'start_job' } });
    expect(await undo(id, shown?.seq)).toEqual({ undone: true });
    const after = await app.call('dsar.get', { id });
    expect(after?.dsar.events.some((e) => e.kind === 'job_started')).toBe(false);
    expect(after?.dsar.priority).toBe('high');
    await app.call('sync.now');
    expect(sent(id)).toEqual(['dsar.create', 'dsar.start', 'dsar.setPriority']);
  });

  it('goes at once when the officer sends it now', async () => {
    const id = await erasureInProgress();
    await startErasure(id);
    expect(await app.call('writes.release', { entity: 'dsar', id })).toEqual({ released: 1 });
    expect(sent(id)).toContain('dsar.start_job');
    expect(await app.call('sync.status')).toMatchObject({ pendingWrites: 0 });
  });

  it('keeps its moment across a restart, and the writes behind it wait for it', async () => {
    const id = await erasureInProgress();
    await startErasure(id);
    const other = (await app.call('dsar.list', { statuses: ['new'], limit: 1 })).rows[0];
    await app.call('dsar.act', { id: other.id, action: { type: 'add_note', text: 'Rückruf vereinbart.' } });
    await app.close();
    app = await open({ undoMs: 60_000 });
    await app.call('sync.now');
    // The note came after the erasure: it is not sent before it, so the platform sees them in order.
    expect(sent(other.id)).toEqual([]);
    expect(await app.call('writes.pending', { entity: 'dsar', id })).toMatchObject({ args: { type: 'start_job' } });
    await app.call('writes.release', { entity: 'dsar', id });
    expect(sent(id)).toContain('dsar.start_job');
    expect(sent(other.id)).toEqual(['dsar.add_note']);
  });

  it('taking a request from a colleague is held; taking an unassigned one, or a note, is not', async () => {
    const [theirs] = (await app.call('dsar.list', { assignee: 'stf_albrecht', statuses: ['in_progress'], limit: 1 })).rows;
    const [nobodys] = (await app.call('dsar.list', { assignee: 'unassigned', statuses: ['new'], limit: 1 })).rows;
    await app.call('dsar.assign', { id: theirs.id, assigneeId: 'stf_vogel' });
    await app.call('dsar.assign', { id: nobodys.id, assigneeId: 'stf_vogel' });
    await app.call('dsar.act', { id: nobodys.id, action: { type: 'add_note', text: 'Übernommen.' } });
    expect(await app.call('writes.pending', { entity: 'dsar', id: theirs.id })).toMatchObject({ holdUntil: expect.any(String) });
    expect(await app.call('writes.pending', { entity: 'dsar', id: nobodys.id })).toMatchObject({ mutator: 'act', holdUntil: null });
    await app.call('sync.now');
    expect(sent(theirs.id)).toEqual([]);
    expect(sent(nobodys.id)).toEqual([]); // behind the held one, in order
    await undo(theirs.id);
    await app.call('sync.now');
    expect(sent(nobodys.id)).toEqual(['dsar.assign', 'dsar.add_note']);
    expect((await app.call('dsar.get', { id: theirs.id }))?.dsar.assigneeId).toBe('stf_albrecht');
  });

  it('a write that waits for an unreachable platform can be undone too', async () => {
    const [row] = (await app.call('dsar.list', { statuses: ['new'], limit: 1 })).rows;
    await platform.stop();
    await app.call('dsar.setPriority', { id: row.id, priority: 'high' });
    await app.call('sync.now');
    const waiting = await app.call('writes.pending', { entity: 'dsar', id: row.id });
    expect(waiting).toMatchObject({ holdUntil: null });
    expect(waiting?.attempts).toBeGreaterThan(0);
    expect(await undo(row.id)).toEqual({ undone: true });
    expect((await app.call('dsar.get', { id: row.id }))?.dsar.priority).toBe(row.priority);
    await platform.start();
    await app.call('sync.now');
    expect(sent(row.id)).toEqual([]);
  });
});
