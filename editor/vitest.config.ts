import { defineConfig } from 'vitest/config';

/**
 * The editor's tests: pure modules and server-rendered components in Node (`unit`), and the
 * end-to-end suite in Debian's Chromium against the real server (`e2e`), one file at a time so
 * two servers and two browsers never share this machine's two cores.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  test: {
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    reporters: ['default', '../test-support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'serve-editor.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
