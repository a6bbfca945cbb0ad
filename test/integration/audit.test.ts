import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlatformClient } from '../../electron/platform/client';
import { localDate } from '../../shared/domain/calendar';
import { dsarEntity } from '../../shared/dsar/entities';
import { testConsole } from '../support/console';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest(40);

/** Requests not assigned to the console's user (so assigning them to her is a real change). */
const notHers = async (count: number) =>
  (await ws.app.call('dsar.list', { statuses: [], limit: 1000 })).rows
    .filter((row) => row.assigneeId !== 'stf_vogel')
    .slice(0, count)
    .map((row) => row.id);

const writesOf = async (entityId: string) => (await ws.app.call('audit.trail', { kinds: ['write'], entityId })).entries;

describe("the console's audit trail", () => {
  it('a write is in the trail from the moment it is queued, and carries the version the platform answered', async () => {
    const [id] = await notHers(1);
    await ws.platform.stop();
    await ws.app.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await ws.app.call('sync.now');
    const [queued] = await writesOf(id);
    expect(queued).toMatchObject({
      kind: 'write',
      action: 'assign',
      entity: 'dsar',
      entityId: id,
      actor: 'stf_vogel',
      actorName: 'Dr. Katrin Vogel',
      detail: { assigneeId: 'stf_vogel' },
      outcome: 'queued',
      answeredAt: null,
    });
    // The attempt without an answer is counted, the write still waits.
    expect(queued.answer?.attempts).toBeGreaterThanOrEqual(1);
    expect(queued.answer?.message).toMatch(/cannot be reached/);

    await ws.platform.start();
    await ws.app.call('sync.now');
    const [applied] = await writesOf(id);
    const version = (await ws.app.call('dsar.get', { id }))?.dsar.version;
    expect(applied).toMatchObject({ seq: queued.seq, outcome: 'applied', answer: { version } });
    expect(Date.parse(applied.answeredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(applied.at));
  });

  it("a refused write says the platform's refusal; an undone one says undone", async () => {
    const [stale, undone] = await notHers(2);
    // A colleague moves the request on: the console's write is based on the old version.
    const colleague = new PlatformClient({ baseUrl: ws.platform.url, token: ws.platform.sandbox.tokens.stf_albrecht });
    await colleague.mutate(dsarEntity, 'setPriority', stale, { priority: 'high' }, { version: 1, idempotencyKey: 'colleague-1-abcdef' });
    await ws.app.call('dsar.assign', { id: stale, assigneeId: 'stf_vogel' });
    await ws.app.call('sync.now');
    expect((await writesOf(stale))[0]).toMatchObject({ outcome: 'stale', answer: { problem: null } });
    expect((await writesOf(stale))[0].answer?.message).toMatch(/version/);

    await ws.platform.stop();
    await ws.app.call('dsar.assign', { id: undone, assigneeId: 'stf_vogel' });
    await ws.app.call('sync.now');
    const pending = await ws.app.call('writes.pending', { entity: 'dsar', id: undone });
    expect(await ws.app.call('writes.undo', { entity: 'dsar', id: undone, seq: pending?.seq ?? 0 })).toEqual({ undone: true });
    // Decided here, not answered by the platform: no answer time.
    expect((await writesOf(undone))[0]).toMatchObject({ outcome: 'undone', answer: { local: true }, answeredAt: null });
  });

  it('filters by kind, outcome, person, days and object; pages newest first; the export is a CSV that is itself logged', async () => {
    const ids = await notHers(3);
    for (const id of ids) await ws.app.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await ws.app.call('sync.now');
    await ws.app.call('dsar.export', { query: {}, language: 'de' });

    const all = (await ws.app.call('audit.trail', {})).entries;
    expect(all.map((entry) => entry.seq)).toEqual([...all.map((entry) => entry.seq)].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ kind: 'export', action: 'dsar_register', outcome: 'done', actorName: 'Dr. Katrin Vogel' });
    expect((await ws.app.call('audit.trail', { kinds: ['write'], outcomes: ['applied'] })).entries).toHaveLength(3);
    expect((await ws.app.call('audit.trail', { kinds: ['write'], outcomes: ['rejected'] })).entries).toHaveLength(0);
    expect((await ws.app.call('audit.trail', { actor: 'stf_albrecht' })).entries).toHaveLength(0);
    const today = localDate(new Date(), 'Europe/Berlin');
    expect((await ws.app.call('audit.trail', { from: today, to: today })).entries).toHaveLength(all.length);
    expect((await ws.app.call('audit.trail', { to: '2020-01-01' })).entries).toHaveLength(0);
    // The start of an id is enough.
    expect((await ws.app.call('audit.trail', { entityId: ids[1].slice(0, -1) })).entries.map((e) => e.entityId)).toContain(ids[1]);

    const first = await ws.app.call('audit.trail', { limit: 2 });
    expect(first.entries).toHaveLength(2);
    const second = await ws.app.call('audit.trail', { limit: 2, before: first.next });
    expect(second.entries[0].seq).toBeLessThan(first.entries[1].seq);
    expect([...first.entries, ...second.entries].map((e) => e.seq)).toEqual(all.slice(0, 4).map((e) => e.seq));

    const file = await ws.app.call('audit.export', { query: { kinds: ['write'] }, language: 'de' });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFNr.;Zeit;Art;Person;Personen-ID;Was;Objekt;ID;Stand;Antwort um;Antwort der Plattform;Einzelheiten');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(';Änderung;Dr. Katrin Vogel;stf_vogel;assign;Anfrage;');
    expect(lines[1]).toMatch(/;übernommen;.*;Version \d+;/);
    const [logged] = (await ws.app.call('audit.trail', { kinds: ['export'] })).entries;
    expect(logged).toMatchObject({ action: 'audit_trail', detail: { format: 'csv', fileName: file.fileName, sha256: file.sha256 } });
  });

  it('a sign-in, a sign-out and a session the platform ended are entries of their own', async () => {
    ws.app.noteSession('sign-in', { actor: { id: 'stf_vogel', name: 'Dr. Katrin Vogel' }, detail: { scopes: ['dsar:read'] } });
    ws.app.noteSession('sign-out', { answer: { revoked: false } });
    const entries = (await ws.app.call('audit.trail', { kinds: ['sign-in', 'sign-out'] })).entries;
    expect(entries.map((entry) => [entry.kind, entry.outcome])).toEqual([
      ['sign-out', 'done'],
      ['sign-in', 'done'],
    ]);
    expect(entries[0].answer).toEqual({ revoked: false });
    expect(entries[1].detail).toEqual({ scopes: ['dsar:read'] });
  });

  it('the trail outlives a cache rebuilt from scratch (it is in the store that is never thrown away)', async () => {
    const [id] = await notHers(1);
    await ws.app.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await ws.app.call('sync.now');
    await ws.app.close();
    rmSync(`${ws.dir.path}/console/cache.sqlite`, { force: true });
    ws.app = await testConsole(`${ws.dir.path}/console`, ws.platform);
    expect((await writesOf(id))[0]).toMatchObject({ outcome: 'applied' });
  });
});

