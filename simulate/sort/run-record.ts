/**
 * The binary layout of one order in a sorted run file and in a batch sent to a decider:
 * `f64 key | u32 line | u32 byteLength | UTF-8 JSON of the standard order`, little-endian.
 * Binary, so the main thread can merge and forward orders without decoding their JSON.
 */
export const HEADER_BYTES = 16;

export interface RunRecord {
  key: number;
  line: number;
  /** The order's JSON; valid until the reader moves on. */
  payload: Uint8Array;
}

/** An order of records: how a run writer sorts a run, and the merge of runs merges them. */
export type RecordOrder = (a: RunRecord, b: RunRecord) => number;

/** Records compare by decision time, then by input line: a total order, since lines are unique. */
export function compareRecords(a: { key: number; line: number }, b: { key: number; line: number }): number {
  return a.key - b.key || a.line - b.line;
}

/**
 * Records compare by their payload's bytes first, then as `compareRecords`: the order of the runs
 * of order ids and buyer ids, in which the records of one id sit together, in decision order.
 */
export function comparePayloadsFirst(a: RunRecord, b: RunRecord): number {
  return Buffer.compare(a.payload, b.payload) || a.key - b.key || a.line - b.line;
}

export function writeHeader(buffer: Buffer, offset: number, key: number, line: number, length: number): void {
  buffer.writeDoubleLE(key, offset);
  buffer.writeUInt32LE(line, offset + 8);
  buffer.writeUInt32LE(length, offset + 12);
}

/** The records in a buffer of whole records; payloads are views into it, decoded by the caller. */
export function* recordsIn(bytes: Uint8Array): Generator<RunRecord> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.byteLength) {
    const length = view.getUint32(at + 12, true);
    yield {
      key: view.getFloat64(at, true),
      line: view.getUint32(at + 8, true),
      payload: bytes.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length),
    };
    at += HEADER_BYTES + length;
  }
}
