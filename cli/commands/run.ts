import { InputError } from '../../engine/errors/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { runRulesFile } from '../run-rules/index.ts';
import { loadPipeline } from './load-pipeline.ts';
import { type Platform, readOrder } from './read-order.ts';

export interface RunOptions {
  strategy?: string;
  order?: string;
  rules?: string;
  orders?: string;
  out?: string;
  platform?: Platform;
  trace?: boolean;
  engine: EngineName;
}

/** Decides one order with a strategy, or a file of orders with plain rule JSON. */
export async function runCommand(options: RunOptions): Promise<void> {
  if (options.rules !== undefined || options.orders !== undefined) return runRules(options);
  if (options.strategy === undefined || options.order === undefined) {
    throw new InputError(
      'usage',
      'run needs --strategy and --order (or --rules and --orders); see ordergraph run --help',
    );
  }
  const pipeline = loadPipeline(options.strategy, options.engine, options.trace ?? false);
  const order = readOrder(options.order, options.platform);
  const decision = await pipeline.decide(order);
  process.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
}

/** Plain json-rules-engine rule JSON over NDJSON facts, one `{line, events}` line per order. */
async function runRules(options: RunOptions): Promise<void> {
  if (options.rules === undefined || options.orders === undefined) {
    throw new InputError('usage', 'run --rules needs --orders <file.ndjson> as well');
  }
  const summary = await runRulesFile({
    rulesPath: options.rules,
    ordersPath: options.orders,
    outPath: options.out,
    engine: options.engine,
  });
  if (options.out !== undefined) {
    process.stderr.write(
      `${summary.decided} of ${summary.lines} orders decided, ${summary.errors} with errors → ${options.out}\n`,
    );
  }
}
