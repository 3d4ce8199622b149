import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../../test-support/redis-server.ts';
import { connectRedis } from '../redis/connect-redis.ts';
import { RedisClientState, stateKeys } from '../redis/redis-client-state.ts';
import { checkSegment, valueId, valuesOf } from './check-segment.ts';
import { RecordingView, stockField } from './recording-view.ts';
import { StateCache } from './state-cache.ts';

/** A small deterministic generator, so a failing case can be replayed by its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const COUNTERS = ['gift:a', 'gift:b'];
const STOCK = [stockField('WH-1', 'SKU-1'), stockField('WH-2', 'SKU-1')];
const BUYERS = ['buyer-1', 'buyer-2'];
const ORDERS = ['seen-1', 'seen-2'];
const MERGES = ['merge-1', 'merge-2'];
const T = 1_800_000_000_000;

/** A value for every key or none, stored or only believed (a stale cache). */
function someState(pick: (n: number) => number) {
  const maybe = <V>(value: () => V) => (pick(3) === 0 ? undefined : value());
  return {
    counters: COUNTERS.map((k) => [k, maybe(() => pick(4))] as const),
    stock: STOCK.map((f) => [f, maybe(() => pick(4))] as const),
    buyers: BUYERS.map((b) => [b, maybe(() => pick(3))] as const),
    seen: ORDERS.filter(() => pick(2) === 0),
    merges: MERGES.map(
      (m) => [m, maybe(() => ({ closesAt: T + pick(3) * 1000, size: 1 + pick(3) }))] as const,
    ),
  };
}

/**
 * The commit script and its TypeScript twin (what MongoDB commits with) on random segments: a
 * decision made on a random cache, checked against random stored values; both must agree on whether
 * it holds and on every value they answer.
 */
describe('checkSegment agrees with the commit script', () => {
  let redis: RunningRedis;
  let connection: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    connection = await connectRedis(redis.url);
  });
  afterAll(async () => {
    connection?.disconnect();
    await redis?.stop();
  });

  it('on 400 random decisions against stale views', async () => {
    let committed = 0;
    let conflicts = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const pick = random(seed * 7919);
      const clientId = `twin-${seed}`;
      const keys = stateKeys(clientId);
      const stored = someState(pick);
      const table = new Map<string, string>();
      for (const [k, v] of stored.counters) if (v !== undefined) table.set(valueId('c', k), String(v));
      for (const [f, v] of stored.stock) if (v !== undefined) table.set(valueId('s', f), String(v));
      for (const [b, v] of stored.buyers) if (v !== undefined) table.set(valueId('b', b), String(v));
      for (const id of stored.seen) table.set(valueId('o', id), '1');
      for (const [m, g] of stored.merges) if (g) table.set(valueId('m', m), `${g.closesAt}:${g.size}`);
      const tx = connection.multi();
      for (const [id, v] of table) {
        const kind = id[0];
        const key = id.slice(2);
        if (kind === 'c') tx.hset(keys.counters, key, v);
        if (kind === 's') tx.hset(keys.stock, key, v);
        if (kind === 'b') tx.hset(keys.buyers, key, v);
        if (kind === 'o') tx.sadd(keys.seen, key);
        if (kind === 'm') tx.set(keys.merge(key), v, 'PX', 3_600_000);
      }
      await tx.exec();

      const believed = someState(pick);
      const cache = new StateCache();
      for (const [k, v] of believed.counters) if (v !== undefined) cache.counters.set(k, v);
      for (const [f, v] of believed.stock) cache.stock.set(f, v ?? null);
      for (const [b, v] of believed.buyers) if (v !== undefined) cache.buyers.set(b, v);
      for (const id of believed.seen) cache.seen.add(id);
      for (const [m, g] of believed.merges) cache.merges.set(m, g ?? null);
      const view = new RecordingView(cache);
      for (let call = 0, calls = 1 + pick(8); call < calls; call++) {
        const any = <V>(list: readonly V[]) => list[pick(list.length)]!;
        const [warehouse, sku] = any(STOCK).split('\u0000') as [string, string];
        switch (pick(11)) {
          case 0:
            view.counter(any(COUNTERS));
            break;
          case 1:
            view.counterFits(any(COUNTERS), 1 + pick(2), 1 + pick(4));
            break;
          case 2:
            view.takeFromCounter(any(COUNTERS), 1 + pick(2), 1 + pick(4));
            break;
          case 3:
            view.stock(warehouse, sku);
            break;
          case 4:
            view.reserveStock(warehouse, sku, 1 + pick(3));
            break;
          case 5:
            view.buyerOrders(any(BUYERS));
            break;
          case 6:
            view.recordBuyerOrder(any(BUYERS));
            break;
          case 7:
            view.seenOrder(any(ORDERS));
            break;
          case 8:
            view.mergeGroup(any(MERGES), T + pick(3) * 1000);
            break;
          case 9:
            view.recordMergeGroup(any(MERGES), { closesAt: T + pick(4) * 1000, size: 1 + pick(3) }, T);
            break;
          default:
            view.seenOrder(`order-${seed}`);
        }
      }
      view.recordOrder(`order-${seed}`);
      const [segment] = view.take();

      const check = checkSegment(segment!.ops, (id) => table.get(id));
      const shared = new RedisClientState(connection, clientId);
      const [reply] = await shared.commit([segment!], [''], 'c');
      const after = new Map([...table, ...check.changes]);
      const context = `seed ${seed}: ${segment!.ops.join(' ')}`;
      expect(reply!.kind, context).toBe(check.holds ? 'committed' : 'conflict');
      expect((reply as { values: string[] }).values, context).toEqual(
        valuesOf(check.touched, (id) => (check.holds ? after : table).get(id)),
      );
      if (check.holds) committed++;
      else conflicts++;
    }
    // Both answers were exercised many times, or the comparison proves little.
    expect(committed).toBeGreaterThan(50);
    expect(conflicts).toBeGreaterThan(50);
  }, 60_000);
});