describe('what the trail keeps of a write', () => {
  it('the values that say what was done, never names, contact data or free text', async () => {
    const [id] = await notHers(1);
    await ws.platform.stop();
    await ws.app.call('dsar.act', { id, action: { type: 'add_note', text: 'Rückruf mit Frau Mustermann, Tel. 0341 123456' } });
    await ws.app.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    const [assign, note] = await writesOf(id);
    expect(assign.detail).toEqual({ assigneeId: 'stf_vogel' });
    expect(note.detail).toEqual({ type: 'add_note' });
    expect(JSON.stringify(await ws.app.call('audit.trail', {}))).not.toContain('Mustermann');
  });
});

describe("the platform's audit log of an entity", () => {
  it('lists who did what to it on the platform, newest first and in pages, read with the entity’s own scope', async () => {
    // An open request: the platform's seeded history covers those.
    const [id] = (await ws.app.call('dsar.list', { statuses: ['in_progress'], limit: 1000 })).rows
      .filter((row) => row.assigneeId !== 'stf_vogel')
      .map((row) => row.id);
    await ws.app.call('dsar.assign', { id, assigneeId: 'stf_vogel' });
    await ws.app.call('dsar.setPriority', { id, priority: 'high' });
    await ws.app.call('sync.now');
    const page = await ws.app.call('audit.platform', { entity: 'dsar', id });
    expect(page.entries.slice(0, 2).map((entry) => [entry.action, entry.actor, entry.actorName])).toEqual([
      ['dsar.setPriority', 'stf_vogel', 'Dr. Katrin Vogel'],
      ['dsar.assign', 'stf_vogel', 'Dr. Katrin Vogel'],
    ]);
    expect(page.entries[0].detail).toEqual({ priority: 'high' });
    // The seeded history is there too: the request was received by the platform.
    const everything = [...page.entries];
    for (let next = page.next; next; ) {
      const more = await ws.app.call('audit.platform', { entity: 'dsar', id, before: next });
      everything.push(...more.entries);
      next = more.next;
    }
    expect(everything.at(-1)).toMatchObject({ action: 'dsar.received' });

    // The platform refuses a role without the entity's read scope.
    const lead = new PlatformClient({ baseUrl: ws.platform.url, token: ws.platform.sandbox.tokens.stf_krueger });
    await expect(lead.auditLog(dsarEntity, id, null)).rejects.toMatchObject({ status: 403 });
    await expect(ws.app.call('audit.platform', { entity: 'dsar', id: 'DSAR-1900-00001' })).rejects.toMatchObject({ code: 'not_found' });

    await ws.platform.stop();
    await expect(ws.app.call('audit.platform', { entity: 'dsar', id })).rejects.toMatchObject({ problem: 'audit-log-offline' });
  });
});
