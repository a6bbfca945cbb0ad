/**
 * One bootstrap alone in this process, as the app's main process runs it (bundled by `alone.ts`, started by plain
 * node): the console with the shells' heap regime, or the raw limit with the runtime's defaults. Prints how long it
 * took and the peak resident memory (the kernel's high-water mark, not a sample).
 */
import { keepHeapTight } from '../../electron/heap';
import { engineBootstrap, rawLoop } from './bootstrap';

const [mode, url, dataDir] = process.argv.slice(2);
const token = process.env.BENCH_PLATFORM_TOKEN ?? '';
if (mode === 'console') keepHeapTight();
const result =
  mode === 'raw'
    ? { ...(await rawLoop(url, token, dataDir)), firstRowsMs: null, atPeak: null }
    : await engineBootstrap(url, token, dataDir);
console.log(`BOOTSTRAP=${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`);
process.exit(0);
