/**
 * `npm run bench`: issue 5's benchmarks in sequence, each in a process of its own (no bench's
 * garbage or JIT state colours the next), then one summary against the issue's targets, written to
 * bench/results/summary.json. Name steps to run only those: `npm run bench -- pipeline graph`.
 *
 *   a routing   40-row routing table: compiled vs json-rules-engine vs ZEN vs hand-written
 *   b pipeline  the demo pipeline, orders/s per core, compiled vs json-rules-engine
 *   c plugins   the same with one plugin (plugins/bench.ts, when present)
 *   d graph     compiling a 500-node graph
 *   e memory    heap per compiled strategy
 *   f read      issue 12: reading raw orders without losing digits, per order, before and after
 *   g simulate  issue 18: `ordergraph simulate` of 200 k and 1 M generated orders, baseline +
 *               candidate, 2 workers, three runs each: median wall time and peak RSS. Opt-in (it
 *               takes minutes, and a few more the first time, generating the orders): run only
 *               when named, `npm run bench -- simulate`, or with everything, `npm run bench -- all`.
 *   h merge     issue 18: bytes an open merge group keeps (a peak replay holds a window of them)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR, writeResult } from './lib/results.ts';
import { fmt, textTable } from './lib/timing.ts';

interface Step {
  item: string;
  name: string;
  file: string;
  /** The JSON the step writes to bench/results/, when it writes one. */
  result?: string;
  /** Arguments after the file. */
  args?: readonly string[];
  /** Run only when named (or with `all`): too long for every `npm run bench`. */
  optIn?: boolean;
}

const STEPS: readonly Step[] = [
  { item: 'a', name: 'routing', file: 'bench/routing-table.bench.ts', result: 'routing-table' },
  { item: 'b', name: 'pipeline', file: 'bench/pipeline.bench.ts', result: 'pipeline' },
  { item: 'c', name: 'plugins', file: 'plugins/bench.ts' },
  { item: 'd', name: 'graph', file: 'bench/compile-graph.bench.ts', result: 'compile-graph' },
  { item: 'e', name: 'memory', file: 'bench/strategy-memory.bench.ts', result: 'strategy-memory' },
  { item: 'f', name: 'read', file: 'bench/read-orders.bench.ts', result: 'read-orders' },
  {
    item: 'g',
    name: 'simulate',
    file: 'simulate/bench.ts',
    result: 'simulate',
    args: ['--sizes', '200000,1000000', '--workers', '2', '--runs', '3'],
    optIn: true,
  },
  { item: 'h', name: 'merge', file: 'bench/merge-groups-memory.bench.ts', result: 'merge-groups-memory' },
];

