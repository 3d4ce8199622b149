import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from '../../engine/loader/index.ts';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { formatDecision } from '../format/decision.ts';
import { loadPipeline } from './load-pipeline.ts';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

/** The sample client's pipeline deciding the sample orders, printed for a person. */
export async function demoCommand(engine: EngineName): Promise<void> {
  const strategiesDir = join(SAMPLES, 'clients/demo/strategies');
  const ordersDir = join(SAMPLES, 'orders');
  const pipeline = loadPipeline(strategiesDir, engine, false);
  process.stdout.write(
    `Ordergraph demo: ${pipeline.stages.length} strategies of client "demo" (${strategiesDir})\n`,
  );
  process.stdout.write(
    `stages: ${pipeline.stages.map((s) => `${s.family}:${s.strategyId}`).join(' → ')}\n\n`,
  );
  const files = readdirSync(ordersDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const raw = readJsonFile(join(ordersDir, file)) as object;
    const platform = detectPlatform(raw) ?? 'standard';
    const order = adaptOrder(platform, raw);
    const decision = await pipeline.decide(order);
    process.stdout.write(`${file} (${platform})\n${formatDecision(order, decision)}\n\n`);
  }
  process.stdout.write(
    'Try: ordergraph run --strategy samples/clients/demo/strategies --order samples/orders/<file> --trace\n',
  );
}
