import { describe, expect, it } from 'vitest';
import { BridgeCallError, buildBridge, unwrap } from '../../../shared/ipc/bridge';
import { bridgeNames, channelNames } from '../../../shared/ipc/contract';

describe('bridge built from the channel list', () => {
  const calls: [string, unknown][] = [];
  const bridge = buildBridge(
    {
      invoke: async (channel, input) => {
        calls.push([channel, input]);
        return 'ok';
      },
      subscribe: () => () => undefined,
    },
    bridgeNames,
  );

  it('exposes exactly the contract channels and `on`, nothing generic', () => {
    expect(Object.keys(bridge).sort()).toEqual([...channelNames, 'on'].sort());
    expect('invoke' in bridge).toBe(false);
  });

  it('forwards a call with its channel name', async () => {
    await bridge['dsar.get']({ id: 'dsr_1' });
    expect(calls).toContainEqual(['dsar.get', { id: 'dsr_1' }]);
  });

  it('refuses subscriptions to events outside the contract', () => {
    expect(() => bridge.on('secrets.leak' as 'sync.status', () => undefined)).toThrow(/unknown event/);
  });

  it('unwraps envelopes into values or coded errors', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrap({ ok: false, error: { code: 'forbidden', message: 'no' } })).toThrow(BridgeCallError);
  });
});
