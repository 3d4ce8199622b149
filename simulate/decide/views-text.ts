/**
 * A batch's decision views, one line each (JSON text holds no raw newline), as UTF-8 in shared
 * memory the main thread lent the decider: the main thread compares the two pipelines' bytes and
 * decodes them only when they differ. Sent as strings, each decider's views of a batch (~90 KB) were
 * copied into the main thread's heap, outlived its young generation's collections and filled its old
 * generation with ~25 MB/s of garbage: a 1 M-order run's RSS rose by up to 45 MB between its major
 * collections, or not, as V8's heap growth went (issue 18).
 */
export interface ViewsText {
  /** Shared memory: the buffer lent, or a larger one the decider took when the views outgrew it. */
  bytes: Uint8Array;
  length: number;
}

/** The most UTF-8 bytes one UTF-16 code unit becomes. */
const MAX_UTF8_PER_UNIT = 3;

/** Writes a batch's views, a line each, into the buffer lent, or a larger one when they outgrow it. */
export class ViewsWriter {
  private buffer: Buffer;
  private length = 0;
  private lines = 0;

  constructor(lent: Uint8Array) {
    this.buffer = Buffer.from(lent.buffer, lent.byteOffset, lent.byteLength);
  }

  line(text: string): void {
    const room = MAX_UTF8_PER_UNIT * text.length + 1;
    if (this.length + room > this.buffer.length) this.grow(this.length + room);
    if (this.lines++ > 0) this.buffer[this.length++] = 0x0a;
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  text(): ViewsText {
    return { bytes: this.buffer, length: this.length };
  }

  private grow(bytes: number): void {
    const bigger = Buffer.from(new SharedArrayBuffer(Math.max(bytes, 2 * this.buffer.length)));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** Whether two batches' views are the same, byte for byte. */
export function sameViews(a: ViewsText, b: ViewsText): boolean {
  return (
    a.length === b.length &&
    Buffer.compare(a.bytes.subarray(0, a.length), b.bytes.subarray(0, b.length)) === 0
  );
}

/** A batch's views, a line each. */
export function viewLines({ bytes, length }: ViewsText): string[] {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8').split('\n');
}
