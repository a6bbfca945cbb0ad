import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron/simple';
import { contentSecurityPolicy } from './shared/ipc/csp';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Native and Node-only packages stay in node_modules: they are loaded at run time, never bundled. pdfkit reads
 * its standard fonts through its own package's `#standard-fonts` imports, which resolve only from its folder.
 */
const mainExternals = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  'pdfkit',
  'electron-store',
  'electron-updater',
  'fastify',
  'ws',
  'oidc-provider',
  'openid-client',
  'otplib',
  /^node:/,
];

// `vite build` builds renderer, main and preload; `--mode web` only the renderer, for the headless shell.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [
    react(),
    {
      // The page's own policy (the one that applies to a file:// page); the shells also send it as a header.
      name: 'content-security-policy',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ connect: ['ws://127.0.0.1:*'], meta: true }) },
          injectTo: 'head',
        },
      ],
    },
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
