import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'dist-bench');
let built: Promise<string> | null = null;

/**
 * The bootstrap probe bundled by the headless shell's build (`vite.headless.config.ts`, another entry): what is
 * measured is the code a main process runs, not sources transpiled by tsx at run time (its loader thread and caches
 * alone add ~50 MB to a process's memory).
 */
function probe(): Promise<string> {
  built ??= build({
    configFile: join(root, 'vite.headless.config.ts'),
    root,
    logLevel: 'warn',
    build: {
      ssr: join(import.meta.dirname, 'probe.ts'),
      outDir,
      rolldownOptions: { output: { entryFileNames: 'probe.js' } },
    },
  }).then(() => join(outDir, 'probe.js'));
  return built;
}

export interface AloneResult {
  ms: number;
  rows: number;
  firstRowsMs: number | null;
  peakRssMb: number;
  atPeak: { heapUsedMb: number; heapTotalMb: number; externalMb: number } | null;
}

/**
 * A bootstrap in a fresh process of its own: the console's (as the app's main process: time, first rows, peak
 * memory), or the raw limit's, so both start equally cold. `nodeFlags` go to that node (e.g. --cpu-prof).
 */
export async function bootstrapAlone(
  url: string,
  token: string,
  dataDir: string,
  mode: 'console' | 'raw' = 'console',
  nodeFlags: string[] = [],
): Promise<AloneResult> {
  const child = spawn(process.execPath, [...nodeFlags, await probe(), mode, url, dataDir], {
    env: { ...process.env, BENCH_PLATFORM_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const line = /BOOTSTRAP=(\{.*\})/.exec(output);
  if (code !== 0 || !line) throw new Error(`the bootstrap process failed (${code}): ${output.slice(-500)}`);
  const result = JSON.parse(line[1]) as Omit<AloneResult, 'peakRssMb'> & { maxRssMb: number };
  return { ...result, peakRssMb: result.maxRssMb };
}
