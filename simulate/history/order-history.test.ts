import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { folderMaker } from '../simulate.test-helper.ts';
import { HistoryRunWriter } from './history-runs.ts';
import { earlierBuyerOrders, readOrderHistory, seenBefore } from './order-history.ts';

interface Prepared {
  id: string;
  buyer: string;
  time: number;
  line: number;
}

const folder = folderMaker('history');

/** The history as specified: the orders one by one in decision order, each id and buyer recorded. */
function plainHistory(orders: readonly Prepared[]): Map<number, { seen: boolean; earlier: number }> {
  const seen = new Set<string>();
  const buyers = new Map<string, number>();
  const answers = new Map<number, { seen: boolean; earlier: number }>();
  for (const o of [...orders].sort((a, b) => a.time - b.time || a.line - b.line)) {
    answers.set(o.line, { seen: seen.has(o.id), earlier: o.buyer ? (buyers.get(o.buyer) ?? 0) : 0 });
    seen.add(o.id);
    if (o.buyer) buyers.set(o.buyer, (buyers.get(o.buyer) ?? 0) + 1);
  }
  return answers;
}

/** Pass 1 as the workers run it: the orders dealt to `workers` writers in input order, small runs. */
function historyOf(orders: readonly Prepared[], workers: number, runBytes: number) {
  const dir = folder();
  const writers = Array.from({ length: workers }, (_, w) => new HistoryRunWriter(dir, `w${w}`, runBytes));
  orders.forEach((o, i) => {
    const order = { id: o.id, buyer: { id: o.buyer } } as StandardOrder;
    writers[i % workers]!.add(order, o.time, o.line);
  });
  for (const w of writers) w.flush();
  const runs = (pick: 'ids' | 'buyers') => writers.flatMap((w) => w.runs[pick]);
  return { dir, history: readOrderHistory({ ids: runs('ids'), buyers: runs('buyers') }, dir) };
}

// Ids and buyers from a few characters, so they repeat, with multi-byte and astral ones: the runs
// sort by UTF-8 bytes, where JavaScript's string order would put U+FFFD after an astral character.
const name = fc
  .array(fc.constantFrom('a', 'b', '1', '张', '\uFFFD', '😀'), { minLength: 0, maxLength: 3 })
  .map((chars) => chars.join(''));
const ordersArb = fc
  .array(
    fc.record({
      id: name.map((n) => `T${n}`),
      buyer: name,
      time: fc.integer({ min: 0, max: 5 }),
    }),
    { maxLength: 120 },
  )
  .map((list) => list.map((o, i) => ({ ...o, line: i + 1 })));

describe('order history', () => {
  it('says of every order what recording the orders one by one in decision order says', () => {
    fc.assert(
      fc.property(
        ordersArb,
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(64, 400, 1 << 20),
        (orders, workers, runBytes) => {
          const { history } = historyOf(orders, workers, runBytes);
          for (const [line, expected] of plainHistory(orders)) {
            const value = history.at(line);
            expect({ line, seen: seenBefore(value), earlier: earlierBuyerOrders(value) }).toEqual({
              line,
              ...expected,
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('merges more runs than the fan-in in rounds, deleting what it merged', () => {
    const orders = Array.from({ length: 600 }, (_, i) => ({
      id: `T${i % 250}`,
      buyer: i % 3 === 0 ? '' : `buyer-${i % 40}`,
      time: (i * 7919) % 50,
      line: i + 1,
    }));
    // 8-byte history runs: a record each, 600 id runs and 400 buyer runs, past the fan-in of 128.
    const { dir, history } = historyOf(orders, 2, 32);
    expect(readdirSync(dir).length).toBeLessThanOrEqual(2 * 128);
    for (const [line, expected] of plainHistory(orders)) {
      const value = history.at(line);
      expect({ seen: seenBefore(value), earlier: earlierBuyerOrders(value) }).toEqual(expected);
    }
    expect(orders.filter((o) => seenBefore(history.at(o.line)))).toHaveLength(600 - 250);
  });

  it('gives 0 for a line it never heard of: a new id, the buyer first seen', () => {
    const { history } = historyOf([{ id: 'T1', buyer: 'b', time: 0, line: 1 }], 1, 1024);
    expect(history.at(1)).toBe(0);
    expect(history.at(5_000_000)).toBe(0);
  });
});
