import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { platformAddress } from '../auth/discovery';
import { fileSecret, readTokenFile } from '../auth/file-secret';
import { CacheOpenError } from '../cache/errors';
import { headlessCacheKey } from '../cache/key-file';
import { keepHeapTight } from '../heap';
import { WorkspaceHost } from '../workspaces/host';
import { serveHeadless } from './server';

const TOKEN_ENV = 'PRIVACY_CONSOLE_PLATFORM_TOKEN';
keepHeapTight();

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      platform: { type: 'string' },
      'token-file': { type: 'string' },
      'poll-ms': { type: 'string' },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    /--token\b/.test(message)
      ? `A token on the command line is readable by every user of this machine: use --token-file (mode 0600) or ${TOKEN_ENV}.`
      : message,
  );
  process.exit(2);
}

const root =
  values['data-dir'] ??
  process.env.PRIVACY_CONSOLE_DATA_DIR ??
  join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'privacy-console', 'headless');
const typedUrl = values.platform ?? process.env.PRIVACY_CONSOLE_PLATFORM_URL;

try {
  // A service account: the platform's address and a token from the environment or a 0600 file. Without a token
  // the address is offered on the connection screen, and people sign in in the browser.
  const tokenFile = values['token-file'];
  const token = tokenFile ? readTokenFile(tokenFile) : process.env[TOKEN_ENV];
  if (token && !typedUrl) throw new Error(`A service token needs the platform's address: --platform or PRIVACY_CONSOLE_PLATFORM_URL.`);
  const url = typedUrl ? platformAddress(typedUrl).href.replace(/\/+$/, '') : null;
  const host = new WorkspaceHost({
    root,
    cacheKey: (dir) => headlessCacheKey(dir),
    secrets: (dir) => fileSecret(join(dir, 'session.json')),
    openBrowser: (address) => console.log(`Sign in at: ${address}`),
    service: token && url ? { url, token } : undefined,
    suggestedUrl: url,
    console: values['poll-ms'] ? { sync: { pollMs: Number(values['poll-ms']) } } : undefined,
  });
  await host.start();
  const server = await serveHeadless(host, {
    // Beside this file's folder when bundled (dist-headless/main.js), two up when run from the source.
    rendererDir:
      [new URL('../dist', import.meta.url), new URL('../../dist', import.meta.url)]
        .map((url) => fileURLToPath(url))
        .find((dir) => existsSync(join(dir, 'index.html'))) ?? fileURLToPath(new URL('../../dist', import.meta.url)),
    port: Number(values.port),
  });
  if (host.rebuiltFrom) console.log(`The cache was damaged; it was moved to ${host.rebuiltFrom} and is being rebuilt.`);
  const failed = host.state().error;
  if (failed) console.error(`The last workspace could not be opened: ${failed.message}`);
  const opened = host.state().current;
  console.log(
    `Privacy Console (headless) — ${opened ? `${opened.workspaceName} as ${opened.staffName || 'service account'}` : 'not signed in'}, data in ${root}`,
  );
  console.log(`Open: ${server.url}`);
  console.log(`CONSOLE_URL=${server.url}`);
  const shutdown = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (error) {
  if (error instanceof CacheOpenError) {
    console.error(`Cannot open the local cache: ${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
