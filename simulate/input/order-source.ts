import type { PrepareBatch, SkippedRow } from '../threads/messages.ts';

/** A batch for the prepare workers, or a row the reader itself could not read. */
export type SourceItem = { kind: 'batch'; batch: PrepareBatch } | { kind: 'bad'; row: SkippedRow };

/** An input file read as a stream of batches; `bytesRead` of `totalBytes` drives the progress bar. */
export interface OrderSource {
  readonly totalBytes: number;
  readonly bytesRead: number;
  items(): AsyncGenerator<SourceItem>;
  /** Takes back a batch's memory once a worker has prepared it, for a source that reuses it. */
  recycle?(batch: PrepareBatch): void;
  /** Stops reading, if it has not finished: a run that fails midway leaves no file open. */
  close(): void;
}
