import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/desktop/main/index.ts'),
          // The Timeout planner page's worker threads, found by name beside the main code (planner/parallel.ts).
          'planner-worker': resolve(root, 'electron/core/planner/worker.ts'),
        },
        output: { entryFileNames: (chunk) => (chunk.name === 'planner-worker' ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'electron/desktop/preload/index.ts') },
        // A sandboxed preload must be CommonJS (toolchain-notes §3).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
        },
      },
    },
  },
});
