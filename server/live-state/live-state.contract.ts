import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedDecision, type DecisionRecord } from '../../api/schemas/decisions.ts';
import type { Decision } from '../../engine/decision/decision.ts';
import { generateOrders } from '../../engine/generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { Pipeline } from '../../engine/runtime/index.ts';
import { InMemoryState, type StateSnapshot } from '../../engine/state/index.ts';
import {
  type DemoStrategies,
  demoPipeline,
  demoStock,
  loadDemoStrategies,
  payTime,
} from '../../samples/tools/demo-pipeline.ts';
import type { LiveState, Settled } from './live-state.ts';

/** A backend under the contract: fresh state for one client, seen by `evaluators` views at once. */
export interface LiveStateBackend {
  /** How many evaluators may share one client's state: 1 for state in one process's memory. */
  maxEvaluators: number;
  open(snapshot: StateSnapshot, evaluators: number): Promise<LiveState[]>;
  close(): Promise<void>;
}

const MIRRORS = 'gift:gifts:double11-gifts:first-1000-mirror:orders';
const BAND_GIFTS = 'gift:gifts:double11-gifts:spend-bands:day:2026-11-11';
/** 30 first-1000 mirrors and 40 of the day's band gifts left, so a batch runs into both caps. */
const nearlyUsed = (): StateSnapshot => ({
  ...demoStock(),
  counters: { [MIRRORS]: 970, [BAND_GIFTS]: 4960 } as StateSnapshot['counters'],
});

const strategies: DemoStrategies = loadDemoStrategies();
/** Generated orders, each id once: a repeat is the evaluator's to answer (see the repeat test). */
const batch: StandardOrder[] = [
  ...new Map(
    [...generateOrders({ client: strategies.client, count: 600, seed: 'live-state' })]
      .map((raw) => adaptOrder(detectPlatform(raw) ?? 'standard', raw))
      .map((order) => [order.id, order]),
  ).values(),
].sort((a, b) => payTime(a) - payTime(b));

/** The audit line evaluation commits with a decision (a store may keep it as its audit log). */
const recordOf = (decision: Decision) =>
  JSON.stringify({
    clientId: strategies.client.id,
    orderId: decision.orderId,
    at: '2026-11-11T00:00:00.000Z',
    release: 1,
    platform: 'standard',
    by: 'contract',
    decision: auditedDecision(decision),
  } satisfies DecisionRecord);

/** Decides `orders` in chunks through one evaluator's view of the state, settling each chunk. */
async function run(live: LiveState, orders: readonly StandardOrder[], chunk: number, dryRun = false) {
  const pipeline: Pipeline = demoPipeline(strategies, 'compiled', { state: live.turn(dryRun) });
  const redecide = (again: readonly StandardOrder[]) => pipeline.decideBatch(again);
  const settled: Settled[] = [];
  for (let i = 0; i < orders.length; i += chunk) {
    const part = orders.slice(i, i + chunk);
    const decisions = await pipeline.decideBatch(part);
    settled.push(...(await live.settle(part, decisions, { dryRun, redecide, recordOf })));
  }
  return settled;
}

const decided = (settled: readonly Settled[]) =>
  settled.flatMap((s) => (s.kind === 'decided' ? [s.decision] : []));

/** Units of each counter and stock level all `decisions` took. */
function consumedBy(decisions: readonly Decision[]) {
  const counters = new Map<string, number>();
  const stock = new Map<string, number>();
  for (const d of decisions) {
    for (const c of d.consumed) {
      if (c.kind === 'counter') counters.set(c.key, (counters.get(c.key) ?? 0) + c.qty);
      if (c.kind === 'stock')
        stock.set(`${c.warehouse}/${c.sku}`, (stock.get(`${c.warehouse}/${c.sku}`) ?? 0) + c.qty);
    }
  }
  return { counters, stock };
}

/**
 * What every live state must do, in one process or shared: decide exactly as one in-memory state
 * deciding the orders one at a time would, and, shared, never grant past a cap, sell stock twice or
 * decide an order twice however the evaluators interleave.
 */
