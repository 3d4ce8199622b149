import { writeFileSync } from 'node:fs';
import { InputError } from '../../engine/errors/index.ts';
import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { readBuiltPlugins } from '../../plugins/build/index.ts';
import { progressOn } from '../../simulate/progress.ts';
import { renderHtml } from '../../simulate/report/html/render-html.ts';
import { summaryText } from '../../simulate/report/summary-text.ts';
import { simulate } from '../../simulate/simulate.ts';
import { InvalidStrategiesError } from '../../simulate/strategy-set.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';
import { pluginPipelineFactory } from '../simulate-plugins/plugin-pipeline.ts';

export interface SimulateCommandOptions {
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
  decideAfter?: number;
  engine: EngineName;
  /** A folder of built plugins (`*.plugin.json`) the strategies call. */
  plugins?: string;
  pluginSeed?: number;
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
      ...(options.decideAfter ? { decideAfterMinutes: options.decideAfter } : {}),
      ...(options.plugins
        ? {
            pipelineFactory: pluginPipelineFactory(readBuiltPlugins(options.plugins), {
              kind: 'replay',
              seed: options.pluginSeed ?? 1,
            }),
          }
        : {}),
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
  if (report.orders > 0 && report.decided === 0) {
    // Reported in full above; a script still learns that nothing in the file was an order it could read.
    const first = report.skipped[0];
    process.stderr.write(
      `error: none of the ${report.orders.toLocaleString('en')} rows of ${options.orders} could be decided` +
        `${first ? ` (first: line ${first.line}: ${first.reason})` : ''}\n`,
    );
    throw new CliExit(EXIT.badInput);
  }
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
