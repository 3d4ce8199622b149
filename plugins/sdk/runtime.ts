// What `import { definePlugin } from '@ordergraph/plugin-sdk'` is inside a plugin: esbuild bundles this
// file into every build, and it runs in the plugin's isolate, never on the host. No imports but types:
// nothing else would be bundled with it.
import type { PluginCallInput } from './call-input.ts';

interface HostContext {
  lookup(table: string, key: string): unknown;
}

interface Definition {
  manifest: unknown;
  run(
    subject: unknown,
    ctx: { params: Readonly<Record<string, unknown>>; lookup: HostContext['lookup'] },
  ): unknown;
}

/**
 * Adapts the author's `run(order, ctx)` to the sandbox contract `run(input, hostCtx)`: the batch entry
 * carries the node's params beside the order, and `ctx` joins them with the host's `lookup`.
 */
export function definePlugin(definition: Definition) {
  const { manifest, run } = definition;
  return {
    manifest,
    run(input: PluginCallInput, host: HostContext) {
      const ctx = Object.freeze({
        params: Object.freeze({ ...input.params }),
        lookup: (table: string, key: string) => host.lookup(table, key),
      });
      return run.call(definition, input.subject, ctx);
    },
  };
}
