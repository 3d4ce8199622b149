import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const shim = (name: string) =>
  fileURLToPath(new URL(`./src/infrastructure/node-shims/${name}.ts`, import.meta.url));

/**
 * The editor bundles the engine's browser-safe parts (registry, compiler, pipeline, adapters).
 * A few engine modules also serve the CLI and import Node built-ins at the top; in the browser
 * those imports resolve to small shims that fail loudly if ever called.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^node:fs$/, replacement: shim('fs') },
      { find: /^node:path$/, replacement: shim('path') },
      { find: /^node:util$/, replacement: shim('util') },
      { find: /^node:module$/, replacement: shim('module') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:editor` talks to a server started with `npm start` on the default port.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
