/**
 * Issue 12: what reading raw orders without losing digits costs, per order, on the read path a
 * simulation and the server take (parse the JSON text, detect the platform, adapt). Two sets of
 * generated orders: the demo mix as OMS exports store it (ids as strings: no 16-digit number, so
 * only the pre-check is new), and the same Tmall trades as Taobao's TOP API sends them (`tid` and
 * `oid` JSON numbers of 19 digits, no `*_str` twins: every one has its ids quoted first). Before
 * issue 12 the second set could not be read at all, so its "before" is the same trades with ids as
 * strings through JSON.parse. Run: `node --import tsx bench/read-orders.bench.ts`.
 */
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../engine/order/adapters/index.ts';
import { parseOrderJson } from '../engine/order/raw-json.ts';
import { loadDemoStrategies } from '../samples/tools/demo-pipeline.ts';
import { writeResult } from './lib/results.ts';
import { fmt, formatTable, measureInterleaved } from './lib/timing.ts';

const ORDER_COUNT = Number(process.env.BENCH_READ_ORDERS ?? 20_000);
const ROUNDS = 7;

const { client } = loadDemoStrategies();
const generated = [...generateOrders({ client, count: ORDER_COUNT, seed: 'bench-read' })];
const mixLines = generated.map((raw) => JSON.stringify(raw));

/** A TOP trade as the API sends it: the 19-digit ids as JSON numbers, without their string twins. */
function topLine(raw: Record<string, unknown>): string {
  const { tid_str: _, ...trade } = raw;
  const orders = (trade.orders as { order: Record<string, unknown>[] }).order.map(
    ({ oid_str: __, ...line }) => line,
  );
  return JSON.stringify({ ...trade, orders: { order: orders } }).replace(/"(tid|oid)":"(\d+)"/g, '"$1":$2');
}
const tmallTrades = generated.filter((raw) => 'tid' in raw);
const topLines = tmallTrades.map(topLine);
const stringIdLines = tmallTrades.map((raw) => JSON.stringify(raw));

let sink = 0;
const read = (parse: (text: string) => unknown) => (text: string, i: number) => {
  const raw = parse(text);
  sink += adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: i + 1 }).lines.length;
};
const parseOnly = (parse: (text: string) => unknown) => (text: string) => {
  sink += typeof parse(text) === 'object' ? 1 : 0;
};
const pass = (lines: readonly string[], each: (text: string, i: number) => void) => () => lines.forEach(each);

async function main(): Promise<void> {
  const check = parseOrderJson(topLines[0]!) as { tid: unknown };
  if (typeof check.tid !== 'string' || check.tid.length !== 19) throw new Error('TOP ids were not kept');
  console.log(
    `${fmt(mixLines.length)} generated orders (demo mix), of which ${fmt(topLines.length)} Tmall trades` +
      ` also sent as TOP sends them (numeric 19-digit tid/oid)`,
  );
  const results = await measureInterleaved(
    [
      {
        name: 'mix: JSON.parse + adapt (before)',
        orders: mixLines.length,
        pass: pass(mixLines, read(JSON.parse)),
      },
      {
        name: 'mix: parseOrderJson + adapt',
        orders: mixLines.length,
        pass: pass(mixLines, read(parseOrderJson)),
      },
      {
        name: 'TOP: string ids, JSON.parse + adapt (before)',
        orders: stringIdLines.length,
        pass: pass(stringIdLines, read(JSON.parse)),
      },
      {
        name: 'TOP: numeric ids, parseOrderJson + adapt',
        orders: topLines.length,
        pass: pass(topLines, read(parseOrderJson)),
      },
      { name: 'mix: JSON.parse only', orders: mixLines.length, pass: pass(mixLines, parseOnly(JSON.parse)) },
      {
        name: 'mix: parseOrderJson only',
        orders: mixLines.length,
        pass: pass(mixLines, parseOnly(parseOrderJson)),
      },
      {
        name: 'TOP: string ids, JSON.parse only',
        orders: stringIdLines.length,
        pass: pass(stringIdLines, parseOnly(JSON.parse)),
      },
      {
        name: 'TOP: numeric ids, parseOrderJson only',
        orders: topLines.length,
        pass: pass(topLines, parseOnly(parseOrderJson)),
      },
    ],
    ROUNDS,
  );
  console.log(`\n${formatTable(results, [], { basis: 'cpu' })}\n`);
  const cpuMicros = (name: string) => 1e6 / results.find((r) => r.name === name)!.ordersPerCpuSecond;
  const perOrder = {
    mixBefore: cpuMicros('mix: JSON.parse + adapt (before)'),
    mixAfter: cpuMicros('mix: parseOrderJson + adapt'),
    topBefore: cpuMicros('TOP: string ids, JSON.parse + adapt (before)'),
    topAfter: cpuMicros('TOP: numeric ids, parseOrderJson + adapt'),
  };
  console.log(
    `read + adapt, CPU µs per order: demo mix ${fmt(perOrder.mixBefore)} → ${fmt(perOrder.mixAfter)}` +
      ` (${fmt((perOrder.mixAfter / perOrder.mixBefore - 1) * 100)} %);` +
      ` TOP trades ${fmt(perOrder.topBefore)} (ids as strings) → ${fmt(perOrder.topAfter)} (numeric ids)` +
      ` (${fmt((perOrder.topAfter / perOrder.topBefore - 1) * 100)} %)`,
  );
  writeResult('read-orders', {
    orders: mixLines.length,
    topTrades: topLines.length,
    measurements: results,
    perOrder,
    sink,
  });
}

await main();
