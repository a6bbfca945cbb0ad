/** What the console needs of electron-updater's `autoUpdater` (injected, so it is tested without Electron). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Six hours: a console open all week still learns of an update the same day. */
const EVERY_MS = 6 * 60 * 60_000;

/**
 * The update feed, if one is configured (the environment before the settings): an https address. Anything else
 * is refused with a sentence, so a typo does not turn updates off silently.
 * Null: updates are off, as they are unless configured.
 */
export function updateFeed(configured: string | null | undefined): string | null {
  const text = configured?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The update feed "${text}" is not an address.`);
  }
  // Not even on loopback: Linux packages carry no signature, so whoever serves the feed chooses the program.
  if (url.protocol !== 'https:') throw new Error(`The update feed must be an https address: ${text}`);
  return url.href;
}

/**
 * Looks for updates on the generic feed at start and every six hours, downloads them in the background and, once
 * one is ready, asks whether to restart now; otherwise it is installed when the console quits. A failed check is
 * reported, never fatal: the console works on with the version it has.
 */
export function startUpdates(
  updater: Updater,
  feed: string,
  hooks: { ask(version: string): Promise<boolean>; failed(error: Error): void },
  options: { everyMs?: number } = {},
): () => void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: feed });
  let stopped = false;
  let asked: string | null = null;
  updater.on('error', (error) => hooks.failed(error));
  updater.on('update-downloaded', (info) => {
    // One question per version, however often the feed is checked.
    if (stopped || asked === info.version) return;
    asked = info.version;
    void hooks.ask(info.version).then((now) => {
      if (now && !stopped) updater.quitAndInstall();
    });
  });
  const check = () => {
    if (!stopped)
      updater.checkForUpdates().catch((error: unknown) => hooks.failed(error instanceof Error ? error : new Error(String(error))));
  };
  check();
  const timer = setInterval(check, options.everyMs ?? EVERY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

export const updateTexts = {
  de: {
    title: 'Update bereit',
    message: (version: string) => `Privacy Console ${version} ist heruntergeladen.`,
    detail:
      'Jetzt neu starten, um es zu installieren? Sonst wird es beim nächsten Beenden installiert. Nichts geht verloren: Wartende Änderungen bleiben gespeichert.',
    now: 'Jetzt neu starten',
    later: 'Später',
  },
  en: {
    title: 'Update ready',
    message: (version: string) => `Privacy Console ${version} has been downloaded.`,
    detail: 'Restart now to install it? Otherwise it is installed when you next quit. Nothing is lost: waiting changes stay stored.',
    now: 'Restart now',
    later: 'Later',
  },
};
