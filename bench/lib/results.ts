import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

export const RESULTS_DIR = new URL('../results/', import.meta.url);

/** Where and when a figure was measured: without it a number from a shared machine means little. */
export function machine() {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** Writes `bench/results/<name>.json` (gitignored) with the machine it was measured on. */
export function writeResult(name: string, report: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    new URL(`${name}.json`, RESULTS_DIR),
    `${JSON.stringify({ ...machine(), ...report }, null, 2)}\n`,
  );
}
