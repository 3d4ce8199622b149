import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A GC we can call without `--expose-gc` on the command line, so the bench runs as documented. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Heap and array buffers in use after collecting: for structures that keep typed arrays. */
export function settledHeapAndBuffers(): number {
  const heap = settledHeap();
  return heap + process.memoryUsage().arrayBuffers;
}

/** Bytes of heap each of `count` objects made by `make` keeps alive. */
export function heapPerCopy(count: number, make: (i: number) => unknown): number {
  const keep: unknown[] = new Array(count);
  const before = settledHeap();
  for (let i = 0; i < count; i++) keep[i] = make(i);
  const after = settledHeap();
  keep.length = 0;
  return (after - before) / count;
}

/** `heapPerCopy` for objects that take awaiting to make (a pipeline that has decided an order). */
export async function heapPerCopyAsync(
  count: number,
  make: (i: number) => Promise<unknown>,
): Promise<number> {
  const keep: unknown[] = new Array(count);
  const before = settledHeap();
  for (let i = 0; i < count; i++) keep[i] = await make(i);
  const after = settledHeap();
  keep.length = 0;
  return (after - before) / count;
}
