import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  buildPlugin,
  builtPluginPath,
  formatBuildIssue,
  pluginSourceFiles,
} from '../../plugins/build/index.ts';
import { pluginLabel } from '../../plugins/sdk/index.ts';
import { PluginHost } from '../../sandbox/index.ts';
import { CliExit, EXIT } from '../exit.ts';

export interface PluginBuildOptions {
  out?: string;
}

/**
 * `ordergraph plugin build <dir|file>`: transpiles each `*.plugin.ts` and checks its manifest (read in
 * the sandbox), writing `<name>.plugin.json` beside it or into --out. Problems print as
 * `file:line:column: message`; any failed build exits 1 after the others are written.
 */
export async function pluginBuildCommand(path: string, options: PluginBuildOptions): Promise<void> {
  const files = pluginSourceFiles(path);
  const host = new PluginHost({ workers: 1 });
  const written = new Map<string, string>();
  let failed = 0;
  try {
    for (const file of files) {
      const built = await buildPlugin(readFileSync(file, 'utf8'), file, host);
      if (!built.ok) {
        for (const issue of built.issues) process.stderr.write(`${formatBuildIssue(issue)}\n`);
        failed += 1;
        continue;
      }
      for (const warning of built.warnings) process.stderr.write(`${formatBuildIssue(warning)} (warning)\n`);
      const target = builtPluginPath(file, options.out);
      const earlier = written.get(target);
      if (earlier !== undefined) {
        process.stderr.write(`${file}: would overwrite ${target}, built from ${earlier}\n`);
        failed += 1;
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(built.plugin, null, 2)}\n`);
      written.set(target, file);
      const { manifest } = built.plugin;
      process.stdout.write(`built ${target}: ${manifest.kind} plugin ${pluginLabel(manifest)}\n`);
    }
  } finally {
    await host.close();
  }
  if (failed) throw new CliExit(EXIT.invalid);
}
