/**
 * A decider's heap cap (old generation): V8 collects before it grows, instead of letting garbage
 * pile up with the run. It holds the pipeline, the state snapshot and the merge groups open in the
 * current window (32–40 bytes each, outside the heap); nothing else it keeps grows with the orders it
 * decides (seen ids and buyer counts come with each batch: `OrderHistory`).
 */
const DECIDE_BASE_HEAP_MB = 384;

export function decideHeapMb(snapshotChars: number): number {
  return DECIDE_BASE_HEAP_MB + Math.ceil((4 * snapshotChars) / 2 ** 20);
}
