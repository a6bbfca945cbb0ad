import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron/simple';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Native and Node-only packages stay in node_modules: they are loaded at run time, never bundled. */
const mainExternals = ['electron', 'better-sqlite3-multiple-ciphers', 'electron-store', 'fastify', 'ws', /^node:/];

// `vite build` builds renderer, main and preload; `--mode web` only the renderer, for the headless shell.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [
    react(),
    mode === 'web'
      ? null
      : electron({
          main: {
            entry: fromRoot('electron/main.ts'),
            vite: { build: { outDir: fromRoot('dist-electron'), rolldownOptions: { external: mainExternals } } },
          },
          preload: {
            input: fromRoot('electron/preload.ts'),
            // Sandboxed preloads cannot be ES modules.
            vite: {
              build: { outDir: fromRoot('dist-electron'), rolldownOptions: { output: { format: 'cjs', entryFileNames: 'preload.cjs' } } },
            },
          },
        }),
  ],
}));
