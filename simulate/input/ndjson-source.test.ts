import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

function fileOf(name: string, text: string): string {
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
