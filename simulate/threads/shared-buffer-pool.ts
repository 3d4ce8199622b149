/**
 * Buffers in shared memory, which the threads a batch is posted to read in place (posting a view of
 * shared memory copies nothing), taken back for later batches once no thread reads them. Copying
 * each batch into memory of its own, then into a message and out of it in each thread, made blocks
 * of a few hundred KB per batch that fragmented glibc's arenas (simulate/README, "Memory").
 */
export class SharedBufferPool {
  private readonly free: Buffer[] = [];

  constructor(private readonly minBytes: number) {}

  /** A buffer of at least `bytes`: a recycled one when it is big enough, else a new one. */
  take(bytes = this.minBytes): Buffer {
    const pooled = this.free.pop();
    if (pooled && pooled.length >= bytes) return pooled;
    return Buffer.from(new SharedArrayBuffer(Math.max(this.minBytes, bytes)));
  }

  /** Takes back the memory under `view` (of a buffer `take` gave) once no thread reads it. */
  give(view: Uint8Array): void {
    if (view.buffer instanceof SharedArrayBuffer) this.free.push(Buffer.from(view.buffer));
  }
}
