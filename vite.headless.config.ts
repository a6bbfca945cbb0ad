import { defineConfig } from 'vite';

/**
 * The headless shell as one ES module for Node (`npm run start:web`): started with plain `node`, not transpiled
 * at every start. Packages stay in node_modules (an SSR build keeps them external), the native SQLite module too.
 */
export default defineConfig({
  build: {
    ssr: 'electron/headless/main.ts',
    outDir: 'dist-headless',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { output: { format: 'esm', entryFileNames: 'main.js' } },
  },
});