export function describeLiveStateContract(name: string, backend: () => LiveStateBackend) {
  describe(`live state contract: ${name}`, () => {
    let subject: LiveStateBackend;
    let reference: { decisions: Decision[]; state: StateSnapshot };
    beforeAll(async () => {
      subject = backend();
      const state = new InMemoryState(nearlyUsed());
      const pipeline = demoPipeline(strategies, 'compiled', { state });
      reference = { decisions: await pipeline.decideBatch(batch), state: state.snapshot() };
    }, 60_000);
    afterAll(() => subject?.close());

    it('decides a batch exactly as one in-memory state one order at a time, and ends in the same state', async () => {
      const [live] = await subject.open(nearlyUsed(), 1);
      const settled = await run(live!, batch, 50);
      expect(settled.every((s) => s.kind === 'decided')).toBe(true);
      expect(JSON.stringify(decided(settled))).toBe(JSON.stringify(reference.decisions));
      expect(await live!.snapshot()).toEqual(reference.state);
      // The caps bind within the batch: otherwise this would not test them.
      expect(reference.state.counters[MIRRORS]).toBe(1000);
    }, 60_000);

    it('answers an order id decided before as a repeat, not a second decision', async () => {
      const [live] = await subject.open(nearlyUsed(), 1);
      await run(live!, batch.slice(0, 40), 40);
      const before = await live!.snapshot();
      // Either the state answers the repeat itself, or it tells evaluation to look in the audit log.
      for (const order of batch.slice(0, 5)) expect(live!.maySeen(order.id), order.id).toBe(true);
      expect(live!.maySeen('never-sent')).toBe(false);
      const again = await run(live!, batch.slice(0, 5), 5);
      const first = reference.decisions.slice(0, 5).map(recordOf);
      for (const [i, s] of again.entries()) if (s.kind === 'replay') expect(s.record).toBe(first[i]);
      if (subject.maxEvaluators > 1) {
        expect(again.map((s) => s.kind)).toEqual(Array(5).fill('replay'));
        expect(await live!.snapshot()).toEqual(before);
      }
    }, 60_000);

    it('takes nothing on a dry run', async () => {
      const [live] = await subject.open(nearlyUsed(), 1);
      const settled = await run(live!, batch.slice(0, 100), 25, true);
      expect(decided(settled)).toHaveLength(100);
      expect(await live!.snapshot()).toEqual(new InMemoryState(nearlyUsed()).snapshot());
    }, 60_000);

    it('keeps caps, stock and buyer counts exact with evaluators deciding the same client at once', async (context) => {
      if (subject.maxEvaluators < 4) {
        context.skip(`${name} lives in one process: one evaluator per client`);
        return;
      }
      const lives = await subject.open(nearlyUsed(), 4);
      // Every evaluator gets every fourth order, and 30 orders go to two evaluators at once.
      const shares = lives.map((_, e) => batch.filter((_, i) => i % 4 === e));
      for (const [i, order] of batch.slice(0, 30).entries()) shares[(i + 1) % 4]!.push(order);
      const settled = (await Promise.all(lives.map((live, e) => run(live, shares[e]!, 10)))).flat();
      const decisions = decided(settled);
      const ids = decisions.map((d) => d.orderId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(batch.length);
      expect(settled.filter((s) => s.kind === 'replay')).toHaveLength(30);
      const end = await lives[0]!.snapshot();
      const start = nearlyUsed();
      const { counters, stock } = consumedBy(decisions);
      for (const [key, qty] of counters)
        expect(end.counters[key], key).toBe((start.counters[key] ?? 0) + qty);
      expect(end.counters[MIRRORS]).toBe(1000);
      for (const [at, qty] of stock) {
        const [warehouse, sku] = at.split('/') as [string, string];
        expect(end.stock[warehouse]![sku], at).toBe(start.stock[warehouse]![sku]! - qty);
      }
      for (const skus of Object.values(end.stock))
        for (const qty of Object.values(skus)) expect(qty).toBeGreaterThanOrEqual(0);
      const buyers = new Map<string, number>();
      for (const order of batch)
        if (order.buyer.id) buyers.set(order.buyer.id, (buyers.get(order.buyer.id) ?? 0) + 1);
      for (const [buyer, n] of buyers) expect(end.buyers[buyer], buyer).toBe((start.buyers[buyer] ?? 0) + n);
    }, 120_000);
  });
}
