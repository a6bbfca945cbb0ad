#!/usr/bin/env node
// The tests run the main-process code in plain Node. After `npm start` rebuilt the native SQLite module for
// Electron, Node cannot load it: rebuild it for Node (about two minutes) instead of failing every test.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3-multiple-ciphers');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|was compiled against a different/.test(String(error))) throw error;
  console.log('The SQLite module was built for Electron; rebuilding it for Node …');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
