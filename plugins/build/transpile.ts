import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { build, type Message, type Plugin } from 'esbuild';
import type { BuildIssue } from './build-issue.ts';

/** The one module a plugin may import. */
export const SDK_MODULE = '@ordergraph/plugin-sdk';

// Read once and handed to esbuild by contents, so no host path ever appears in a plugin's code.
const SDK_RUNTIME = readFileSync(new URL('../sdk/runtime.ts', import.meta.url), 'utf8');

export type TranspileResult =
  | { ok: true; code: string; warnings: BuildIssue[] }
  | { ok: false; issues: BuildIssue[] };

/**
 * TypeScript to the sandbox's classic-script contract: an IIFE assigning the module's exports to
 * `__plugin`, then its default export (what `definePlugin` returned) in their place. Bundling is on
 * only so the SDK's runtime can be inlined; every other import is an error at its line and column.
 * Types are not checked here: the editor's TypeScript service does that.
 */
export async function transpilePlugin(source: string, filename: string): Promise<TranspileResult> {
  try {
    const result = await build({
      stdin: { contents: source, loader: 'ts', sourcefile: basename(filename) },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__plugin',
      footer: { js: '__plugin = __plugin.default;' },
      platform: 'neutral',
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
      plugins: [sdkOnly],
    });
    const code = result.outputFiles[0]?.text ?? '';
    return { ok: true, code, warnings: result.warnings.map((m) => toIssue(m, filename, 'syntax')) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return {
      ok: false,
      issues: errors.map((m) => toIssue(m, filename, m.pluginName === sdkOnly.name ? 'import' : 'syntax')),
    };
  }
}

const sdkOnly: Plugin = {
  name: 'ordergraph-sdk-only',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) =>
      args.path === SDK_MODULE
        ? { path: 'runtime', namespace: 'ordergraph-sdk' }
        : { errors: [{ text: `a plugin may import only "${SDK_MODULE}", not "${args.path}"` }] },
    );
    builder.onLoad({ filter: /.*/, namespace: 'ordergraph-sdk' }, () => ({
      contents: SDK_RUNTIME,
      loader: 'ts',
    }));
  },
};

function toIssue(message: Message, filename: string, code: BuildIssue['code']): BuildIssue {
  const at = message.location;
  if (at === null) return { code, file: filename, message: message.text };
  return {
    code,
    file: filename,
    line: at.line,
    column: characterColumn(at.lineText, at.column),
    message: message.text,
  };
}

/** esbuild counts columns in UTF-8 bytes from 0; people and editors count characters from 1. */
function characterColumn(lineText: string, byteColumn: number): number {
  const bytes = Buffer.from(lineText, 'utf8').subarray(0, byteColumn);
  return [...bytes.toString('utf8')].length + 1;
}
