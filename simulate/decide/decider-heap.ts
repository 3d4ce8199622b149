/**
 * A decider's heap cap (old generation): V8 collects before it grows, instead of letting garbage
 * pile up with the run. It holds the pipeline and the snapshot, and its state learns about 150
 * bytes an order (order id, buyer count), so the cap grows with the orders it will decide.
 */
const DECIDE_BASE_HEAP_MB = 384;
const DECIDE_HEAP_BYTES_PER_ORDER = 300;

export function decideHeapMb(orders: number, snapshotChars: number): number {
  return (
    DECIDE_BASE_HEAP_MB + Math.ceil((DECIDE_HEAP_BYTES_PER_ORDER * orders + 4 * snapshotChars) / 2 ** 20)
  );
}
