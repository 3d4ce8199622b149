import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, LAYERS, layerOf } from './import-rules.ts';
import { importsOf, scanRepository } from './scan-imports.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = [
  'engine',
  'plugins',
  'sandbox',
  'simulate',
  'api',
  'server',
  'editor/src',
  'editor/serve-editor.ts',
  'cli',
  'exports',
];

describe('import rules', () => {
  it('hold for every source file of the repository', () => {
    const sources = scanRepository(ROOT, FOLDERS);
    expect(sources.length).toBeGreaterThan(300);
    expect(findViolations(sources)).toEqual([]);
  });

  it('every layer has files, so no rule guards an empty folder', () => {
    const sources = scanRepository(ROOT, FOLDERS);
    const seen = new Set(sources.map((s) => layerOf(s.file)));
    expect(LAYERS.map(([layer]) => layer).filter((layer) => !seen.has(layer))).toEqual([]);
  });

  it.each([
    ['engine/order/x.ts', 'node:fs', /no Node built-ins/],
    ['engine/order/x.ts', 'fs', /no Node built-ins/],
    ['engine/order/x.ts', 'server/app.ts', /not server/],
    ['engine/runtime/x.ts', 'sandbox/index.ts', /not sandbox/],
    ['engine/runtime/x.ts', 'engine/loader/index.ts', /not engine-loader/],
    ['engine/nodes/x.ts', 'react', /React/],
    ['server/app.ts', 'editor/serve-editor.ts', /not editor-host/],
    ['server/app.ts', 'bench/lib/timing.ts', /outside every layer/],
    ['server/routes/x.ts', 'editor/src/core/engine.ts', /not editor/],
    ['sandbox/host/x.ts', 'engine/errors/index.ts', /not engine/],
    ['editor/src/x.ts', 'server/store/records.ts', /not server/],
    ['api/schemas/x.ts', 'node:crypto', /no Node built-ins/],
    ['plugins/sdk/x.ts', 'engine/order/schema.ts', /not engine/],
    ['plugins/build/x.ts', 'sandbox/index.ts', /not sandbox/],
  ])('refuse %s importing %s', (file, specifier, reason) => {
    const violations = findViolations([{ file, imports: [specifier] }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.reason).toMatch(reason);
  });

  it.each([
    ['engine/loader/x.ts', 'node:fs'],
    ['engine/nodes/x.ts', 'plugins/sdk/index.ts'],
    ['cli/main.ts', 'server/start-server.ts'],
    ['editor/src/x.ts', 'api/index.ts'],
    ['engine/order/x.test.ts', 'node:fs'],
  ])('allow %s importing %s', (file, specifier) => {
    expect(findViolations([{ file, imports: [specifier] }])).toEqual([]);
  });

  it('reads static, re-exported and dynamic imports, not commented ones', () => {
    const text = [
      "import { a } from './a.ts';",
      "export { b } from '../b.ts';",
      "import './side-effect.ts';",
      "const c = await import('node:fs');",
      "// import { d } from './d.ts';",
      "/* import { e } from './e.ts'; */",
    ].join('\n');
    expect(importsOf('engine/order/x.ts', text)).toEqual([
      'engine/order/a.ts',
      'engine/b.ts',
      'engine/order/side-effect.ts',
      'node:fs',
    ]);
  });
});