/** Issue 18's targets. */
const TARGET = {
  /** The demo pipeline's decide against json-rules-engine's, CPU time, same orders, same run. */
  decideRatio: 150,
  /** Read + adapt, CPU µs an order. */
  readMicros: 10,
  /** `ordergraph simulate` of 1 M orders, baseline + candidate, wall seconds. */
  simulateSeconds: 60,
  /** "Memory flat": simulate's peak RSS for 1 M orders over its peak for 200 k. */
  flatRss: 1.1,
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs one bench, echoing its output as it comes and keeping it for the summary. */
function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', step.file, ...(step.args ?? [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// biome-ignore lint/suspicious/noExplicitAny: each bench's JSON is read for a few known fields only.
type Json = any;

function readResult(name: string): Json {
  return JSON.parse(readFileSync(new URL(`${name}.json`, RESULTS_DIR), 'utf8'));
}

const ratio = (n: number) => `${fmt(n)}×`;
const yesNo = (met: boolean) => (met ? 'met' : 'NOT met');

/** One summary line per target: [item, what, figure, target, verdict]. */
function summarise(ran: ReadonlySet<string>, pluginOutput: string): string[][] {
  const lines: string[][] = [];
  if (ran.has('routing')) {
    // By CPU time, which a shared machine disturbs far less than wall time; wall in brackets.
    const measured: { name: string; ordersPerSecond: number; ordersPerCpuSecond: number }[] =
      readResult('routing-table').measurements;
    const of = (name: string) => measured.find((m) => m.name === name)!;
    const times = (a: string, b: string) => ({
      cpu: of(a).ordersPerCpuSecond / of(b).ordersPerCpuSecond,
      wall: of(a).ordersPerSecond / of(b).ordersPerSecond,
    });
    const shown = ({ cpu, wall }: { cpu: number; wall: number }) => `${ratio(cpu)} (${ratio(wall)})`;
    const jre = times('compiled evaluate', 'json-rules-engine');
    const zen = times('compiled evaluate', 'zen sequential');
    const hand = times('hand-written', 'compiled evaluate');
    lines.push(
      ['a', 'compiled vs json-rules-engine, CPU (wall)', shown(jre), '≥ 100×', yesNo(jre.cpu >= 100)],
      ['a', 'compiled vs ZEN sequential, CPU (wall)', shown(zen), '≥ 100×', yesNo(zen.cpu >= 100)],
      ['a', 'hand-written vs compiled, CPU (wall)', shown(hand), '≤ 3×', yesNo(hand.cpu <= 3)],
    );
  }
  if (ran.has('pipeline')) {
    const p = readResult('pipeline');
    // Against json-rules-engine on the same orders: the compiled runtime's figure over its slice.
    const decideRatio: number = p.ratios[p.sameOrders];
    const cpuMicros = (name: string) =>
      1e6 / p.measurements.find((m: { name: string }) => m.name === name).ordersPerCpuSecond;
    const readMicros = cpuMicros('read + adapt only');
    lines.push(
      [
        'b',
        'demo pipeline, decide, orders/s per core',
        fmt(p.target.decide),
        '(c: ≥ 20,000 with a plugin)',
        '',
      ],
      ['b', 'demo pipeline, decide, CPU µs/order', fmt(cpuMicros('compiled: decide')), '≈ 20 µs', ''],
      ['b', 'demo pipeline, read + adapt + decide, per core', fmt(p.target.endToEnd), '', ''],
      [
        'b',
        'compiled vs json-rules-engine, decide, same orders (CPU)',
        ratio(decideRatio),
        `≥ ${TARGET.decideRatio}×`,
        yesNo(decideRatio >= TARGET.decideRatio),
      ],
      [
        'b',
        'read + adapt, demo orders, CPU µs/order',
        fmt(readMicros),
        `≤ ${TARGET.readMicros} µs`,
        yesNo(readMicros <= TARGET.readMicros),
      ],
    );
  }
  if (ran.has('plugins')) {
    // plugins/bench.ts prints a table only; its row with the plugin, batched, carries the figure.
    const row = pluginOutput.split('\n').find((l) => l.includes('address-risk plugin, batches'));
    const perCpuSecond = row
      ?.split('│')
      .map((cell) => cell.trim())
      .filter(Boolean)
      .at(-1);
    const n = Number(perCpuSecond);
    lines.push(
      Number.isFinite(n)
        ? ['c', 'demo + one plugin, orders per CPU-second', fmt(n), '≥ 20,000 per core', yesNo(n >= 20_000)]
        : ['c', 'demo + one plugin', 'see its table above', '≥ 20,000 per core', '?'],
    );
  }
  if (ran.has('graph')) {
    const g = readResult('compile-graph');
    const [compiler, runtime] = g.timings;
    lines.push(
      [
        'd',
        `compile a ${g.nodes}-node graph (median ms)`,
        fmt(compiler.medianMs),
        '< 100 ms',
        yesNo(g.target.met),
      ],
      ['d', `…its ${fmt(g.rules)} rules into the runtime (median ms)`, fmt(runtime.medianMs), '', ''],
    );
  }
  if (ran.has('memory')) {
    const all = readResult('strategy-memory').rows.at(-1);
    lines.push(
      ['e', 'heap per compiled demo strategy set (8)', `${fmt(all.compiledStrategyHeap / 1024)} KB`, '', ''],
      ['e', 'heap per ready demo pipeline, compiled', `${fmt(all.compiledPipelineHeap / 1024)} KB`, '', ''],
    );
  }
  if (ran.has('read')) {
    const { mixBefore, mixAfter, topBefore, topAfter } = readResult('read-orders').perOrder;
    const change = (before: number, after: number) => `${fmt(before)} → ${fmt(after)}`;
    lines.push(
      [
        'f',
        'read + adapt, demo mix, CPU µs/order',
        change(mixBefore, mixAfter),
        `≤ ${TARGET.readMicros} µs`,
        yesNo(mixAfter <= TARGET.readMicros),
      ],
      ['f', 'read + adapt, TOP numeric ids (vs string ids)', change(topBefore, topAfter), '', ''],
    );
  }
  if (ran.has('simulate')) {
    const measured: {
      orders: number;
      wallSeconds: number;
      peakRssMb: number;
      candidateOnly: boolean;
      runs?: number;
      peakRssMbEach?: number[];
    }[] = readResult('simulate').measurements;
    const medianOf = (m: (typeof measured)[number]) =>
      (m.runs ?? 1) > 1
        ? ` (median of ${m.runs}: ${Math.min(...m.peakRssMbEach!)}–${Math.max(...m.peakRssMbEach!)})`
        : '';
    for (const m of measured) {
      const what = `simulate ${fmt(m.orders)} orders, ${m.candidateOnly ? 'candidate' : 'baseline + candidate'}`;
      const timed = m.orders >= 1_000_000 && !m.candidateOnly;
      lines.push(
        [
          'g',
          `${what}, wall s`,
          fmt(m.wallSeconds),
          timed ? `< ${TARGET.simulateSeconds} s` : '',
          timed ? yesNo(m.wallSeconds < TARGET.simulateSeconds) : '',
        ],
        ['g', `${what}, peak RSS`, `${fmt(m.peakRssMb)} MB${medianOf(m)}`, '', ''],
      );
    }
    // Flat: the largest run's peak within a tenth of the smallest's (the two sizes differ fivefold).
    const both = measured.filter((m) => !m.candidateOnly).sort((a, b) => a.orders - b.orders);
    const [smallest, largest] = [both[0], both.at(-1)];
    if (smallest && largest && largest !== smallest) {
      const growth = largest.peakRssMb / smallest.peakRssMb;
      lines.push([
        'g',
        `peak RSS, ${fmt(largest.orders)} against ${fmt(smallest.orders)} orders${(largest.runs ?? 1) > 1 ? ' (medians)' : ''}`,
        ratio(growth),
        `≤ ${fmt(TARGET.flatRss)}× (flat)`,
        yesNo(growth <= TARGET.flatRss),
      ]);
    }
  }
  if (ran.has('merge')) {
    const [before, engine] = readResult('merge-groups-memory').rows;
    lines.push([
      'h',
      'bytes an open merge group keeps (a Map of objects before)',
      `${fmt(engine.bytes)} (${fmt(before.bytes)})`,
      '',
      '',
    ]);
  }
  return lines;
}

const HELP = `npm run bench -- [step …]: the benchmarks in sequence, then a summary against the targets.
With no step, every step but the opt-in ones; name steps (or their letters) to run only those; \`all\`
runs every step, the opt-in ones too.

${STEPS.map((s) => `  ${s.item} ${s.name.padEnd(9)} ${s.file}${s.optIn ? '  (opt-in: minutes, not in a plain run)' : ''}`).join('\n')}

g simulate replays 200,000 and 1,000,000 generated orders (baseline + candidate, 2 workers) through
\`ordergraph simulate\`, three runs each, and takes the medians: the 1 M run has a 60 s target;
generating the orders the first time takes a few minutes more (kept in the temp folder).`;

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  if (only.has('--help') || only.has('-h')) {
    console.log(HELP);
    return;
  }
  const chosen = STEPS.filter((s) =>
    only.has('all') || only.has(s.name) || only.has(s.item) ? true : only.size === 0 && !s.optIn,
  );
  const ran = new Set<string>();
  const failed: string[] = [];
  let pluginOutput = '';
  for (const step of chosen) {
    if (!existsSync(join(ROOT, step.file))) {
      console.log(`\n== (${step.item}) ${step.name}: ${step.file} is not there; skipped`);
      continue;
    }
    console.log(`\n== (${step.item}) ${step.name}: ${step.file}\n`);
    const { code, output } = await run(step);
    if (code !== 0) {
      failed.push(step.name);
      continue;
    }
    ran.add(step.name);
    if (step.name === 'plugins') pluginOutput = output;
  }
  const lines = summarise(ran, pluginOutput);
  console.log(`\n== summary\n\n${textTable(['', 'figure', 'value', 'target', ''], lines)}\n`);
  if (failed.length) console.log(`failed: ${failed.join(', ')}`);
  writeResult('summary', {
    steps: chosen.map((s) => ({
      item: s.item,
      name: s.name,
      ran: ran.has(s.name),
      failed: failed.includes(s.name),
    })),
    lines: lines.map(([item, figure, value, target, verdict]) => ({ item, figure, value, target, verdict })),
    pluginOutput,
  });
  if (failed.length) process.exitCode = 1;
}

await main();
