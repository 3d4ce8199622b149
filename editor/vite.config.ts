import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The editor bundles the engine core (registry, compiler, pipeline, adapters), which imports nothing of Node. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
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
