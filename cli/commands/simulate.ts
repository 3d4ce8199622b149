import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../../engine/errors/index.ts';
import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { progressOn } from '../../simulate/progress.ts';
import { renderHtml } from '../../simulate/report/html/render-html.ts';
import { summaryText } from '../../simulate/report/summary-text.ts';
import { simulate } from '../../simulate/simulate.ts';
import { InvalidStrategiesError } from '../../simulate/strategy-set.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';

interface SimulateCommandOptions {
  strategies: string;
  orders: string;
  platform?: AdapterPlatform;
  map?: string;
  baseline?: string;
  state?: string;
  json?: string;
  html?: string;
  workers?: number;
  limit?: number;
  engine: EngineName;
}

/** `ordergraph simulate`: its options and help; `engineOption` is the one every command shares. */
export function addSimulateCommand(program: Command, engineOption: () => Option): void {
  program
    .command('simulate')
    .description(
      'replay a history of orders through strategies (and a baseline) in pay-time order; report what they decide and what changed',
    )
    .requiredOption(
      '--strategies <dir>',
      'the candidate strategies: a folder of *.strategy.json (client.json beside or above)',
    )
    .requiredOption(
      '--orders <file>',
      'NDJSON of raw Tmall / JD / Douyin or standard orders, or a CSV export with --map',
    )
    .addOption(
      new Option(
        '--platform <platform>',
        'every NDJSON line is from this platform (default: detected per line)',
      ).choices(['tmall', 'jd', 'douyin', 'standard']),
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
    .addOption(engineOption())
    .addHelpText(
      'after',
      [
        '',
        'Orders are decided in pay-time order (an order never paid at its created time), ties by input line, each',
        'from the state the orders before it left: gift caps and stock are consumed as they would have been. The',
        'same inputs give the same report, whatever --workers. Rows that cannot be read are listed with their line.',
        '',
        'Example:',
        '  ordergraph simulate --strategies samples/clients/demo/strategies --orders samples/history/demo-history.ndjson --html report.html',
      ].join('\n'),
    )
    .action((options: SimulateCommandOptions) => simulateCommand(options));
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('use a whole number, 1 or more');
  }
  return n;
}

export async function simulateCommand(options: SimulateCommandOptions): Promise<void> {
  let report: Awaited<ReturnType<typeof simulate>>;
  try {
    report = await simulate({
      strategies: options.strategies,
      orders: options.orders,
      ...(options.platform ? { platform: options.platform } : {}),
      ...(options.map ? { mapping: options.map } : {}),
      ...(options.baseline ? { baseline: options.baseline } : {}),
      ...(options.state ? { state: options.state } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
      engine: options.engine,
      progress: progressOn(process.stderr),
    });
  } catch (error) {
    if (!(error instanceof InvalidStrategiesError)) throw error;
    for (const { file, issues } of error.broken) process.stderr.write(`${formatIssues(file, issues)}\n`);
    throw new CliExit(EXIT.invalid);
  }
  const outputs: string[] = [];
  if (options.json) outputs.push(write(options.json, `${JSON.stringify(report, null, 2)}\n`));
  if (options.html) outputs.push(write(options.html, renderHtml(report)));
  process.stdout.write(summaryText(report, outputs));
}

function write(file: string, text: string): string {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError('file_unwritable', `cannot write ${file}: ${(error as Error).message}`, {
      field: file,
    });
  }
  return file;
}
