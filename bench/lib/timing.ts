/** One engine's throughput over the same orders. */
export interface Measurement {
  name: string;
  orders: number;
  /** Wall time of the fastest pass. */
  seconds: number;
  ordersPerSecond: number;
  /**
   * CPU time (every thread of the process: GC and engines' own threads included) of the pass that
   * used least. On a shared machine it moves far less than wall time, so it gives orders per second
   * per core.
   */
  cpuSeconds: number;
  ordersPerCpuSecond: number;
}

export interface Candidate {
  name: string;
  /** How many orders one pass decides. */
  orders: number;
  pass: () => unknown;
}

const cpuSecondsNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Times every candidate in rounds — each round runs one pass of each, in turn — after a warm-up
 * pass, and keeps each one's fastest pass, by wall time and by CPU time. Interleaving spreads any
 * load from other processes on the machine over all candidates alike, so their ratios stay fair.
 */
export async function measureInterleaved(
  candidates: readonly Candidate[],
  rounds: number,
): Promise<Measurement[]> {
  for (const candidate of candidates) await candidate.pass();
  const wall = candidates.map(() => Number.POSITIVE_INFINITY);
  const cpu = candidates.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (const [i, candidate] of candidates.entries()) {
      const cpuStart = cpuSecondsNow();
      const start = process.hrtime.bigint();
      await candidate.pass();
      wall[i] = Math.min(wall[i]!, Number(process.hrtime.bigint() - start) / 1e9);
      cpu[i] = Math.min(cpu[i]!, cpuSecondsNow() - cpuStart);
    }
  }
  return measurementsOf(candidates, wall, cpu);
}

/** Each candidate's measurement from its fastest pass's wall and CPU seconds, by index. */
export function measurementsOf(
  candidates: readonly Pick<Candidate, 'name' | 'orders'>[],
  wall: readonly number[],
  cpu: readonly number[],
): Measurement[] {
  return candidates.map(({ name, orders }, i) => ({
    name,
    orders,
    seconds: wall[i]!,
    ordersPerSecond: orders / wall[i]!,
    cpuSeconds: cpu[i]!,
    ordersPerCpuSecond: orders / cpu[i]!,
  }));
}

/** Whole numbers from 100 up, two decimals from 1, and two significant digits below (0.00024). */
export const fmt = (n: number) =>
  Math.abs(n) >= 1 || n === 0
    ? n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2 })
    : n.toLocaleString('en-US', { maximumSignificantDigits: 2 });

/**
 * A plain-text table: throughput by wall and by CPU time, and the ratio to each baseline —
 * of wall throughput, or with `basis: 'cpu'` of CPU throughput (per core).
 */
export function formatTable(
  rows: readonly Measurement[],
  baselines: readonly string[],
  { basis = 'wall' }: { basis?: 'wall' | 'cpu' } = {},
): string {
  const rate = (m: Measurement) => (basis === 'cpu' ? m.ordersPerCpuSecond : m.ordersPerSecond);
  const base = baselines.map((name) => rows.find((r) => r.name === name)!);
  const header = [
    'engine',
    'timed',
    'orders/s',
    'µs/order',
    'orders/s per core (CPU)',
    'CPU µs/order',
    ...base.map((b) => `× ${b.name}`),
  ];
  const body = rows.map((r) => [
    r.name,
    fmt(r.orders),
    fmt(r.ordersPerSecond),
    fmt(1e6 / r.ordersPerSecond),
    fmt(r.ordersPerCpuSecond),
    fmt(1e6 / r.ordersPerCpuSecond),
    ...base.map((b) => `${fmt(rate(r) / rate(b))}×`),
  ]);
  return textTable(header, body);
}

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned. */
export function textTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
