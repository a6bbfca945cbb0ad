import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { EVENT_CHANNEL_PREFIX } from '../../shared/ipc/bridge';
import { channelNames, eventNames } from '../../shared/ipc/contract';
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
    for (const off of unsubscribe) off();
  };
}
