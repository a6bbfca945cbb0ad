import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A stand-in for the parts of Electron the shell touches; only tests of the shell use it. */
export function fakeWebContents() {
  const emitter = new EventEmitter();
  type Headers = { responseHeaders: Record<string, string[]> };
  type PermissionRequest = (c: unknown, p: string, cb: (ok: boolean) => void) => void;
  type HeadersHandler = (details: Headers, cb: (r: Headers) => void) => void;
  const session: {
    permissionRequest: PermissionRequest | null;
    permissionCheck: (() => boolean) | null;
    headers: HeadersHandler | null;
    setPermissionRequestHandler(handler: PermissionRequest): void;
    setPermissionCheckHandler(handler: () => boolean): void;
    webRequest: { onHeadersReceived(handler: HeadersHandler): void };
  } = {
    permissionRequest: null,
    permissionCheck: null,
    headers: null,
    setPermissionRequestHandler(handler) {
      session.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      session.permissionCheck = handler;
    },
    webRequest: {
      onHeadersReceived(handler) {
        session.headers = handler;
      },
    },
  };
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: emitter.on.bind(emitter),
    emit: emitter.emit.bind(emitter),
    session,
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

export const electronMock = {
  shell: { openExternal: vi.fn(async () => undefined) },
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => Buffer.from(`sealed:${text}`)),
    decryptString: vi.fn((buffer: Buffer) => buffer.toString().replace(/^sealed:/, '')),
  },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: vi.fn(),
  Notification: Object.assign(
    vi.fn(function (this: { options: unknown; show: () => void }, options: unknown) {
      this.options = options;
      this.show = () => electronMock.shown.push(options as { title: string; body: string });
    }),
    { isSupported: vi.fn(() => true) },
  ),
  shown: [] as { title: string; body: string }[],
};
