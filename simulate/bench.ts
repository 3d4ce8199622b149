/**
 * Figures for simulation: generated demo orders through the demo pipeline as baseline and
 * candidate, with 1 and 2 prepare workers, at two sizes to show memory staying flat. Each run is
 * a fresh `ordergraph simulate` process, built from this tree as the package builds it (what
 * `npx ordergraph` runs; see `builtCli`); wall time, orders/s and peak RSS (all threads) come from
 * its report. Generated files are kept in the temp folder between runs. With `--runs n`, each size
 * and worker count runs n times and the row gives the median run's figures, peak RSS the median of
 * the n peaks and their range. Single runs' peaks varied by up to 20 % at 1 M orders before the
 * views moved to shared memory (simulate/README.md, "Memory"), which swung the verdict on memory
 * staying flat; three runs' medians are steadier.
 *
 *   npm run bench:simulate -- [--sizes 200000,1000000] [--workers 1,2] [--runs 1] [--candidate-only]
 *
 * Writes bench/results/simulate.json, which `npm run bench -- simulate` (issue 18's opt-in step:
 * it takes minutes) reads for its summary: 1 M orders under 60 s wall, peak RSS at each size.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { findClient } from '../engine/loader/index.ts';
import { writeNdjson } from '../engine/loader/write-ndjson.ts';
import type { SimulationReport } from './report/report-schema.ts';

const root = new URL('../', import.meta.url).pathname;
const strategies = join(root, 'samples/clients/demo/strategies');
const cache = join(tmpdir(), 'ordergraph-bench');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200000,1000000' },
    workers: { type: 'string', default: '1,2' },
    runs: { type: 'string', default: '1' },
    'candidate-only': { type: 'boolean', default: false },
  },
});
const list = (text: string) => text.split(',').map((n) => Number(n.trim()));
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`--runs takes a whole number of runs, 1 or more, not ${JSON.stringify(values.runs)}`);
}
/** The middle value (the lower middle one of an even count). */
const median = (sorted: readonly number[]) => sorted[Math.floor((sorted.length - 1) / 2)]!;

async function ordersFile(count: number): Promise<string> {
  const file = join(cache, `demo-${count}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(cache, { recursive: true });
  const started = performance.now();
  const client = findClient(strategies);
  if (!client) throw new Error(`no client.json for ${strategies}`);
  const orders = generateOrders({ client, count, seed: 'bench' });
  await writeNdjson(orders, createWriteStream(`${file}.part`), { written: 0 });
  renameSync(`${file}.part`, file);
  console.error(
    `generated ${count.toLocaleString('en')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return file;
}

/**
 * The CLI as the package builds it (package/build.ts), into a folder of its own so dist/ stays as
 * it is; under node_modules, where the build's imports of its dependencies resolve. Users run this,
 * not the source: through tsx, each of a run's ~10 threads loads a TypeScript loader of its own
 * (+140 MB peak RSS on 200 k orders, measured), and the bench measures an edit without a rebuild.
 */
function builtCli(): string {
  const outdir = join(root, 'node_modules/.cache/ordergraph-bench/dist');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'package/build.ts'), outdir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`package/build.ts exited ${result.status}`);
  return join(outdir, 'cli.js');
}

function simulateOnce(cli: string, file: string, workers: number): SimulationReport {
  const out = join(cache, 'report.json');
  const args = ['simulate', '--strategies', strategies, '--orders', file];
  if (!values['candidate-only']) args.push('--baseline', strategies);
  args.push('--workers', String(workers), '--json', out);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`simulate exited ${result.status}`);
  return JSON.parse(readFileSync(out, 'utf8')) as SimulationReport;
}

const rows: string[] = [];
const measurements: Record<string, number | boolean | number[]>[] = [];
console.error(
  `${cpus().length} cores (${availableParallelism()} available), ${cpus()[0]?.model}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const cli = builtCli();
for (const size of list(values.sizes)) {
  const file = await ordersFile(size);
  for (const workers of list(values.workers)) {
    const reports = Array.from({ length: runs }, () => simulateOnce(cli, file, workers));
    const walls = reports.map((r) => r.durationMs).sort((a, b) => a - b);
    const report = reports.find((r) => r.durationMs === median(walls))!;
    const peaks = reports.map((r) => r.run.peakRssMb).sort((a, b) => a - b);
    const peak = median(peaks);
    const peakRange = runs > 1 ? ` (${peaks[0]}–${peaks.at(-1)})` : '';
    const { reading, deciding } = report.run.phasesMs;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    rows.push(
      `| ${size.toLocaleString('en')} | ${workers} | ${seconds(report.durationMs)} | ${seconds(reading)} | ${seconds(deciding)} | ${report.ordersPerSecond.toLocaleString('en')} | ${seconds(report.run.cpuMs)} | ${Math.round((1000 * report.run.cpuMs) / size)} µs | ${peak} MB${peakRange} | ${report.run.sortedRuns} | ${loadavg()[0]!.toFixed(1)} |`,
    );
    console.error(rows.at(-1));
    measurements.push({
      orders: size,
      workers,
      candidateOnly: values['candidate-only'],
      wallSeconds: report.durationMs / 1000,
      readingSeconds: reading / 1000,
      decidingSeconds: deciding / 1000,
      ordersPerSecond: report.ordersPerSecond,
      cpuSeconds: report.run.cpuMs / 1000,
      peakRssMb: peak,
      runs,
      peakRssMbEach: reports.map((r) => r.run.peakRssMb),
      wallSecondsEach: reports.map((r) => r.durationMs / 1000),
      sortedRuns: report.run.sortedRuns,
    });
  }
}
console.log(
  [
    `pipelines: ${values['candidate-only'] ? 'candidate' : 'baseline + candidate'} (demo), engine compiled` +
      (runs > 1 ? `; the median of ${runs} runs each, peak RSS with its range` : ''),
    '',
    '| orders | workers | wall | reading | deciding | orders/s | CPU (all threads) | CPU per order | peak RSS | sorted runs | load after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n'),
);
// bench/results/simulate.json for `npm run bench -- simulate` (bench/run-all.ts); written here, not
// through bench/lib, which the simulate layer may not import.
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/simulate.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      cores: availableParallelism(),
      loadAverage: loadavg(),
      measurements,
    },
    null,
    2,
  )}\n`,
);
