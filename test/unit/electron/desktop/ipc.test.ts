import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_NAMES_CHANNEL } from '../../../../shared/ipc/bridge';
import { bridgeNames, channelNames } from '../../../../shared/ipc/contract';
import { electronMock } from './electron-mock';

vi.mock('electron', () => electronMock);
const { bindIpc, isTrustedSender } = await import('../../../../electron/desktop/ipc');

const appUrl = 'app://console/index.html';
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;

describe('desktop IPC', () => {
  it('trusts only the top-level app page', () => {
    expect(isTrustedSender(frame(`${appUrl}#/requests`), appUrl)).toBe(true);
    expect(isTrustedSender(frame('https://evil.example/'), appUrl)).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/other.html'), appUrl)).toBe(false);
    expect(isTrustedSender(frame('app://console.evil/index.html'), appUrl)).toBe(false);
    expect(isTrustedSender(frame('app://other/index.html'), appUrl)).toBe(false);
    // Any page of the app's origin (the router changes the path), never file://, which has no origin.
    expect(isTrustedSender(frame('app://console/settings'), appUrl)).toBe(true);
    expect(isTrustedSender(frame('file:///opt/pc/dist/index.html'), 'file:///opt/pc/dist/index.html')).toBe(false);
    expect(isTrustedSender(frame(appUrl, {}), appUrl)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never, appUrl)).toBe(false);
  });

  it('registers exactly the contract channels and refuses untrusted senders', async () => {
    electronMock.ipcMain.handle.mockClear();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const console_ = { dispatch, subscribe: () => () => undefined } as never;
    const window = { isDestroyed: () => false, webContents: { send: vi.fn() } } as never;
    bindIpc(console_, window, appUrl);
    const registered = electronMock.ipcMain.handle.mock.calls.map((call) => (call as unknown[])[0]);
    expect(registered).toEqual(channelNames);
    const handler = (electronMock.ipcMain.handle.mock.calls[0] as unknown[])[1] as (event: unknown, input: unknown) => Promise<unknown>;
    expect(await handler(frame('https://evil.example/'), undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(frame(appUrl), undefined)).toEqual({ ok: true, value: 1 });
  });

  it("answers the preload's synchronous question for the bridge's names, and stops when unbound", () => {
    electronMock.ipcMain.on.mockClear();
    const console_ = { dispatch: vi.fn(), subscribe: () => () => undefined } as never;
    const window = { isDestroyed: () => false, webContents: { send: vi.fn() } } as never;
    const unbind = bindIpc(console_, window, appUrl);
    const [channel, listener] = electronMock.ipcMain.on.mock.calls[0] as unknown as [string, (event: { returnValue?: unknown }) => void];
    expect(channel).toBe(BRIDGE_NAMES_CHANNEL);
    const trusted: { returnValue?: unknown } = frame(appUrl);
    listener(trusted);
    expect(trusted.returnValue).toEqual(bridgeNames);
    unbind();
    expect(electronMock.ipcMain.removeListener).toHaveBeenCalledWith(BRIDGE_NAMES_CHANNEL, listener);
  });
});
