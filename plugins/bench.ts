// Throughput of the demo pipeline with and without one fact plugin, batched and not. Not a test:
//   node --import tsx plugins/bench.ts [orders]      (npm run bench:plugins)
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Client } from '../engine/client/index.ts';
import type { CompiledStrategy } from '../engine/compiler/index.ts';
import { compileStrategy } from '../engine/compiler/index.ts';
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { loadStrategies } from '../engine/loader/index.ts';
import { riskStrategy } from '../engine/nodes/plugin/plugin-strategies.test-helper.ts';
import { adaptOrder, detectPlatform } from '../engine/order/adapters/index.ts';
import { projectFields } from '../engine/order/project-fields.ts';
import type { StandardOrder } from '../engine/order/schema.ts';
import { installPlugins, type PipelinePlugins } from '../engine/plugins/index.ts';
import { createPipeline } from '../engine/runtime/index.ts';
import { PluginHost } from '../sandbox/index.ts';
import { buildPlugin } from './build/index.ts';

const COUNT = Number(process.argv[2] ?? 10_000);
const ROUNDS = 4;
const DEMO = new URL('../samples/clients/demo/strategies', import.meta.url).pathname;
const SOURCE = new URL('./samples/address-risk/address-risk.plugin.ts', import.meta.url).pathname;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

interface Row {
  case: string;
  'orders/s': number;
  'host CPU µs/order': number;
  'worker CPU µs/order': number;
  'orders per CPU-second': number;
}

const workerPids = new Set<number>();
const host = new PluginHost({
  workers: 1,
  onEvent: (event) => {
    if (event.type === 'worker_started') workerPids.add(event.pid);
  },
});

/** CPU seconds the plugin workers have used, from /proc (Linux). */
function workerCpuSeconds(): number {
  let ticks = 0;
  for (const pid of workerPids) {
    try {
      // Fields after the parenthesised name: state is 3rd, utime 14th and stime 15th of the whole line.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The worker exited; its time is gone with it.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

interface Case {
  name: string;
  pass: () => Promise<unknown>;
}

/** One timed pass, with the CPU the host and the workers spent on it. */
async function timed({ name, pass }: Case): Promise<Row> {
  const cpu = process.cpuUsage();
  const workers = workerCpuSeconds();
  const started = performance.now();
  await pass();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const hostCpu = (user + system) / 1e6;
  const workerCpu = workerCpuSeconds() - workers;
  return {
    case: name,
    'orders/s': Math.round(COUNT / seconds),
    'host CPU µs/order': Math.round((hostCpu * 1e6) / COUNT),
    'worker CPU µs/order': Math.round((workerCpu * 1e6) / COUNT),
    'orders per CPU-second': Math.round(COUNT / (hostCpu + workerCpu)),
  };
}

/**
 * Every case warmed once, then ROUNDS rounds of one pass each, in turn, keeping each case's fastest
 * pass: interleaving spreads the load of other processes on a shared machine over all cases alike.
 */
async function measureInterleaved(cases: readonly Case[]): Promise<Row[]> {
  for (const c of cases) await c.pass();
  const best: (Row | undefined)[] = cases.map(() => undefined);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, c] of cases.entries()) {
      const row = await timed(c);
      if (best[i] === undefined || row['orders/s'] > best[i]!['orders/s']) best[i] = row;
    }
  }
  return best as Row[];
}

function demoStrategies(): { compiled: CompiledStrategy[]; client: Client | undefined } {
  const { client, strategies } = loadStrategies(DEMO);
  const broken = strategies.filter((s) => !s.result.ok).map((s) => s.file);
  if (broken.length) throw new Error(`demo strategies do not compile: ${broken.join(', ')}`);
  return { client, compiled: strategies.flatMap((s) => (s.result.ok ? [s.result.compiled] : [])) };
}

async function main(): Promise<void> {
  const built = await buildPlugin(readFileSync(SOURCE, 'utf8'), SOURCE, host);
  if (!built.ok) throw new Error('the address-risk sample does not build');
  const installed = await installPlugins(host, 'demo', [built.plugin]);
  const plugins: PipelinePlugins = { runner: host, manifests: installed.manifests };
  const risk = compileStrategy(riskStrategy(), { plugins: installed.manifests });
  if (!risk.ok) throw new Error('the address-risk strategy does not compile');

  const { client, compiled } = demoStrategies();
  const orders: StandardOrder[] = [];
  for (const raw of generateOrders({ client: client!, count: COUNT, seed: 'plugins-bench' })) {
    orders.push(adaptOrder(detectPlatform(raw) ?? 'standard', raw));
  }

  const oneByOne = (strategies: CompiledStrategy[], withPlugins?: PipelinePlugins) => async () => {
    const pipeline = createPipeline(strategies, { client, plugins: withPlugins });
    for (const order of orders) await pipeline.decide(order);
  };
  const batched = (strategies: CompiledStrategy[], withPlugins?: PipelinePlugins) => async () => {
    const pipeline = createPipeline(strategies, { client, plugins: withPlugins });
    // Two batches in flight, as a caller streaming orders would keep them: the next batch's plugin calls
    // overlap this one's stages, and finished decisions are let go.
    let previous: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < orders.length; i += 100) {
      const next = pipeline.decideBatch(orders.slice(i, i + 100));
      await previous;
      previous = next;
    }
    await previous;
  };
  const withRisk = [...compiled, risk.compiled];
  // The sandbox's share alone: the pipeline's calls with the orders already projected, no decide.
  const manifest = built.plugin.manifest;
  if (manifest.kind !== 'fact') throw new Error('the address-risk sample is not a fact plugin');
  const ref = { clientId: 'demo', pluginId: manifest.id, version: manifest.version };
  const inputs = orders.map((order) => ({ subject: projectFields(order, manifest.reads), params: {} }));
  const callsOnly = async () => {
    let previous: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < inputs.length; i += 100) {
      const next = host.callBatch(ref, inputs.slice(i, i + 100));
      await previous;
      previous = next;
    }
    await previous;
  };

  const rows = await measureInterleaved([
    { name: 'demo pipeline, no plugin, 1 per call', pass: oneByOne(compiled) },
    { name: 'demo pipeline, no plugin, batches of 100', pass: batched(compiled) },
    { name: 'demo + address-risk plugin, batches of 100', pass: batched(withRisk, plugins) },
    { name: 'demo + address-risk plugin, 1 per call', pass: oneByOne(withRisk, plugins) },
    { name: 'address-risk strategy alone, batches of 100', pass: batched([risk.compiled], plugins) },
    { name: 'address-risk strategy alone, 1 per call', pass: oneByOne([risk.compiled], plugins) },
    { name: 'address-risk calls only (no pipeline), batches of 100', pass: callsOnly },
  ]);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `${COUNT} generated orders, ${compiled.length} demo strategies, ${cpus().length} × ${cpu}, Node ${process.version}\n`,
  );
  console.table(rows);
}

try {
  await main();
} finally {
  await host.close();
}
