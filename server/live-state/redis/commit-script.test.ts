import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../../test-support/redis-server.ts';
import { EMPTY_STATE } from '../../store/state-replay.ts';
import { connectRedis } from './connect-redis.ts';
import { RedisClientState } from './redis-client-state.ts';

/**
 * The commit script on its own, one state call at a time: two evaluators' views of one client, one of
 * them stale, committing decisions by hand (the pipeline's part is the live-state contract's).
 */
describe('committing a decision made on values that may be stale', () => {
  let redis: RunningRedis;
  const connections: Redis[] = [];
  let client = 0;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await redis?.stop();
  });

  /** Two evaluators' states of a fresh client, seeded with `stock`. */
  async function evaluators(stock: Record<string, Record<string, number>> = {}) {
    const clientId = `script-${++client}`;
    const open = async () => {
      const connection = await connectRedis(redis.url);
      connections.push(connection);
      const state = new RedisClientState(connection, clientId);
      await state.open(async () => ({ ...EMPTY_STATE, snapshot: { ...EMPTY_STATE.snapshot, stock } }));
      return state;
    };
    return [await open(), await open()] as const;
  }

  it('refuses a cap taken on a stale count, and takes nothing on the redecision past the cap', async () => {
    const [a, b] = await evaluators();
    // Both last saw the counter at 0; a commits first.
    expect(a.view.takeFromCounter('gift:first', 1, 1)).toBe(true);
    a.view.recordOrder('A-1');
    expect((await a.commit(a.view.take(), ['{"orderId":"A-1"}'], 'c'))[0]!.kind).toBe('committed');

    expect(b.view.takeFromCounter('gift:first', 1, 1)).toBe(true);
    b.view.recordOrder('B-1');
    const [stale] = await b.commit(b.view.take(), ['{"orderId":"B-1"}'], 'c');
    expect(stale).toEqual({ kind: 'conflict', values: ['c', 'gift:first', '1'] });
    // The conflict taught b the count: decided again, the cap is full.
    expect(b.view.takeFromCounter('gift:first', 1, 1)).toBe(false);
    b.view.recordOrder('B-1');
    expect((await b.commit(b.view.take(), ['{"orderId":"B-1"}'], 'c'))[0]!.kind).toBe('committed');
    expect((await a.snapshot()).counters).toEqual({ 'gift:first': 1 });
  });

  it('lets a cap read as "does it fit" pass while the count moves below the cap', async () => {
    const [a, b] = await evaluators();
    expect(a.view.counterFits('gift:busy', 1, 100)).toBe(true);
    a.view.takeFromCounter('gift:busy', 1, 100);
    a.view.recordOrder('A-2');
    await a.commit(a.view.take(), [''], 'c');
    // b still thinks 0; 1 + 1 fits 100 either way, so its decision stands.
    expect(b.view.counterFits('gift:busy', 1, 100)).toBe(true);
    b.view.takeFromCounter('gift:busy', 1, 100);
    b.view.recordOrder('B-2');
    expect((await b.commit(b.view.take(), [''], 'c'))[0]!.kind).toBe('committed');
    expect((await a.snapshot()).counters['gift:busy']).toBe(2);
  });

  it('finds tracked stock behind a guess of "untracked", and never sells below zero', async () => {
    const [a, b] = await evaluators({ 'WH-1': { 'SKU-1': 1 } });
    b.cache.clear(); // b has not loaded the levels: it guesses untracked
    expect(a.view.reserveStock('WH-1', 'SKU-1', 1)).toBe(true);
    a.view.recordOrder('A-3');
    await a.commit(a.view.take(), [''], 'c');
    expect(b.view.reserveStock('WH-1', 'SKU-1', 1)).toBe(true);
    b.view.recordOrder('B-3');
    const [guess] = await b.commit(b.view.take(), [''], 'c');
    expect(guess!.kind).toBe('conflict');
    expect(b.view.stock('WH-1', 'SKU-1')).toBe(0);
    expect(b.view.reserveStock('WH-1', 'SKU-1', 1)).toBe(false);
    b.view.recordOrder('B-3');
    expect((await b.commit(b.view.take(), [''], 'c'))[0]!.kind).toBe('committed');
    expect((await a.snapshot()).stock).toEqual({ 'WH-1': { 'SKU-1': 0 } });
  });

  it('answers an order id decided by another evaluator with its audit line, applying nothing', async () => {
    const [a, b] = await evaluators();
    a.view.recordBuyerOrder('buyer-1');
    a.view.recordOrder('SAME-1');
    await a.commit(a.view.take(), ['{"orderId":"SAME-1","first":true}'], 'c');
    b.view.recordBuyerOrder('buyer-1');
    b.view.recordOrder('SAME-1');
    const [again] = await b.commit(b.view.take(), ['{"orderId":"SAME-1","first":false}'], 'c');
    expect(again).toEqual({ kind: 'duplicate', record: '{"orderId":"SAME-1","first":true}' });
    expect((await a.snapshot()).buyers).toEqual({ 'buyer-1': 1 });
  });

  it('keeps keys any order may carry as plain keys (__proto__, constructor)', async () => {
    const [a] = await evaluators();
    a.view.takeFromCounter('__proto__', 2, 10);
    a.view.recordBuyerOrder('constructor');
    a.view.recordOrder('__proto__');
    await a.commit(a.view.take(), [''], 'c');
    const snapshot = await a.snapshot();
    expect(Object.hasOwn(snapshot.counters, '__proto__')).toBe(true);
    expect(snapshot.counters['__proto__' as string]).toBe(2);
    expect(snapshot.buyers.constructor).toBe(1);
  });

  it('only checks a dry run: a verify applies nothing even when every read holds', async () => {
    const [a] = await evaluators();
    a.view.joined = true;
    a.view.takeFromCounter('gift:dry', 1, 5);
    a.view.recordOrder('DRY-1');
    const [checked] = await a.commit([a.view.takeOpen('DRY-1')], [''], 'v');
    expect(checked!.kind).toBe('committed');
    expect((await a.snapshot()).counters).toEqual({});
  });
});
