import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors/index.ts';
import { tmp } from '../simulate.test-helper.ts';
import type { NdjsonBatch } from '../threads/messages.ts';
import { NdjsonSource } from './ndjson-source.ts';

const dir = tmp('ndjson-source');

/** Lines of every length from a few bytes to past two read chunks (1 MB), some Chinese, a few blank. */
function sampleLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i % 97 === 5) lines.push('  ');
    else
      lines.push(
        JSON.stringify({ id: `T${i}`, note: '备注'.repeat(i % 300), pad: 'x'.repeat((i * 37) % 900) }),
      );
  }
  lines.splice(1500, 0, JSON.stringify({ id: 'HUGE', blob: 'y'.repeat(1_300_000) }));
  return lines;
}

function fileOf(name: string, text: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

interface Read {
  batches: NdjsonBatch[];
  /** Each batch's text as it was when handed out. */
  texts: string[];
}

async function readAll(source: NdjsonSource, recycleEach: boolean): Promise<Read> {
  const read: Read = { batches: [], texts: [] };
  for await (const item of source.items()) {
    if (item.kind !== 'batch' || item.batch.kind !== 'ndjson') throw new Error('not an NDJSON batch');
    read.batches.push(item.batch);
    read.texts.push(Buffer.from(item.batch.bytes).toString('utf8'));
    if (recycleEach) source.recycle(item.batch);
  }
  source.close();
  return read;
}

/** The lines of the batches, each batch's first line number checked against the lines before it. */
function linesOf({ batches, texts }: Read): string[] {
  const lines: string[] = [];
  texts.forEach((text, i) => {
    expect(batches[i]!.firstLine).toBe(lines.length + 1);
    lines.push(...text.replace(/\n$/, '').split('\n'));
  });
  return lines;
}

describe('NdjsonSource', () => {
  it('hands out every line once, in order, with its line number, whatever its length, recycled or not', async () => {
    const lines = sampleLines();
    const file = fileOf('lines.ndjson', `${lines.join('\n')}\n`);
    const recycled = await readAll(new NdjsonSource(file, undefined), true);
    expect(linesOf(recycled)).toEqual(lines);
    expect(recycled.batches.length).toBeGreaterThan(4);

    // Batches kept by workers (never recycled) are never overwritten by later reads.
    const kept = await readAll(new NdjsonSource(file, undefined), false);
    expect(kept.batches.map((b) => Buffer.from(b.bytes).toString('utf8'))).toEqual(kept.texts);
    expect(linesOf(kept)).toEqual(lines);
  });

  it('reuses recycled memory for later batches, and shares it rather than copying it', async () => {
    const file = fileOf('reuse.ndjson', `${sampleLines().join('\n')}\n`);
    const { batches } = await readAll(new NdjsonSource(file, undefined), true);
    const buffers = new Set(batches.map((b) => b.bytes.buffer));
    expect(batches.every((b) => b.bytes.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(buffers.size).toBeLessThan(batches.length / 2);
  });

  it('drops a byte-order mark, keeps a last line with no newline, and counts bytes read', async () => {
    const text = '{"id":"A"}\n{"id":"B"}\n{"id":"C"}';
    const file = fileOf('bom.ndjson', `\ufeff${text}`);
    const source = new NdjsonSource(file, undefined);
    const read = await readAll(source, true);
    expect(read.texts.join('')).toBe(text);
    expect(source.bytesRead).toBe(Buffer.byteLength(`\ufeff${text}`));
  });

  it('stops after --limit orders, blank lines not counted', async () => {
    const file = fileOf('limit.ndjson', '{"id":"A"}\n\n{"id":"B"}\n   \n{"id":"C"}\n{"id":"D"}\n');
    const read = await readAll(new NdjsonSource(file, 3), true);
    expect(read.texts.join('')).toBe('{"id":"A"}\n\n{"id":"B"}\n   \n{"id":"C"}\n');
  });

  it('reads a gzip file (two members, as `cat a.gz b.gz` makes) as the lines it holds, whatever its name', async () => {
    const lines = sampleLines();
    const half = lines.length / 2;
    const packed = Buffer.concat([
      gzipSync(`${lines.slice(0, half).join('\n')}\n`),
      gzipSync(`${lines.slice(half).join('\n')}\n`),
    ]);
    const source = new NdjsonSource(fileOf('history.jsonl', packed), undefined);
    expect(linesOf(await readAll(source, true))).toEqual(lines);
    expect(source.totalBytes).toBe(packed.length);
    expect(source.bytesRead).toBe(packed.length);
  });

  it('names a gzip file cut short or damaged instead of reading its bytes as lines', async () => {
    const packed = gzipSync(`${sampleLines().join('\n')}\n`);
    for (const [name, bytes] of [
      ['cut.ndjson.gz', packed.subarray(0, packed.length >> 1)],
      ['damaged.ndjson.gz', Buffer.concat([packed.subarray(0, 2), Buffer.from('not deflate at all')])],
    ] as const) {
      const reading = readAll(new NdjsonSource(fileOf(name, bytes), undefined), true);
      await expect(reading).rejects.toThrow(InputError);
      await expect(reading).rejects.toThrow(`cannot read ${join(dir, name)}: not a whole gzip file`);
    }
  });

  it('stops a gzip file at --limit and when closed, with nothing left open', async () => {
    const text = '{"id":"A"}\n\n{"id":"B"}\n{"id":"C"}\n{"id":"D"}\n';
    const limited = await readAll(new NdjsonSource(fileOf('limit.ndjson.gz', gzipSync(text)), 2), true);
    expect(limited.texts.join('')).toBe('{"id":"A"}\n\n{"id":"B"}\n');
    const source = new NdjsonSource(
      fileOf('closed.ndjson.gz', gzipSync(`${sampleLines().join('\n')}\n`)),
      undefined,
    );
    const items = source.items();
    const first = await items.next();
    expect(first.value?.kind).toBe('batch');
    source.close();
    expect((await items.next()).done).toBe(true);
  });

  it('closed while a read is under way: the read finishes, then the source ends without an error', async () => {
    const file = fileOf('closed.ndjson', `${sampleLines().join('\n')}\n`);
    const source = new NdjsonSource(file, undefined);
    const items = source.items();
    const first = items.next();
    source.close();
    const item = (await first).value;
    expect(item?.kind === 'batch' && item.batch.kind === 'ndjson' && item.batch.firstLine).toBe(1);
    expect((await items.next()).done).toBe(true);
  });
});
