import { describe, expect, it } from 'vitest';
import { OrderHistory } from '../history/order-history.ts';
import { recordsIn } from '../sort/run-record.ts';
import { BatchBuilder, type DecideBatch } from './batch-builder.ts';

const history = new OrderHistory();
history.markSeen(2);
history.setEarlierBuyerOrders(3, 4);

function record(line: number, text: string) {
  return { key: 1_700_000_000_000 + line, line, payload: Buffer.from(text) };
}

function contents(batch: DecideBatch): string[] {
  return [...recordsIn(batch.bytes)].map((r) => `${r.line}:${Buffer.from(r.payload).toString('utf8')}`);
}

describe('BatchBuilder', () => {
  it('hands out batches in shared memory with their records, history values, keys and lines', () => {
    const builder = new BatchBuilder(history);
    builder.add(record(1, '{"id":"A"}'));
    builder.add(record(2, '{"id":"B","note":"备注"}'));
    builder.add(record(3, '{"id":"C"}'));
    const batch = builder.take();
    expect(batch.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(contents(batch)).toEqual(['1:{"id":"A"}', '2:{"id":"B","note":"备注"}', '3:{"id":"C"}']);
    expect([...batch.history]).toEqual([0, 1, 8]);
    expect(batch.lines).toEqual([1, 2, 3]);
    expect(batch.keys).toEqual([1_700_000_000_001, 1_700_000_000_002, 1_700_000_000_003]);
    expect(builder.empty).toBe(true);
  });

  it("never writes over a batch in flight, and reuses settled batches' memory", () => {
    const builder = new BatchBuilder(history);
    const inFlight: DecideBatch[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (let line = 1; line <= 50; line++) {
      builder.add(record(line, `{"id":"T${line}"}`));
      const batch = builder.take();
      buffers.add(batch.bytes.buffer);
      inFlight.push(batch);
      // Two batches in flight at a time, settled oldest first, as the decide pass settles them.
      if (inFlight.length > 2) builder.recycle(inFlight.shift()!);
      expect(inFlight.map(contents)).toEqual(inFlight.map((b) => [`${b.lines[0]}:{"id":"T${b.lines[0]}"}`]));
    }
    expect(buffers.size).toBe(4);
  });

  it('grows for an order larger than its buffer, keeping the records before it', () => {
    const builder = new BatchBuilder(history);
    builder.add(record(1, '{"id":"small"}'));
    const big = `{"id":"big","blob":"${'z'.repeat(700_000)}"}`;
    builder.add(record(2, big));
    expect(contents(builder.take())).toEqual(['1:{"id":"small"}', `2:${big}`]);
  });
});
