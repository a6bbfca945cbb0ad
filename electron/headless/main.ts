import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CacheOpenError } from '../cache/errors';
import { headlessCacheKey } from '../cache/key-file';
import { type PlatformTarget, startConsole } from '../console';
import { serveHeadless } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    platform: { type: 'string' },
    token: { type: 'string' },
    'poll-ms': { type: 'string' },
  },
});

const dataDir =
  values['data-dir'] ??
  process.env.PRIVACY_CONSOLE_DATA_DIR ??
  join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'privacy-console', 'headless');
const platformUrl = values.platform ?? process.env.PRIVACY_CONSOLE_PLATFORM_URL;
const platformToken = values.token ?? process.env.PRIVACY_CONSOLE_PLATFORM_TOKEN;
if (platformUrl && !platformToken) {
  console.error('A platform URL needs a token too: --token or PRIVACY_CONSOLE_PLATFORM_TOKEN.');
  process.exit(2);
}
const platform: PlatformTarget = platformUrl ? { kind: 'remote', url: platformUrl, token: platformToken ?? '' } : { kind: 'demo' };

try {
  const console_ = await startConsole({
    dataDir,
    cacheKey: headlessCacheKey(dataDir),
    platform,
    sync: values['poll-ms'] ? { pollMs: Number(values['poll-ms']) } : undefined,
  });
  const server = await serveHeadless(console_, {
    rendererDir: fileURLToPath(new URL('../../dist', import.meta.url)),
    port: Number(values.port),
  });
  if (console_.rebuiltFrom) console.log(`The cache was damaged; it was moved to ${console_.rebuiltFrom} and is being rebuilt.`);
  console.log(`Privacy Console (headless) — ${platform.kind === 'demo' ? 'demo workspace' : platformUrl}, data in ${dataDir}`);
  console.log(`Open: ${server.url}`);
  console.log(`CONSOLE_URL=${server.url}`);
  const shutdown = async () => {
    await server.close();
    await console_.close();
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
