import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../test-support/redis-server.ts';
import { configFromEnv } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { HANGZHOU_RECEIVER, standardOrder } from '../test/fixtures.ts';
import { type Answer, TestServer } from '../test/harness.ts';
import { SHADOWED_CLIENTS } from './redis-shadow-feed.ts';
import { type RunningEvaluator, startEvaluator } from './start-evaluator.ts';

const base = '/api/v1/clients/demo';
const GUANGZHOU = {
  ...HANGZHOU_RECEIVER,
  province: '广东省',
  city: '广州市',
  district: '天河区',
  address: '天河路 1 号',
};

/** A paid order of a mapped SKU from a buyer and address of its own, so none merges with another. */
const order = (id: string, n: number, receiver = HANGZHOU_RECEIVER) =>
  standardOrder(id, {
    shop: 'demo-tmall-flagship',
    amounts: { total: 189, paid: 189 },
    buyer: { id: `buyer-${id}`, nick: `买家${n}`, memberLevel: 1 },
    receiver: { ...receiver, address: `${receiver.address} ${n} 室` },
    lines: [{ sku: 'CHANDO-0001', name: '自然堂套装', qty: 1, price: 189, weightKg: 0.8 }],
  });

/**
 * A shadow runs on the control server; with evaluators beside it, most live orders are decided there.
 * Their decisions reach the shadow through Redis (a real redis-server, over real HTTP).
 */
describe('a shadow on the control server, live orders decided by an evaluator', () => {
  let redis: RunningRedis;
  let inspect: Redis;
  let control: TestServer;
  let evaluator: RunningEvaluator;

  beforeAll(async () => {
    redis = await startRedis();
    inspect = new Redis(redis.url);
    control = await TestServer.start({ redisUrl: redis.url });
    evaluator = await startEvaluator(
      { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir: control.dataDir, redisUrl: redis.url },
      { logger: silentLogger },
    );
  }, 60_000);
  afterAll(async () => {
    inspect?.disconnect();
    await evaluator?.close();
    await control?.running.close();
    await redis?.stop();
  });

  const onEvaluator = async (body: Record<string, unknown>, path = '/evaluate') => {
    const res = await fetch(`${evaluator.url}${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${control.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'standard', ...body }),
    });
    expect(res.status).toBe(200);
    const answer: Answer['body'] = await res.json();
    return answer;
  };
  const shadow = async () => (await control.call('GET', `${base}/shadow`)).body;

  it("counts the evaluator's live decisions as well as the control server's own", async () => {
    // The candidate ships from Shanghai wherever Shanghai covers the address; live takes the nearest.
    const draft = await control.call('GET', `${base}/strategies/routing`);
    const nearest = draft.body.strategy.nodes.find((n: { id: string }) => n.id === 'route-nearest');
    const rank = nearest.content.steps.find((s: { step: string }) => s.step === 'rank');
    rank.by = 'priority';
    rank.priority = ['WH-SH', ...rank.priority.filter((w: string) => w !== 'WH-SH')];
    const saved = await control.call('PUT', `${base}/strategies/routing`, {
      body: draft.body.strategy,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(saved.status, saved.text).toBe(200);
    const put = await control.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'routing', draft: true }] } },
    });
    expect(put.status, put.text).toBe(200);
    expect(await inspect.smembers(SHADOWED_CLIENTS)).toEqual(['demo']);

    // The evaluator asks which clients are shadowed every second: until it knows, its orders are not fed.
    let probes = 0;
    while ((await shadow()).orders === 0) {
      expect(probes).toBeLessThan(50);
      await onEvaluator({ order: order(`FEED-PROBE-${probes}`, probes) });
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Probes the evaluator decided after the first one it fed may still sit in its buffer (sent every
    // 250 ms) and reach the shadow after it first counts: the count is read once it has held still.
    let before = await shadow();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      const now = await shadow();
      if (now.orders === before.orders && now.pending === 0) break;
      before = now;
    }
    expect(before.diverged).toBe(0);

    const decided = [
      await onEvaluator({ order: order('FEED-1', 101) }),
      await onEvaluator({ order: order('FEED-2', 102, GUANGZHOU) }),
      await onEvaluator(
        { orders: [order('FEED-3', 103, GUANGZHOU), order('FEED-4', 104)], trace: false },
        '/evaluate/batch',
      ),
    ];
    expect(decided[1].decision.warehouse).toBe('WH-GZ');
    const own = await control.call('POST', `${base}/evaluate`, {
      body: { order: order('FEED-5', 105, GUANGZHOU), platform: 'standard' },
    });
    expect(own.status).toBe(200);

    await expect.poll(async () => (await shadow()).orders, { timeout: 10_000 }).toBe(before.orders + 5);
    const after = await shadow();
    // Shanghai instead of Guangzhou: the three Guangzhou orders, two from the evaluator, one from the control.
    expect(after).toMatchObject({ diverged: 3, errors: 0, dropped: 0, otherRelease: 0 });
    expect(after.byKind.warehouse).toBe(3);
    expect(after.sample.map((s: { orderId: string }) => s.orderId).sort()).toEqual([
      'FEED-2',
      'FEED-3',
      'FEED-5',
    ]);

    // Stopped, it is no longer fed: evaluators stop sending within a second.
    expect((await control.call('DELETE', `${base}/shadow`)).status).toBe(200);
    expect(await inspect.smembers(SHADOWED_CLIENTS)).toEqual([]);
  }, 60_000);
});
