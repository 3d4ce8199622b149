/**
 * Issue 5 (e): heap per compiled strategy, for each demo strategy and the whole demo set — the
 * compiler's rule JSON, and a pipeline ready to decide (its evaluators and prepared event params,
 * after one order, so lazily built parts count too), compiled runtime against json-rules-engine.
 * Heap deltas over many copies. Run: `node --import tsx bench/strategy-memory.bench.ts`.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CompiledStrategy, compileStrategy } from '../engine/compiler/index.ts';
import { loadStrategies } from '../engine/loader/index.ts';
import { adaptOrder, detectPlatform } from '../engine/order/adapters/index.ts';
import { createPipeline, type EngineName } from '../engine/runtime/index.ts';
import { InMemoryState } from '../engine/state/index.ts';
import { DEMO_STRATEGIES, demoStock } from '../samples/tools/demo-pipeline.ts';
import { heapPerCopy, heapPerCopyAsync } from './lib/heap.ts';
import { writeResult } from './lib/results.ts';
import { fmt, textTable } from './lib/timing.ts';

const COPIES = Number(process.env.BENCH_MEMORY_COPIES ?? 200);
const HISTORY = new URL('../samples/history/demo-2000.ndjson', import.meta.url);

const { client, strategies } = loadStrategies(DEMO_STRATEGIES);
const documents = strategies.map(({ file, document }) => ({
  name: basename(file, '.strategy.json'),
  text: JSON.stringify(document),
}));
const firstLine = readFileSync(HISTORY, 'utf8').split('\n', 1)[0]!;
const order = (() => {
  const raw: unknown = JSON.parse(firstLine);
  return adaptOrder(detectPlatform(raw) ?? 'standard', raw);
})();

/** A strategy compiled from its own parsed copy of the file, so no two copies share a node. */
function compiledCopy(text: string): CompiledStrategy {
  const result = compileStrategy(JSON.parse(text), { client });
  if (!result.ok) throw new Error(`a demo strategy does not compile: ${JSON.stringify(result.issues[0])}`);
  return result.compiled;
}

/** A pipeline over its own compiled copies, after deciding one order. */
async function readyPipeline(texts: readonly string[], engine: EngineName) {
  const pipeline = createPipeline(
    texts.map((text) => compiledCopy(text)),
    { engine, client, state: new InMemoryState(demoStock()) },
  );
  await pipeline.decide(order);
  return pipeline;
}

interface Row {
  strategy: string;
  rules: number;
  ruleJsonBytes: number;
  compiledStrategyHeap: number;
  compiledPipelineHeap: number;
  referencePipelineHeap: number;
}

/** The median of three measurements: one heap delta can be thrown off by memory freed or grown elsewhere. */
async function median(measure: () => number | Promise<number>): Promise<number> {
  const runs = [await measure(), await measure(), await measure()].sort((a, b) => a - b);
  return runs[1]!;
}

async function measure(name: string, texts: readonly string[]): Promise<Row> {
  const compiled = texts.map((text) => compiledCopy(text));
  return {
    strategy: name,
    rules: compiled.reduce((n, s) => n + s.rules.length, 0),
    ruleJsonBytes: compiled.reduce((n, s) => n + JSON.stringify(s).length, 0),
    compiledStrategyHeap: await median(() =>
      heapPerCopy(COPIES, () => texts.map((text) => compiledCopy(text))),
    ),
    compiledPipelineHeap: await median(() =>
      heapPerCopyAsync(COPIES, () => readyPipeline(texts, 'compiled')),
    ),
    referencePipelineHeap: await median(() =>
      heapPerCopyAsync(COPIES, () => readyPipeline(texts, 'reference')),
    ),
  };
}

async function main(): Promise<void> {
  console.log(`heap per copy, ${COPIES} copies each, demo strategies compiled against the demo client`);
  const rows: Row[] = [];
  for (const { name, text } of documents) rows.push(await measure(name, [text]));
  rows.push(
    await measure(
      'all 8 (the demo pipeline)',
      documents.map((d) => d.text),
    ),
  );
  const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;
  const header = [
    'strategy',
    'rules',
    'rule JSON',
    'compiled strategy',
    'pipeline, compiled',
    'pipeline, json-rules-engine',
  ];
  const body = rows.map((r) => [
    r.strategy,
    fmt(r.rules),
    kb(r.ruleJsonBytes),
    kb(r.compiledStrategyHeap),
    kb(r.compiledPipelineHeap),
    kb(r.referencePipelineHeap),
  ]);
  console.log(`\n${textTable(header, body)}\n`);
  console.log(
    '"compiled strategy": the compiler\'s output held in memory. "pipeline": everything a pipeline over' +
      ' those strategies holds once it has decided an order — their compiled copies, evaluators, prepared' +
      ' event params and its own state (the demo stock).',
  );
  writeResult('strategy-memory', { copies: COPIES, rows });
}

await main();
