import { describe, expect, it } from 'vitest';
import { HandlerError } from '../../../electron/ipc/errors';
import { IpcRegistry } from '../../../electron/ipc/registry';
import { channelNames } from '../../../shared/ipc/contract';

describe('IPC registry', () => {
  it('refuses channels outside the contract', async () => {
    const ipc = new IpcRegistry();
    expect(await ipc.dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipc.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipc.dispatch(42, {})).toMatchObject({ ok: false });
  });

  it('parses input with the channel schema before the handler runs', async () => {
    const ipc = new IpcRegistry();
    let called = 0;
    ipc.handle('dsar.assign', () => {
      called++;
      return {} as never;
    });
    const bad = await ipc.dispatch('dsar.assign', { id: 'dsr_1', assigneeId: 'stf_1', extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipc.dispatch('dsar.assign', { id: '' })).toMatchObject({ ok: false });
    expect(called).toBe(0);
    expect(await ipc.dispatch('dsar.assign', { id: 'dsr_1', assigneeId: null })).toMatchObject({ ok: true });
    expect(called).toBe(1);
  });

  it('turns handler errors into coded envelopes, never stack traces', async () => {
    const ipc = new IpcRegistry();
    ipc.handle('dsar.get', () => {
      throw new HandlerError('not_found', 'No request dsr_9.');
    });
    expect(await ipc.dispatch('dsar.get', { id: 'dsr_9' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No request dsr_9.' },
    });
  });

  it('knows which channels lack a handler, and refuses double registration', () => {
    const ipc = new IpcRegistry();
    expect(ipc.missing()).toEqual(channelNames);
    ipc.handle('sync.status', () => ({}) as never);
    expect(() => ipc.handle('sync.status', () => ({}) as never)).toThrow(/twice/);
  });
});
