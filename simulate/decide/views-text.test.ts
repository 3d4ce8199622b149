import { describe, expect, it } from 'vitest';
import { sameViews, ViewsWriter, viewLines } from './views-text.ts';

const lent = (bytes: number) => new Uint8Array(new SharedArrayBuffer(bytes));

describe('views text', () => {
  it('writes a line a view into the shared buffer lent, and reads them back', () => {
    const buffer = lent(1024);
    const writer = new ViewsWriter(buffer);
    // An empty first line still gets its own line.
    const views = [
      '',
      '{"status":"held","holds":["merge_wait"]}',
      '{"warehouse":"华东仓","remark":"请发顺丰"}',
      '{}',
    ];
    for (const view of views) writer.line(view);
    const text = writer.text();
    expect(text.bytes.buffer).toBe(buffer.buffer);
    expect(viewLines(text)).toEqual(views);
  });

  it('moves to a larger shared buffer when the views outgrow the one lent, losing none', () => {
    const writer = new ViewsWriter(lent(64));
    // Three bytes a character in UTF-8: far past 64 bytes, and past any doubling of them but the last.
    const views = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, remark: '备注'.repeat(i * 3) }));
    for (const view of views) writer.line(view);
    const text = writer.text();
    expect(text.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(text.bytes.byteLength).toBeGreaterThan(64);
    expect(viewLines(text)).toEqual(views);
  });

  it('tells batches decided alike from batches that differ in one byte or in length', () => {
    const write = (views: string[], bytes = 4096) => {
      const writer = new ViewsWriter(lent(bytes));
      for (const view of views) writer.line(view);
      return writer.text();
    };
    const batch = ['{"carrier":"SF"}', '{"carrier":"YTO"}'];
    expect(sameViews(write(batch), write(batch, 128))).toBe(true);
    expect(sameViews(write(batch), write(['{"carrier":"SF"}', '{"carrier":"ZTO"}']))).toBe(false);
    expect(sameViews(write(batch), write([...batch, '{}']))).toBe(false);
  });
});
