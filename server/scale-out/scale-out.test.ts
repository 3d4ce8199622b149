import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../test-support/redis-server.ts';
import { configFromEnv } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { startServer } from '../start-server.ts';
import { type Answer, sampleOrder, TestServer } from '../test/harness.ts';
import { type RunningEvaluator, startEvaluator } from './start-evaluator.ts';

/**
 * A control server and an evaluator beside it, in this process but over real HTTP, sharing state in a
 * real redis-server (test:scale runs the same with separate processes, and kills one).
 */
describe('an evaluator beside the control server, state shared in Redis', () => {
  let redis: RunningRedis;
  let control: TestServer;
  let evaluator: RunningEvaluator;

  beforeAll(async () => {
    redis = await startRedis();
    // With its BullMQ simulation worker: this suite restarts Redis, and the server must still stop after.
    control = await TestServer.start({ redisUrl: redis.url });
    evaluator = await startEvaluator(
      { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir: control.dataDir, redisUrl: redis.url },
      { logger: silentLogger },
    );
  }, 60_000);
  afterAll(async () => {
    await evaluator?.close();
    await control?.running.close();
    await redis?.stop();
  });

  const evaluate = async (order: unknown, options: { dryRun?: boolean } = {}) => {
    const res = await fetch(`${evaluator.url}/api/v1/clients/demo/evaluate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${control.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ order, ...options }),
    });
    const body: Answer['body'] = await res.json();
    return { status: res.status, headers: res.headers, body };
  };

  it('decides with the live release; the control server answers the same order as a repeat and keeps its audit line', async () => {
    const order = { ...(await sampleOrder('standard-hangzhou.json')), id: 'SO-EVAL-1' };
    const first = await evaluate(order);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ordergraph-evaluator')).toBe(String(process.pid));
    expect(first.body.replay).toBeUndefined();
    const live = await control.call('GET', '/api/v1/clients/demo/live');
    expect(first.body.release).toBe(live.body.release);

    const again = await control.call('POST', '/api/v1/clients/demo/evaluate', { body: { order } });
    expect(again.body.replay?.release).toBe(first.body.release);
    expect(again.body.decision.status).toBe(first.body.decision.status);

    // The audit line travels evaluator → Redis stream → the control server's store.
    let audit: { body: { decisions: unknown[] } } | undefined;
    for (let i = 0; i < 40 && !audit?.body.decisions.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      audit = await control.call('GET', '/api/v1/clients/demo/audit/decisions?orderId=SO-EVAL-1');
    }
    expect(audit!.body.decisions).toHaveLength(1);
  });

  it('serves evaluate only', async () => {
    const res = await fetch(`${evaluator.url}/api/v1/clients`, {
      headers: { authorization: `Bearer ${control.adminKey}` },
    });
    expect(res.status).toBe(404);
  });

  it('learns of a publish on the control server within a second', async () => {
    const order = { ...(await sampleOrder('standard-hangzhou.json')), id: 'SO-EVAL-PUBLISH' };
    const before = (await evaluate(order, { dryRun: true })).body.release as number;
    const rolled = await control.call('POST', '/api/v1/clients/demo/publish', {
      body: { strategies: [{ strategyId: 'gifts', version: 1 }], expectedRelease: before },
    });
    expect(rolled.status, rolled.text).toBe(201);
    const published = Date.now();
    let seen = before;
    while (seen === before && Date.now() - published < 5000) {
      seen = (await evaluate(order, { dryRun: true })).body.release;
    }
    expect(seen).toBe(rolled.body.release);
    expect(Date.now() - published).toBeLessThan(1000);
  });

  it('answers 503 naming REDIS_URL while Redis is gone, and decides again once it is back', async () => {
    await redis.kill();
    const order = { ...(await sampleOrder('standard-hangzhou.json')), id: 'SO-EVAL-REDIS-GONE' };
    const lost = await evaluate(order);
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('state_unavailable');
    expect(lost.body.error.message).toContain('REDIS_URL');
    // A load balancer asking the evaluator's health stops sending it orders.
    const health = await fetch(`${evaluator.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'unavailable',
      state: 'redis',
      unavailable: ['state'],
    });
    await redis.restart();
    let back = lost;
    for (let i = 0; i < 50 && back.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await evaluate(order);
    }
    expect(back.status).toBe(200);
    expect(back.body.decision.orderId).toBe('SO-EVAL-REDIS-GONE');
    expect(await (await fetch(`${evaluator.url}/healthz`)).json()).toMatchObject({
      status: 'ok',
      state: 'redis',
    });
  }, 30_000);
});

describe('starting without the shared state it needs', () => {
  it('refuses to start when REDIS_URL cannot be reached, naming it', async () => {
    const config = {
      ...configFromEnv({}),
      port: 0,
      dataDir: '/nonexistent',
      redisUrl: 'redis://127.0.0.1:1',
    };
    await expect(startServer(config, { logger: silentLogger })).rejects.toThrow(
      /REDIS_URL=redis:\/\/127\.0\.0\.1:1/,
    );
  });

  it('refuses an evaluator without REDIS_URL', async () => {
    const config = { ...configFromEnv({}), port: 0 };
    await expect(startEvaluator(config, { logger: silentLogger })).rejects.toThrow(/set REDIS_URL/);
  });
});
