/**
 * Builds the plain-Node entry points (the esp-sim CLI and the browser-preview server) from the
 * same engine and session code the Electron main process uses. No electron import reaches these.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: {
        cli: resolve(root, 'electron/cli/index.ts'),
        preview: resolve(root, 'electron/preview/index.ts'),
        'bench-engine': resolve(root, 'bench/engine/bench.ts'),
        'bench-logs': resolve(root, 'bench/logs/bench.ts'),
        'bench-planner': resolve(root, 'bench/planner/bench.ts'),
        'planner-worker': resolve(root, 'electron/core/planner/worker.ts'),
        'bench-operator': resolve(root, 'bench/operator/bench.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
