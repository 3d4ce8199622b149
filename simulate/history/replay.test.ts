import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrders } from '../../engine/generate/generate-orders.ts';
import { loadStrategies } from '../../engine/loader/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { createPipeline } from '../../engine/runtime/index.ts';
import { InMemoryState, type StateSnapshot } from '../../engine/state/index.ts';
import { TallyCounter } from '../decide/tallies.ts';
import { decisionClock, decisionTime } from '../order-time.ts';
import { ndjsonOrder } from '../prepare/read-record.ts';
import { tmp } from '../simulate.test-helper.ts';
import { simulate } from '../simulate.ts';
import { ReplayState } from './replay-state.ts';

const DEMO = new URL('../../samples/clients/demo/strategies', import.meta.url).pathname;
const dir = tmp('replay-history');

/** The demo strategies decide every order in decision order on one pipeline and its InMemoryState. */
async function decideInOrder(orders: readonly StandardOrder[], snapshot: Partial<StateSnapshot>) {
  const { client, strategies } = loadStrategies(DEMO);
  const compiled = strategies.map((s) => {
    if (!s.result.ok) throw new Error(`${s.file} does not compile`);
    return s.result.compiled;
  });
  const pipeline = await createPipeline(compiled, {
    trace: 'rules',
    client,
    state: new InMemoryState(snapshot),
    clock: decisionClock(0),
  });
  const counter = new TallyCounter(pipeline.stages);
  const inOrder = orders
    .map((order, i) => ({ order, line: i + 1, time: decisionTime(order) }))
    .sort((a, b) => a.time - b.time || a.line - b.line);
  for (const { order } of inOrder) counter.add(await pipeline.decide(order));
  return counter.result();
}

describe('a replay answers seen orders and buyer counts from its order history', () => {
  it('decides as one pipeline recording every order in decision order: duplicates, repeat buyers, the snapshot’s buyers', async () => {
    const { client } = loadStrategies(DEMO);
    // Generated double-11 orders: platforms push some again, buyers come back.
    const raw = [...generateOrders({ client: client!, count: 3000, seed: 'replay-history' })].map((o) =>
      JSON.stringify(o),
    );
    const file = join(dir, 'orders.ndjson');
    writeFileSync(file, `${raw.join('\n')}\n`);
    const orders = raw.map((text, i) => ndjsonOrder(text, i + 1, undefined));
    // Buyers the state already knows: their first orders of the run are not their first.
    const buyers = Object.fromEntries(
      orders.filter((_, i) => i % 7 === 0 && orders[i]!.buyer.id).map((o) => [o.buyer.id, 1]),
    );
    const snapshot = { counters: {}, stock: {}, buyers };
    const snapshotFile = join(dir, 'state.json');
    writeFileSync(snapshotFile, JSON.stringify(snapshot));

    const expected = await decideInOrder(orders, snapshot);
    const report = await simulate({
      strategies: DEMO,
      orders: file,
      state: snapshotFile,
      workers: 2,
      runBytes: 64 * 1024,
    });

    const { decided, ...tallies } = expected;
    expect(report.decided).toBe(decided);
    expect(report).toMatchObject(tallies);
    expect(report.run.sortedRuns).toBeGreaterThan(10);
    // What the history decides here: duplicates held, and first-order gifts that the snapshot's
    // buyers and the returning ones do not get.
    expect(tallies.holdReasons.duplicate_order).toBeGreaterThan(0);
    expect(await decideInOrder(orders, {})).not.toEqual(expected);
  });

  it('answers for the order being decided only, and says so when asked about another', () => {
    const state = new ReplayState({ buyers: { B1: 2 } });
    const order = { id: 'T1', buyer: { id: 'B1' } } as StandardOrder;
    state.nextOrder(order, 3 * 2 + 1);
    expect(state.seenOrder('T1')).toBe(true);
    expect(state.buyerOrders('B1')).toBe(5);
    expect(() => state.seenOrder('T2')).toThrow(/asked about order "T2" while deciding order "T1"/);
    expect(() => state.buyerOrders('B2')).toThrow(/asked about buyer "B2"/);
  });
});
