import type { Command } from 'commander';
import { RAW_ORDER_PLATFORMS } from '../../engine/order/adapters/platforms.ts';
import { collect } from '../options.ts';
import type { Platform } from './read-order.ts';

/**
 * `ordergraph plugin build`, `plugin test` and `plugin publish`; their code (esbuild, the sandbox, HTTP)
 * loads when they run.
 */
export function addPluginCommand(program: Command, platformOf: (value: string) => Platform): void {
  const plugin = program.command('plugin').description('build and try sandboxed plugins (plugins/README.md)');
  plugin
    .command('build')
    .description(
      'transpile *.plugin.ts and check its manifest, writing <name>.plugin.json (exit 1 with file:line:column on errors)',
    )
    .argument('<path>', 'a *.plugin.ts file, or a folder of them')
    .option('--out <dir>', 'write the built plugins here instead of beside their sources')
    .action(async (path: string, options: { out?: string }) =>
      (await import('./plugin-build.ts')).pluginBuildCommand(path, options),
    );
  plugin
    .command('test')
    .description('run a plugin on one order in the real sandbox and print its result, or its named error')
    .argument('<plugin>', 'a built *.plugin.json, or a *.plugin.ts source (built first)')
    .requiredOption('--order <file|->', 'the order as JSON: a file, or - for standard input')
    .option(
      '--platform <platform>',
      `the raw order is from ${RAW_ORDER_PLATFORMS} (default: detected)`,
      platformOf,
    )
    .option('--params <json>', 'the node params, as a JSON object')
    .option('--fact <path>', 'operator plugins: the order field tested, e.g. buyerMessage')
    .option('--value <value>', 'operator plugins: the rule value (JSON, or plain text)')
    .option(
      '--table <name=file>',
      'publish a table for ctx.lookup (repeatable), e.g. stock=stock.json',
      collect,
    )
    .option('--seed <n>', 'deterministic mode: now is the pay time, Math.random seeded with n', (v) =>
      Number(v),
    )
    .action(async (path: string, options) =>
      (await import('./plugin-test.ts')).pluginTestCommand(path, options),
    );
  plugin
    .command('publish')
    .description(
      "upload a plugin's source to a server, which builds it and stores it as an immutable version of the client's plugin (exit 1 with file:line:column when it does not build)",
    )
    .argument('<file>', 'a *.plugin.ts source')
    .requiredOption('--client <id>', 'the client the plugin is for')
    .option('--server <url>', 'the server, e.g. http://localhost:3000 (default: ORDERGRAPH_SERVER)')
    .option('--key <key>', 'a developer or admin API key (default: ORDERGRAPH_KEY)')
    .option('--note <text>', 'what changed, kept with the version')
    .action(async (file: string, options) =>
      (await import('./plugin-publish.ts')).pluginPublishCommand(file, options),
    );
}
