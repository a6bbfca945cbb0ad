import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, type Envelope, EVENT_CHANNEL_PREFIX, unwrap } from '../shared/ipc/bridge';

// Exactly the channels of shared/ipc, built from the same list as the headless shell's WebSocket bridge.
// No ipcRenderer, no process, no generic invoke reaches the page.

contextBridge.exposeInMainWorld(
  'privacyConsole',
  buildBridge({
    invoke: async (channel, input) => unwrap((await ipcRenderer.invoke(channel, input)) as Envelope),
    subscribe(event, listener) {
      const handler = (_: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL_PREFIX + event, handler);
      return () => ipcRenderer.off(EVENT_CHANNEL_PREFIX + event, handler);
    },
  }),
);
