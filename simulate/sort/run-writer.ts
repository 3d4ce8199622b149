import { join } from 'node:path';
import { RunFileWriter, WRITE_CHUNK_BYTES } from './run-file-writer.ts';
import { HEADER_BYTES } from './run-record.ts';

export interface RunFile {
  file: string;
  records: number;
}

/** The arena's first size; it doubles as a run gathers, and is kept for the next run. */
const INITIAL_ARENA_BYTES = 1024 * 1024;
/** The most UTF-8 bytes one UTF-16 code unit becomes: room enough for any string of that length. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Collects adapted orders and writes them, sorted by decision time, as one run file whenever
 * `limitBytes` of JSON have gathered: the first half of an external merge sort. Memory holds one
 * run, whatever the size of the input. Ties in time keep input order (by line), the rule
 * `compareRecords` states.
 *
 * Each order's JSON is encoded into a byte arena as it comes, outside the JavaScript heap: kept
 * as strings until the run is written (~14,000 orders), they outlived every young-generation
 * collection, were copied twice each and promoted, and the old generation then had to collect
 * them (issue 18: ~280 MB promoted by each prepare worker of a 200 k run, 13 full collections).
 */
export class RunWriter {
  private keys: number[] = [];
  private lines: number[] = [];
  private starts: number[] = [];
  private lengths: number[] = [];
  private arena = Buffer.allocUnsafe(0);
  private used = 0;
  /** What a run is written through, reused from run to run. */
  private chunk: Buffer | undefined;
  private bytes = 0;
  private written = 0;
  readonly runs: RunFile[] = [];

  /**
   * `sortBy: 'payload'` sorts a run as `comparePayloadsFirst` (the runs of order and buyer ids), the
   * default as `compareRecords`.
   */
  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly limitBytes: number,
    private readonly sortBy: 'time' | 'payload' = 'time',
  ) {}

  add(key: number, line: number, json: string): void {
    const room = MAX_UTF8_PER_UNIT * json.length;
    if (this.used + room > this.arena.length) this.grow(room);
    const length = this.arena.write(json, this.used, 'utf8');
    this.keys.push(key);
    this.lines.push(line);
    this.starts.push(this.used);
    this.lengths.push(length);
    this.used += length;
    this.bytes += HEADER_BYTES + length;
    if (this.bytes >= this.limitBytes) this.flush();
  }

  /** Writes what has gathered as a run; nothing when nothing has. */
  flush(): void {
    const count = this.keys.length;
    if (count === 0) return;
    const order = Array.from({ length: count }, (_, i) => i);
    const { keys, lines, starts, lengths, arena } = this;
    const byTime = (a: number, b: number) => keys[a]! - keys[b]! || lines[a]! - lines[b]!;
    order.sort(
      this.sortBy === 'time'
        ? byTime
        : (a, b) =>
            arena.compare(
              arena,
              starts[b]!,
              starts[b]! + lengths[b]!,
              starts[a]!,
              starts[a]! + lengths[a]!,
            ) || byTime(a, b),
    );
    const file = join(this.dir, `${this.prefix}-${String(this.written++).padStart(5, '0')}.run`);
    this.chunk ??= Buffer.allocUnsafe(Math.min(WRITE_CHUNK_BYTES, this.limitBytes + HEADER_BYTES));
    const out = new RunFileWriter(file, this.chunk);
    try {
      for (const i of order)
        out.write(keys[i]!, lines[i]!, arena.subarray(starts[i]!, starts[i]! + lengths[i]!));
    } finally {
      out.close();
    }
    this.runs.push({ file, records: count });
    this.keys = [];
    this.lines = [];
    this.starts = [];
    this.lengths = [];
    this.used = 0;
    this.bytes = 0;
  }

  private grow(room: number): void {
    // Doubling, but never far past a run (written once `limitBytes` have gathered); the margin is
    // room for large orders near the end of a run without growing, and copying, once for each.
    const doubled = Math.max(2 * this.arena.length, INITIAL_ARENA_BYTES);
    const cap = this.limitBytes + Math.max(room, INITIAL_ARENA_BYTES);
    const size = Math.max(Math.min(doubled, cap), this.used + room);
    const bigger = Buffer.allocUnsafe(size);
    this.arena.copy(bigger, 0, 0, this.used);
    this.arena = bigger;
  }
}
