import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ndjsonChunks, type Progress, writeNdjson } from './write-ndjson.ts';

function* numbered(count: number) {
  for (let i = 0; i < count; i++) yield { i, pad: 'x'.repeat(200) };
}

describe('writeNdjson', () => {
  it('writes one JSON object per line, in order', async () => {
    let text = '';
    const out = new Writable({
      write(chunk, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    await writeNdjson(numbered(1000), out, { written: 0 });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(JSON.parse(lines[999]!)).toMatchObject({ i: 999 });
  });

  it('makes orders only as fast as a slow reader takes them (backpressure)', async () => {
    const progress: Progress = { written: 0 };
    let received = 0;
    let furthestAhead = 0;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk, _encoding, done) {
        received += chunk.toString().split('\n').length - 1;
        furthestAhead = Math.max(furthestAhead, progress.written - received);
        setTimeout(done, 1);
      },
    });
    await writeNdjson(numbered(20_000), slow, progress);
    expect(received).toBe(20_000);
    // A 64 KB chunk holds about 300 of these lines; a few chunks in flight is all that may pile up.
    expect(furthestAhead).toBeLessThan(2_000);
  });
});

describe('ndjsonChunks', () => {
  it('counts every line it makes', () => {
    const progress = { written: 0 };
    const text = [...ndjsonChunks(numbered(10), progress)].join('');
    expect(progress.written).toBe(10);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
