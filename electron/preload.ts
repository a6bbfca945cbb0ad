import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAMES_CHANNEL, type BridgeNames, buildBridge, type Envelope, EVENT_CHANNEL_PREFIX, unwrap } from '../shared/ipc/bridge';
import { COMMANDS_LISTENING } from './desktop/commands';

// Exactly the channels of shared/ipc, built from the same list as the headless shell's WebSocket bridge (asked
// from main: the preload holds no schema). No ipcRenderer, no process, no generic invoke reaches the page.

let commandListeners = 0;
const names = ipcRenderer.sendSync(BRIDGE_NAMES_CHANNEL) as BridgeNames | undefined;
if (!names?.channels.length) throw new Error('Privacy Console: the main process named no bridge channels; the window cannot work.');

contextBridge.exposeInMainWorld(
  'privacyConsole',
  buildBridge(
    {
      invoke: async (channel, input) => unwrap((await ipcRenderer.invoke(channel, input)) as Envelope),
      subscribe(event, listener) {
        const handler = (_: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
        ipcRenderer.on(EVENT_CHANNEL_PREFIX + event, handler);
        // Main holds deep links until the page listens for commands: it learns the moment here.
        if (event === 'app.command' && commandListeners++ === 0) ipcRenderer.send(COMMANDS_LISTENING, true);
        let subscribed = true;
        return () => {
          if (!subscribed) return;
          subscribed = false;
          ipcRenderer.off(EVENT_CHANNEL_PREFIX + event, handler);
          if (event === 'app.command' && --commandListeners === 0) ipcRenderer.send(COMMANDS_LISTENING, false);
        };
      },
    },
    names,
  ),
);
