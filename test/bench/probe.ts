/**
 * One bootstrap alone in this process, as the app's main process runs it (bundled by `alone.ts`, started by plain
 * node): the console with the shells' heap regime, or the raw limit with the runtime's defaults. Prints how long it
 * took and the peak resident memory (the kernel's high-water mark, not a sample).
 */
import { readFileSync } from 'node:fs';
import { keepHeapTight } from '../../electron/heap';
import { engineBootstrap, rawLoop } from './bootstrap';

const [mode, url, dataDir] = process.argv.slice(2);
const token = process.env.BENCH_PLATFORM_TOKEN ?? '';
if (mode === 'console') keepHeapTight();
const result =
  mode === 'raw'
    ? { ...(await rawLoop(url, token, dataDir)), firstRowsMs: null, atPeak: null }
    : await engineBootstrap(url, token, dataDir);
console.log(`BOOTSTRAP=${JSON.stringify({ ...result, maxRssMb: peakRssMb() })}`);
process.exit(0);

/**
 * This process's peak resident memory. On Linux from its own address space (VmHWM): `getrusage`'s maxRSS also
 * counts the parent's memory at the moment it started this process (the bench's, hundreds of MB), as the kernel
 * carries the high-water mark across fork and exec.
 */
function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
