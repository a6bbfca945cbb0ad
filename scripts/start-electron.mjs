#!/usr/bin/env node
// `npm start`: build, make the native SQLite module match Electron's ABI, and launch Electron.
// Where the Electron runtime cannot be had (no download access, no display), say so and point to the
// headless shell instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function fail(reason) {
  console.error(`\nPrivacy Console cannot start as a desktop app here: ${reason}`);
  console.error('Run the same console in your browser instead:  npm run start:web\n');
  process.exit(1);
}

// First use: fetch the runtime quietly, so a refused download reads as one clear sentence, not a stack trace.
const electronDir = dirname(require.resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('Fetching the Electron runtime (first start only) …');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (download.status !== 0) {
    const cause = `${download.stderr}`.split('\n').find((line) => /Error/.test(line)) ?? 'no details';
    fail(`the Electron runtime could not be downloaded (${cause.trim()}).`);
  }
}

let electronBinary;
try {
  // Resolving the package downloads the runtime on first use; that needs access to Electron's release host.
  electronBinary = require('electron');
} catch (error) {
  fail(`the Electron runtime could not be downloaded (${error instanceof Error ? error.message.split('\n')[0] : error}).`);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set).');
}

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(npm, ['run', 'build']);
// better-sqlite3-multiple-ciphers is compiled for Node by `npm ci`; Electron embeds another Node ABI.
// (The test command rebuilds it for Node again when needed: scripts/ensure-node-abi.mjs.)
run(npx, ['electron-builder', 'install-app-deps']);
const app = spawnSync(electronBinary, ['.'], { stdio: 'inherit' });
process.exit(app.status ?? 0);
