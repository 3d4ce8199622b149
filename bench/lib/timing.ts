/** One engine's throughput over the same orders. */
export interface Measurement {
  name: string;
  orders: number;
  seconds: number;
  ordersPerSecond: number;
}

export interface Candidate {
  name: string;
  /** How many orders one pass decides. */
  orders: number;
  pass: () => unknown;
}

/**
 * Times every candidate in rounds — each round runs one pass of each, in turn — after a warm-up
 * pass, and keeps each one's fastest pass. Interleaving spreads any load from other processes on
 * the machine over all candidates alike, so their ratios stay fair.
 */
export async function measureInterleaved(
  candidates: readonly Candidate[],
  rounds: number,
): Promise<Measurement[]> {
  for (const candidate of candidates) await candidate.pass();
  const best = candidates.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (const [i, candidate] of candidates.entries()) {
      const start = process.hrtime.bigint();
      await candidate.pass();
      best[i] = Math.min(best[i]!, Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return candidates.map(({ name, orders }, i) => ({
    name,
    orders,
    seconds: best[i]!,
    ordersPerSecond: orders / best[i]!,
  }));
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 0 : 2 });

/** A plain-text table: throughput and its ratio to each baseline. */
export function formatTable(rows: readonly Measurement[], baselines: readonly string[]): string {
  const base = baselines.map((name) => rows.find((r) => r.name === name)!);
  const header = ['engine', 'timed', 'orders/s', 'µs/order', ...base.map((b) => `× ${b.name}`)];
  const body = rows.map((r) => [
    r.name,
    fmt(r.orders),
    fmt(r.ordersPerSecond),
    fmt(1e6 / r.ordersPerSecond),
    ...base.map((b) => `${fmt(r.ordersPerSecond / b.ordersPerSecond)}×`),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
