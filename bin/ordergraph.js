#!/usr/bin/env node
// The CLI runs from its build, dist/cli.js: `npm run build` writes it, and `npm ci` runs that through
// `prepare`. Working on the source? `node --import tsx cli/main.ts …` runs it without a build.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('ordergraph: dist/cli.js is missing: run npm run build\n');
  process.exit(1);
}
// dist/ carries source maps; stack traces name the TypeScript source when debugging.
if (process.env.ORDERGRAPH_DEBUG) process.setSourceMapsEnabled(true);
await import(cli.href);
