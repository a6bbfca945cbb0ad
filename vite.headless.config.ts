import { defineConfig } from 'vite';

/**
 * Packages that stay in node_modules: the native SQLite module, pdfkit (it reads its font metrics from files
 * beside its own code) and the reference platform's authorization server (loaded only with the demo).
 */
const external = ['better-sqlite3-multiple-ciphers', 'pdfkit', 'oidc-provider'];

/**
 * The headless shell as ES modules for Node (`npm run start:web`): started with plain `node`, not transpiled at
 * every start. Every other package is bundled in: resolving and reading hundreds of files from node_modules was
 * the larger part of a start. What only some work needs (PDFs, the demo platform) is a chunk of its own.
 */
export default defineConfig({
  ssr: { noExternal: true, external },
  build: {
    ssr: 'electron/headless/main.ts',
    outDir: 'dist-headless',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { external: [...external, /^node:/], output: { format: 'esm', entryFileNames: 'main.js' } },
  },
});
