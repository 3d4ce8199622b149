import type { BuiltPlugin, PluginRunner } from '../../plugins/sdk/index.ts';

/** One problem with an uploaded plugin, where its developer can find it (`file:line:column`). */
export interface PluginBuildIssue {
  code: string;
  file: string;
  line?: number;
  column?: number;
  /** For manifest problems: the path inside the manifest. */
  path?: string;
  message: string;
}

export type PluginBuild =
  | { ok: true; plugin: BuiltPlugin; warnings: PluginBuildIssue[] }
  | { ok: false; issues: PluginBuildIssue[] };

/**
 * What the composition root hands the server so it can run customer plugins: the supervised sandbox
 * pool every client's plugins run in, and the build (esbuild, then the manifest read in a throwaway
 * isolate). The server itself imports neither the sandbox nor the build.
 */
export interface ServerPlugins {
  runner: PluginRunner;
  build(source: string, filename: string): Promise<PluginBuild>;
  close(): Promise<void>;
}
