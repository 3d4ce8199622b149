// Every start of the CLI loads this module and what it imports: keep those light (commander and the
// commands' options). A command's code, and the packages it needs, load when the command runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  ADAPTER_PLATFORMS,
  type AdapterPlatform,
  isAdapterPlatform,
  RAW_ORDER_PLATFORMS,
} from '../engine/order/adapters/platforms.ts';
import { ENGINE_NAMES, type EngineName } from '../engine/runtime/evaluator.ts';
import pkg from '../package.json' with { type: 'json' };
import { addGenerateCommand } from './commands/generate-command.ts';
import { addPluginCommand } from './commands/plugin-command.ts';
import { addSimulateCommand } from './commands/simulate-command.ts';
import { EXIT, reportFailure } from './exit.ts';
import { collect } from './options.ts';

// A reader that stops early (`ordergraph demo | head`) closes the pipe: that ends the output, not in a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

const engineOption = () =>
  new Option('--engine <engine>', 'which runtime decides: compiled (fast) or reference (json-rules-engine)')
    .choices(ENGINE_NAMES)
    .default('compiled' as EngineName);

function platformOf(value: string): AdapterPlatform {
  if (!isAdapterPlatform(value)) throw new InvalidArgumentError(`use ${ADAPTER_PLATFORMS.join(', ')}`);
  return value;
}

function processCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError('use a whole number from 1 to 64');
  return n;
}

const program = new Command()
  .name('ordergraph')
  .description(
    'Order strategies drawn as graphs, compiled to json-rules-engine rules, run on e-commerce orders.',
  )
  .version(pkg.version, '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

program
  .command('compile')
  .description(
    'check a strategy graph and print its json-rules-engine rule JSON (exit 1 with the issues if invalid)',
  )
  .argument('<file>', 'a *.strategy.json file')
  .option('--json', 'print {ok, compiled, issues} as JSON for machines')
  .action(async (file: string, options: { json?: boolean }) =>
    (await import('./commands/compile.ts')).compileCommand(file, options),
  );

program
  .command('run')
  .description(
    'decide one order with a strategy file or folder (--strategy, --order), or run plain json-rules-engine ' +
      'rule JSON over NDJSON orders (--rules, --orders)',
  )
  .option('--strategy <file|dir>', 'a *.strategy.json file, or a folder of them run as a pipeline')
  .option('--order <file|->', 'the order as JSON: a file, or - for standard input')
  .option('--rules <rules.json>', 'json-rules-engine rule JSON: a rule array or {rules, conditions}')
  .option('--orders <file.ndjson>', 'with --rules: one JSON object of facts per line (- for standard input)')
  .option('--out <file>', 'with --rules: write one {line, events} JSON line per order here instead of stdout')
  .option(
    '--platform <platform>',
    `the raw order is from ${RAW_ORDER_PLATFORMS} (default: detected, else standard)`,
    platformOf,
  )
  .option('--trace', 'include the rules that fired, their nodes and the facts they read')
  .option('--plugins <dir>', 'run the strategies with the built plugins (*.plugin.json) in this folder')
  .option('--table <name=file>', 'with --plugins: publish a table for ctx.lookup (repeatable)', collect)
  .addOption(engineOption())
  .action(async (options) =>
    options.plugins
      ? (await import('./commands/plugin-run.ts')).runWithPluginsCommand(options)
      : (await import('./commands/run.ts')).runCommand(options),
  );

program
  .command('test')
  .description('run the tests each strategy file carries in its "tests" list')
  .argument('<path>', 'a *.strategy.json file or a folder of them')
  .addOption(engineOption())
  .action(async (path: string, options: { engine: EngineName }) =>
    (await import('./commands/test.ts')).testCommand(path, options.engine),
  );

program
  .command('demo')
  .description('the demo client deciding the sample orders (what `npm start` shows)')
  .addOption(engineOption())
  .action(async (options: { engine: EngineName }) =>
    (await import('./commands/demo.ts')).demoCommand(options.engine),
  );

program
  .command('serve')
  .description('serve the REST API (`npm start`); reads PORT, DATA_DIR, MONGODB_URI, ORDERGRAPH_ADMIN_KEY')
  .option('--port <port>', 'port to listen on (default: PORT, else 3000)')
  .option('--data-dir <dir>', 'the embedded workspace folder (default: DATA_DIR, else ./data)')
  .addOption(new Option('--engine <engine>', 'runtime (default: compiled)').choices(ENGINE_NAMES))
  .option(
    '--evaluators <n>',
    'also run n evaluator processes on one port (EVALUATOR_PORT, else PORT+1); needs REDIS_URL',
    processCount,
  )
  .action(async (options: { port?: string; dataDir?: string; engine?: EngineName; evaluators?: number }) =>
    (await import('./commands/serve.ts')).serveCommand(options),
  );

program
  .command('evaluator')
  .description(
    'serve evaluate beside a control server (`serve`): same DATA_DIR or MONGODB_URI, state shared through REDIS_URL',
  )
  .option('--port <port>', 'port to listen on (default: PORT, else 3000)')
  .option(
    '--data-dir <dir>',
    "the control server's workspace folder, read only (default: DATA_DIR, else ./data)",
  )
  .addOption(new Option('--engine <engine>', 'runtime (default: compiled)').choices(ENGINE_NAMES))
  .action(async (options: { port?: string; dataDir?: string; engine?: EngineName }) =>
    (await import('./commands/evaluator.ts')).evaluatorCommand(options),
  );

program
  .command('worker')
  .description(
    "run a control server's simulation jobs from its queue in REDIS_URL; needs its DATA_DIR at the same path",
  )
  .action(async () => (await import('./commands/worker.ts')).workerCommand());

addGenerateCommand(program);
addPluginCommand(program, platformOf);
addSimulateCommand(program, engineOption);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exitCode = EXIT.ok;
  else if (code?.startsWith('commander.')) process.exitCode = EXIT.badInput;
  else process.exitCode = reportFailure(error);
}
