import { builtinModules } from 'node:module';
import type { SourceImports } from './scan-imports.ts';

/**
 * The layers of the repository, by path prefix, most specific first. A file outside every layer
 * (benchmarks, sample tools, configs) is an application of the layers and may import anything.
 */
export const LAYERS = [
  ['engine-loader', 'engine/loader/'],
  ['engine', 'engine/'],
  ['plugin-sdk', 'plugins/sdk/'],
  ['plugin-build', 'plugins/build/'],
  ['sandbox', 'sandbox/'],
  ['simulate', 'simulate/'],
  ['api', 'api/'],
  ['server', 'server/'],
  ['editor', 'editor/src/'],
  ['editor-host', 'editor/serve-editor.ts'],
  ['cli', 'cli/'],
  ['package-entries', 'exports/'],
] as const;

export type Layer = (typeof LAYERS)[number][0];

interface LayerRule {
  /** Layers this one may import (itself included). */
  imports: readonly Layer[];
  /** Whether it may import Node's built-in modules. */
  node: boolean;
  /** Whether it may import React. */
  react: boolean;
}

export const RULES: Record<Layer, LayerRule> = {
  // The core runs in a browser as is: nothing of Node, nothing of its neighbours.
  engine: { imports: ['engine', 'plugin-sdk'], node: false, react: false },
  'engine-loader': { imports: ['engine', 'engine-loader', 'plugin-sdk'], node: true, react: false },
  // The plugin contract depends on nothing of ours: the engine, the sandbox and the build all import it.
  'plugin-sdk': { imports: ['plugin-sdk'], node: false, react: false },
  // Building reads the manifest in an isolate through a PluginRunner the caller passes in.
  'plugin-build': {
    imports: ['plugin-build', 'plugin-sdk', 'engine', 'engine-loader'],
    node: true,
    react: false,
  },
  sandbox: { imports: ['sandbox', 'plugin-sdk'], node: true, react: false },
  simulate: { imports: ['simulate', 'engine', 'engine-loader', 'plugin-sdk'], node: true, react: false },
  // The API's documents: shared by the server, which validates with them, and the editor's client.
  api: { imports: ['api', 'engine', 'plugin-sdk'], node: false, react: false },
  // Simulation jobs run `simulate/` (in worker threads): the server is one of its two applications.
  server: {
    imports: ['server', 'api', 'engine', 'engine-loader', 'plugin-sdk', 'simulate'],
    node: true,
    react: false,
  },
  editor: { imports: ['editor', 'api', 'engine', 'plugin-sdk'], node: false, react: true },
  // Serves the built editor over HTTP; the CLI hands it to the server.
  'editor-host': { imports: ['editor-host'], node: true, react: false },
  // The composition root wires every layer together.
  cli: {
    imports: LAYERS.map(([layer]) => layer),
    node: true,
    react: false,
  },
  // What `import 'ordergraph'` gives an integrator: the engine core, so it runs in a browser too.
  'package-entries': { imports: ['package-entries', 'engine', 'plugin-sdk'], node: false, react: false },
};

const TEST_FILE = /(\.test\.tsx?|\.test-helper\.ts|\/test-fixtures\.ts)$|(^|\/)(fixtures|e2e|test-support)\//;
const NODE_BUILTINS = new Set(builtinModules);

export function layerOf(path: string): Layer | undefined {
  return LAYERS.find(([, prefix]) => path.startsWith(prefix))?.[0];
}

export interface Violation {
  file: string;
  imports: string;
  reason: string;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

const isReact = (specifier: string) =>
  /^(react|react-dom|@xyflow\/react|react-i18next|@monaco-editor\/react)(\/|$)/.test(specifier);

function checkOne(layer: Layer, specifier: string): string | undefined {
  const rule = RULES[layer];
  if (isNodeBuiltin(specifier))
    return rule.node ? undefined : `${layer} runs in a browser: no Node built-ins`;
  if (isReact(specifier)) return rule.react ? undefined : `${layer} does not depend on React`;
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const target = layerOf(specifier);
  if (!target && /^(engine|plugins|sandbox|simulate|api|server|editor|cli|bench|samples)\//.test(specifier)) {
    return specifier.startsWith('samples/')
      ? undefined
      : `${layer} imports ${specifier}, outside every layer`;
  }
  if (!target || rule.imports.includes(target)) return undefined;
  return `${layer} may import ${rule.imports.join(', ')}; not ${target}`;
}

/** Every import that breaks the rules, tests excepted (a test may cross layers to wire real parts). */
export function findViolations(sources: readonly SourceImports[]): Violation[] {
  const violations: Violation[] = [];
  for (const { file, imports } of sources) {
    const layer = layerOf(file);
    if (!layer || TEST_FILE.test(file)) continue;
    for (const specifier of imports) {
      const reason = checkOne(layer, specifier);
      if (reason) violations.push({ file, imports: specifier, reason });
    }
  }
  return violations;
}
