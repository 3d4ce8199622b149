import { randomUUID } from 'node:crypto';
import type { PluginFailure, PluginRef, PluginRunner } from '../sdk/index.ts';

// Appended to the built code for this one load only: keeps what the plugin module exported and answers
// every call with its manifest. Top-level code runs inside the isolate, like any plugin code.
const ANSWER_WITH_MANIFEST = `
;(function () {
  var built = globalThis.__plugin;
  if (built === null || typeof built !== 'object' || typeof built.run !== 'function' || !('manifest' in built)) {
    throw new Error('a plugin must end with: export default definePlugin({ manifest, run })');
  }
  var manifest = built.manifest;
  globalThis.__plugin = { run: function () { return manifest; } };
})();`;

/** Builds are loaded under this client, apart from every real client's plugins. */
const BUILD_CLIENT = 'ordergraph-build';

export type ExtractResult = { ok: true; manifest: unknown } | { ok: false; error: PluginFailure };

/**
 * The manifest a built plugin exports, read by running its code in a throwaway isolate of the
 * sandbox: the manifest is TypeScript the author wrote, and plugin code never runs in the host.
 */
export async function extractManifest(runner: PluginRunner, code: string): Promise<ExtractResult> {
  const ref: PluginRef = { clientId: BUILD_CLIENT, pluginId: randomUUID(), version: '0' };
  const loaded = await runner.load({ ...ref, code: code + ANSWER_WITH_MANIFEST });
  if (!loaded.ok) return { ok: false, error: loaded.error };
  try {
    const [result] = await runner.callBatch(ref, [null]);
    return result!.ok ? { ok: true, manifest: result!.value } : { ok: false, error: result!.error };
  } finally {
    await runner.unload(ref);
  }
}
