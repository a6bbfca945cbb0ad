import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../../electron/cache/stores';
import { openCore } from '../../electron/core';
import { PlatformClient } from '../../electron/platform/client';
import { Outbox } from '../../electron/sync/outbox';
import { pull } from '../../electron/sync/pull';
import { dsarEntity } from '../../shared/dsar/entities';
import type { BridgeCallError } from '../../shared/ipc/bridge';
import { processorEntity } from '../../shared/processors/entities';
import { type TestConsole, testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { TEST_KEY, tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
let app: TestConsole;
const open = () => testConsole(join(dir.path, 'console'), platform);

beforeEach(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 20);
  app = await open();
});
afterEach(async () => {
  await app.close();
  await platform.stop();
  dir.remove();
});

const colleague = () => new PlatformClient({ baseUrl: platform.url, token: platform.sandbox.tokens.stf_albrecht });
const notes = async (id: string) => (await app.call('dsar.get', { id }))?.dsar.events.flatMap((e) => (e.kind === 'note' ? [e.text] : []));
const firstNew = async () => (await app.call('dsar.list', { statuses: ['new'], limit: 1 })).rows[0];
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('accepted');
    },
    (error: unknown) => error as BridgeCallError,
  );

describe('the write path', () => {
  it('shows each pending write once after a restart, and sends each once', async () => {
    const row = await firstNew();
    await platform.stop();
    await app.call('dsar.act', { id: row.id, action: { type: 'add_note', text: 'Rückruf vereinbart.' } });
    await app.call('dsar.act', { id: row.id, action: { type: 'add_note', text: 'Zweite Notiz.' } });
    expect(await notes(row.id)).toEqual(['Rückruf vereinbart.', 'Zweite Notiz.']);

    // A restart shows the pending writes again, from the platform's state beneath them: not twice.
    await app.close();
    app = await open();
    expect(await notes(row.id)).toEqual(['Rückruf vereinbart.', 'Zweite Notiz.']);
    expect(await app.call('dsar.get', { id: row.id })).toMatchObject({ pending: true });

    await platform.start();
    await app.call('sync.now');
    expect(await notes(row.id)).toEqual(['Rückruf vereinbart.', 'Zweite Notiz.']);
    expect(await app.call('dsar.get', { id: row.id })).toMatchObject({ pending: false, dsar: { version: 3 } });
    expect(platform.appliedWrites(row.id).map((w) => w.action)).toEqual(['dsar.add_note', 'dsar.add_note']);
  });

  it("a pull shows the platform's change with the pending writes on top of it", async () => {
    const row = await firstNew();
    const stores = openStores(join(dir.path, 'core'), TEST_KEY);
    const core = openCore(stores, {
      platform: { url: platform.url, token: platform.token },
      sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
      client: { retries: 0, timeoutMs: 3000 },
    });
    try {
      await core.refreshMe();
      await core.engine.kick();
      await platform.stop();
      core.writes.mutate('dsar', row.id, 'act', { type: 'add_note', text: 'Rückruf vereinbart.' });
      await core.engine.kick(); // the platform is down: the write stays in the outbox
      await platform.start();
      await colleague().mutate(dsarEntity, 'setPriority', row.id, { priority: 'high' }, { version: 1, idempotencyKey: 'colleague-prio-1' });
      await pull({ cache: stores.cache, client: core.client, entities: core.entities, writes: core.writes, state: core.state });
      const shown = core.entities.dsar.read(row.id);
      expect(shown).toMatchObject({ priority: 'high', version: 2 });
      expect(shown?.events.filter((e) => e.kind === 'note').map((e) => (e.kind === 'note' ? e.text : ''))).toEqual(['Rückruf vereinbart.']);
      expect(core.outbox.count()).toBe(1);
    } finally {
      await core.engine.stop();
      stores.close();
    }
  });

  it('re-applies a conflict on the platform state with the same rule, and refuses it where the rule no longer holds', async () => {
    const row = await firstNew();
    await platform.stop();
    await app.call('dsar.act', { id: row.id, action: { type: 'start' } });
    await app.call('sync.now');
    await platform.start();
    // A colleague withdrew the request meanwhile: starting it no longer makes sense.
    await colleague().mutate(
      dsarEntity,
      'act',
      row.id,
      { type: 'withdraw', note: 'Per Telefon zurückgezogen.' },
      { version: 1, idempotencyKey: 'colleague-withdraw-1' },
    );
    await app.call('sync.now');
    const [conflict] = await app.call('conflicts.list');
    expect(conflict).toMatchObject({ entityId: row.id, mutator: 'act', intended: { type: 'start' } });

    const refused = await refusal(app.call('conflicts.resolve', { id: conflict.id, action: 'reapply' }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/no longer be re-applied: A request that is withdrawn cannot take "start"/);
    expect(refused).toMatchObject({ problem: 'invalid-transition', params: { status: 'withdrawn', action: 'start' } });
    // Nothing was queued and the conflict is still there for the officer to discard.
    expect(await app.call('sync.status')).toMatchObject({ pendingWrites: 0, conflicts: 1 });
    expect(platform.appliedWrites(row.id).map((w) => w.action)).toEqual(['dsar.withdraw']);
  });

  it('refuses to re-apply a registry change that breaks a rule on the platform state', async () => {
    const id = 'prc_payments-zahlwerk';
    await platform.stop();
    // Based on version 1: the processor's transfer outside the EEA is under SCCs, so dropping the US is fine.
    await app.call('processor.update', { id, patch: { countries: ['US'] } });
    await app.call('sync.now'); // the attempt while the platform is down is over before it comes back
    await platform.start();
    // Meanwhile the colleague removed the safeguard: only EEA countries may stay.
    const current = await colleague().get(processorEntity, id);
    await colleague().mutate(
      processorEntity,
      'update',
      id,
      { countries: ['IE'], transfer: { mechanism: 'none', sccModule: null, tiaDate: null } },
      { version: current.version, idempotencyKey: 'colleague-transfer-1' },
    );
    await app.call('sync.now');
    const [conflict] = await app.call('conflicts.list');
    expect(conflict).toMatchObject({ entity: 'processor', mutator: 'update', kind: 'stale' });
    const refused = await refusal(app.call('conflicts.resolve', { id: conflict.id, action: 'reapply' }));
    expect(refused.issues.map((i) => i.path)).toContain('transfer.mechanism');
  });

  it('a rule only the platform can check (the account exists) refuses the create there: a conflict, and no phantom row', async () => {
    await app.call('dsar.create', {
      type: 'access',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subject: { userId: 'usr_nobody', name: 'Erika Muster', email: 'erika@example.de', locale: 'de', address: null },
    });
    await app.call('sync.now');
    const [conflict] = await app.call('conflicts.list');
    // The platform's problem type and parameters come along, so the console says it in the user's language.
    expect(conflict).toMatchObject({
      mutator: 'create',
      kind: 'rejected',
      problem: 'unknown-account',
      params: { id: 'usr_nobody' },
      detail: 'No platform account usr_nobody.',
    });
    expect((await app.call('dsar.list', { search: 'Muster' })).rows).toEqual([]);
  });

  it('re-applying a conflict whose change the platform already has queues nothing and settles the conflict', async () => {
    const row = await firstNew();
    await platform.stop();
    await app.call('dsar.setPriority', { id: row.id, priority: 'high' });
    await app.call('sync.now'); // its attempt is over before the platform is back
    await platform.start();
    await colleague().mutate(dsarEntity, 'setPriority', row.id, { priority: 'high' }, { version: 1, idempotencyKey: 'colleague-prio-2' });
    await app.call('sync.now');
    const [conflict] = await app.call('conflicts.list');
    await app.call('conflicts.resolve', { id: conflict.id, action: 'reapply' });
    expect(await app.call('sync.status')).toMatchObject({ pendingWrites: 0, conflicts: 0 });
    expect(platform.appliedWrites(row.id)).toHaveLength(1);
  });

  it('after a crash between the acknowledgement of a write and the update of the cache, the last platform state shows, never the write twice', async () => {
    const row = await firstNew();
    await platform.stop();
    await app.call('dsar.act', { id: row.id, action: { type: 'add_note', text: 'Rückruf vereinbart.' } });
    await app.close();
    // What the crash leaves: the platform applied the write and the outbox forgot it; the cache still shows it.
    await platform.start();
    const stores = openStores(join(dir.path, 'console'), TEST_KEY);
    const outbox = new Outbox(stores.pending);
    const [write] = outbox.all();
    await colleague().mutate(dsarEntity, 'act', row.id, write.args, { version: write.baseVersion, idempotencyKey: 'applied-before-crash' });
    outbox.acknowledge(write, write.baseVersion + 1);
    stores.close();
    await platform.stop();

    // Offline: the platform's state as last known, nothing pending (the write is no longer the console's).
    app = await open();
    expect(await notes(row.id)).toEqual([]);
    expect(await app.call('dsar.get', { id: row.id })).toMatchObject({ pending: false, dsar: { version: 1 } });
    // Online: the platform's state with the note, once.
    await platform.start();
    await app.call('sync.now');
    expect(await notes(row.id)).toEqual(['Rückruf vereinbart.']);
    expect(await app.call('dsar.get', { id: row.id })).toMatchObject({ pending: false, dsar: { version: 2 } });
  });

  it('queues nothing for a change that changes nothing', async () => {
    const row = await firstNew();
    await app.call('dsar.setPriority', { id: row.id, priority: row.priority });
    expect((await app.call('sync.status')).pendingWrites).toBe(0);
  });
});
