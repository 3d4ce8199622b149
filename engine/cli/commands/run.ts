import { InputError } from '../../errors/index.ts';
import { adaptOrder, detectPlatform } from '../../order/adapters/index.ts';
import type { EngineName } from '../../runtime/index.ts';
import { readJsonFile } from '../../strategies/index.ts';
import { loadPipeline } from './load-pipeline.ts';

export interface RunOptions {
  strategy: string;
  order: string;
  platform?: 'tmall' | 'jd' | 'douyin' | 'standard';
  trace?: boolean;
  engine: EngineName;
}

/** Decides one order with the strategies at a path and prints the decision as JSON. */
export async function runCommand(options: RunOptions): Promise<void> {
  const pipeline = loadPipeline(options.strategy, options.engine, options.trace ?? false);
  const raw = readJsonFile(options.order);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError('order_invalid', `${options.order} must hold one order as a JSON object`, {
      field: options.order,
    });
  }
  const platform = options.platform ?? detectPlatform(raw) ?? 'standard';
  const order = adaptOrder(platform, raw);
  const decision = await pipeline.decide(order);
  process.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
}
