import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../../engine/errors/index.ts';
import { ADAPTER_PLATFORM_NAMES, ADAPTER_PLATFORMS } from '../../engine/order/adapters/platforms.ts';
import type { SimulateCommandOptions } from './simulate.ts';

/** What `simulate` takes: local options, and those of a run on a server (`--server`). */
type SimulateOptions = Omit<SimulateCommandOptions, 'strategies'> & {
  strategies?: string;
  server?: string;
  key?: string;
  client: string;
  candidate?: string[];
  baselineRelease?: number;
  liveState?: boolean;
};

/** `ordergraph simulate`: its options and help (the simulation loads when it runs); `engineOption` is the one every command shares. */
export function addSimulateCommand(program: Command, engineOption: () => Option): void {
  program
    .command('simulate')
    .description(
      'replay a history of orders through strategies (and a baseline) in pay-time order; report what they decide and what changed',
    )
    .option(
      '--strategies <dir>',
      'the candidate strategies: a folder of *.strategy.json (client.json beside or above); not with --server',
    )
    .requiredOption(
      '--orders <file>',
      `NDJSON of raw ${ADAPTER_PLATFORM_NAMES} orders, or a CSV export with --map; either may be gzipped`,
    )
    .addOption(
      new Option(
        '--platform <platform>',
        'every NDJSON line is from this platform (default: detected per line)',
      ).choices(ADAPTER_PLATFORMS),
    )
    .option(
      '--map <mapping.json>',
      'read --orders as a CSV export, its columns mapped to standard order fields',
    )
    .option(
      '--baseline <dir>',
      'the published strategies, to list the orders the candidate decides differently',
    )
    .option(
      '--state <snapshot.json>',
      'counters, stock and buyer history both pipelines start from (default: empty)',
    )
    .option('--json <file>', 'write the full report as JSON')
    .option('--html <file>', 'write a self-contained HTML report with charts, to open or email')
    .option(
      '--workers <n>',
      'threads reading and adapting the input (default: one per core)',
      positiveInteger,
    )
    .option('--limit <n>', 'only the first n orders of the file', positiveInteger)
    .option(
      '--plugins <dir>',
      'run the strategies with these built plugins (*.plugin.json), in deterministic mode: a plugin sees the pay time as now and a seeded Math.random',
    )
    .option(
      '--plugin-seed <n>',
      "with --plugins: the seed of every order's Math.random (default 1)",
      wholeNumber,
    )
    .option(
      '--decide-after <minutes>',
      'decide each order this many minutes after it was paid (created, if unpaid), as an OMS that waits would (default: 0)',
      wholeNumber,
    )
    .addOption(engineOption())
    .option(
      '--server <url>',
      'run the simulation on an ordergraph server instead (upload, run, download the report)',
    )
    .option('--key <key>', 'the API key for --server (consultant or admin; default: $ORDERGRAPH_KEY)')
    .option('--client <id>', 'the client on --server', 'demo')
    .option(
      // Commander reads `...` as variadic only after a word character: `<strategy[@version]...>` took one string.
      '--candidate <strategy...>',
      'with --server: strategies replacing their live ones, each strategyId (its draft) or strategyId@version; without, live is replayed alone',
    )
    .option(
      '--baseline-release <n>',
      'with --server: compare against this release instead of the live one',
      positiveInteger,
    )
    .option(
      '--live-state',
      "with --server: start from the client's live counters, stock and buyers (--state: a snapshot file)",
    )
    .addHelpText(
      'after',
      [
        '',
        'Orders are decided in pay-time order (an order never paid at its created time), ties by input line, each',
        'from the state the orders before it left: gift caps and stock are consumed as they would have been. The',
        'same inputs give the same report, whatever --workers. Rows that cannot be read are listed with their line.',
        'The clock an order is decided by is its pay time plus --decide-after, so minutesSincePaid is that delay:',
        'a "hold orders paid less than N minutes ago" check holds every replayed order unless it is N or more.',
        '',
        'Example:',
        '  ordergraph simulate --strategies samples/clients/demo/strategies --orders samples/history/demo-history.ndjson --html report.html',
        '  ordergraph simulate --server http://localhost:3000 --key $KEY --orders samples/history/tmall-order-export.csv \\',
        '    --map samples/history/tmall-order-export-mapping.json --candidate carrier --html report.html',
      ].join('\n'),
    )
    .action(async (options: SimulateOptions) => {
      if (options.orders === '-') {
        throw new InputError(
          'orders_from_stdin',
          'simulate reads --orders from a file, not standard input: write it to a file first (gzipped is fine)',
          { field: '--orders' },
        );
      }
      if (options.server) {
        const key = options.key ?? process.env.ORDERGRAPH_KEY;
        if (!key)
          throw new InputError('key_required', '--server needs --key (or ORDERGRAPH_KEY)', {
            field: '--key',
          });
        const { state, ...rest } = options;
        return (await import('./simulate-remote.ts')).simulateRemote({
          ...rest,
          server: options.server,
          key,
          ...(options.liveState ? { liveState: true } : {}),
          ...(state ? { stateFile: state } : {}),
        });
      }
      const { strategies } = options;
      if (!strategies) {
        throw new InputError(
          'strategies_required',
          'say which strategies to replay: --strategies <dir> (or --server)',
          {
            field: '--strategies',
          },
        );
      }
      return (await import('./simulate.ts')).simulateCommand({ ...options, strategies });
    });
}

function positiveInteger(value: string): number {
  const n = wholeNumber(value);
  if (n < 1) throw new InvalidArgumentError('use a whole number, 1 or more');
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('use a whole number, 0 or more');
  }
  return n;
}
