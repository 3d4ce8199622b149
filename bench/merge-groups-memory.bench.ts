/**
 * Issue 18: memory of open merge groups, which a replayed peak holds for a whole merge window (the
 * demo's 4 hours: half a million groups a decider in a generated double-11). The engine's
 * `MergeGroups` against the Map of group objects it kept before, as the baseline in the same run:
 * bytes a group (heap and array buffers, after a collection) and time to open and record one.
 * Run: `node --import tsx bench/merge-groups-memory.bench.ts`.
 */
import { fnv1a64 } from '../engine/nodes/merge/fnv.ts';
import type { MergeGroup } from '../engine/state/index.ts';
import { MergeGroups } from '../engine/state/index.ts';
import { settledHeapAndBuffers } from './lib/heap.ts';
import { writeResult } from './lib/results.ts';
import { textTable } from './lib/timing.ts';

const GROUPS = Number(process.env.BENCH_MERGE_GROUPS ?? 500_000);
const HOUR_MS = 3_600_000;
const START = Date.parse('2026-11-10T16:00:00+08:00');

interface Groups {
  open(key: string, at: number): MergeGroup | undefined;
  record(key: string, group: MergeGroup, at: number): void;
}

/** The groups as they were kept before: a Map from key to a copy of the group. */
class MapOfGroups implements Groups {
  private readonly groups = new Map<string, MergeGroup>();
  open(key: string, at: number): MergeGroup | undefined {
    const group = this.groups.get(key);
    return group !== undefined && at < group.closesAt ? { ...group } : undefined;
  }
  record(key: string, group: MergeGroup): void {
    this.groups.set(key, { ...group });
  }
}

/** Keys as the merge event makes them, from a buyer and an address each: new strings every call. */
const makeKeys = () =>
  Array.from({ length: GROUPS }, (_, i) =>
    fnv1a64(`["tmall-flagship","buyer${i}","收货人","138${i}","浙江省杭州市西湖区文三路${i}号"]`),
  );

/**
 * Opens every key once, orders 20 ms apart inside one window (500,000 in 2.8 hours), as the merge event
 * does; then lets the keys go, so what a group costs includes its key when the groups keep it.
 */
function fill(groups: Groups): { bytes: number; nsPerOrder: number } {
  const before = settledHeapAndBuffers();
  let keys = makeKeys();
  const start = process.hrtime.bigint();
  for (let i = 0; i < GROUPS; i++) {
    const at = START + i * 20;
    const open = groups.open(keys[i]!, at);
    groups.record(
      keys[i]!,
      open ? { closesAt: open.closesAt, size: open.size + 1 } : { closesAt: at + 4 * HOUR_MS, size: 1 },
      at,
    );
  }
  const ns = Number(process.hrtime.bigint() - start);
  keys = [];
  return { bytes: (settledHeapAndBuffers() - before) / GROUPS, nsPerOrder: ns / GROUPS };
}

const baseline = fill(new MapOfGroups());
const engine = fill(new MergeGroups());
const rows = [
  { name: 'Map of group objects (before)', ...baseline },
  { name: 'MergeGroups (engine)', ...engine },
];
console.log(`${GROUPS.toLocaleString('en')} open merge groups, one per order:\n`);
console.log(
  textTable(
    ['groups kept in', 'bytes a group', '× before', 'ns an order (open + record)'],
    rows.map((r) => [
      r.name,
      r.bytes.toFixed(1),
      (r.bytes / baseline.bytes).toFixed(2),
      r.nsPerOrder.toFixed(0),
    ]),
  ),
);
writeResult('merge-groups-memory', { groups: GROUPS, rows });
