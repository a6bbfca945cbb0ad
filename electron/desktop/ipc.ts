import { type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { BRIDGE_NAMES_CHANNEL, EVENT_CHANNEL_PREFIX } from '../../shared/ipc/bridge';
import { bridgeNames, channelNames, eventNames } from '../../shared/ipc/contract';
import type { ConsoleEndpoint } from '../workspaces/host';
import { originOf } from './protocol';

/** A message counts only from the app's own origin in its top-level frame, never from a frame or another page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  const origin = originOf(appUrl);
  return origin !== null && originOf(frame.url) === origin;
}

export function bindIpc(console_: ConsoleEndpoint, window: BrowserWindow, appUrl: string): () => void {
  // The preload builds the page's bridge from these names: it holds no schema itself (a small, fast preload).
  // Answered to any asker, unchecked: the names are in the shipped bundle anyway, the sender's frame may not be
  // settled while a preload runs, and every channel checks its sender when called.
  const names = (event: IpcMainEvent) => {
    event.returnValue = bridgeNames;
  };
  ipcMain.on(BRIDGE_NAMES_CHANNEL, names);
  for (const name of channelNames) {
    ipcMain.handle(name, (event, input: unknown) => {
      if (!isTrustedSender(event, appUrl)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return console_.dispatch(name, input);
    });
  }
  const unsubscribe = eventNames.map((event) =>
    console_.subscribe(event, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL_PREFIX + event, payload);
    }),
  );
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(name);
    ipcMain.removeListener(BRIDGE_NAMES_CHANNEL, names);
    for (const off of unsubscribe) off();
  };
}
