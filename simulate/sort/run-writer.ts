import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_BYTES, writeHeader } from './run-record.ts';

export interface RunFile {
  file: string;
  records: number;
}

/**
 * Collects adapted orders and writes them, sorted by decision time, as one run file whenever
 * `limitBytes` of JSON have gathered: the first half of an external merge sort. Memory holds one
 * run, whatever the size of the input. Ties in time keep input order (by line), the rule
 * `compareRecords` states.
 */
export class RunWriter {
  private keys: number[] = [];
  private lines: number[] = [];
  private texts: string[] = [];
  private lengths: number[] = [];
  private bytes = 0;
  private written = 0;
  readonly runs: RunFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly limitBytes: number,
  ) {}

  add(key: number, line: number, json: string): void {
    const length = Buffer.byteLength(json);
    this.keys.push(key);
    this.lines.push(line);
    this.texts.push(json);
    this.lengths.push(length);
    this.bytes += HEADER_BYTES + length;
    if (this.bytes >= this.limitBytes) this.flush();
  }

  /** Writes what has gathered as a run; nothing when nothing has. */
  flush(): void {
    const count = this.keys.length;
    if (count === 0) return;
    const order = Array.from({ length: count }, (_, i) => i);
    const { keys, lines } = this;
    order.sort((a, b) => keys[a]! - keys[b]! || lines[a]! - lines[b]!);
    const buffer = Buffer.allocUnsafe(this.bytes);
    let at = 0;
    for (const i of order) {
      writeHeader(buffer, at, this.keys[i]!, this.lines[i]!, this.lengths[i]!);
      at += HEADER_BYTES + buffer.write(this.texts[i]!, at + HEADER_BYTES, 'utf8');
    }
    const file = join(this.dir, `${this.prefix}-${String(this.written++).padStart(5, '0')}.run`);
    writeFileSync(file, buffer);
    this.runs.push({ file, records: count });
    this.keys = [];
    this.lines = [];
    this.texts = [];
    this.lengths = [];
    this.bytes = 0;
  }
}
