import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, type ServerConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../start-server.ts';
import { standardOrder } from './fixtures.ts';

const base = '/api/v1/clients/demo';
const ADMIN_KEY = 'og_shadow_restart_admin_key_0123456789';

const GUANGZHOU = { province: '广东省', city: '广州市', district: '天河区', address: '天河路 1 号' };

/** A paid order of a mapped SKU, of a buyer of its own, to Guangzhou (where the candidate ships from Shanghai). */
const order = (id: string, n: number) =>
  standardOrder(id, {
    shop: 'demo-tmall-flagship',
    amounts: { total: 189, paid: 189 },
    buyer: { id: `buyer-${id}`, nick: `买家${n}`, memberLevel: 1 },
    receiver: { name: '李*', phone: '139****1234', ...GUANGZHOU, address: `天河路 1 号 ${n} 室` },
    lines: [{ sku: 'CHANDO-0001', name: '自然堂套装', qty: 1, price: 189, weightKg: 0.8 }],
  });

/** Calls a running server as the admin. */
async function call(running: RunningServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_KEY}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

describe('a shadow release across a restart', () => {
  let dataDir: string;
  let config: ServerConfig;
  let running: RunningServer | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-shadow-restart-'));
    config = { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, adminKey: ADMIN_KEY };
  });
  afterAll(async () => {
    await running?.close(1_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  const restart = async () => {
    await running?.close(1_000);
    running = await startServer(config, { logger: silentLogger });
    return running;
  };
  const decide = async (server: RunningServer, id: string, n: number) => {
    const answer = await call(server, 'POST', `${base}/evaluate`, {
      order: order(id, n),
      platform: 'standard',
    });
    expect(answer.status, answer.text).toBe(200);
  };

  it('starts again with fresh counts, and stays stopped once deleted', async () => {
    const first = await restart();
    const put = await call(first, 'PUT', `${base}/shadow`, {
      candidate: { strategies: [{ strategyId: 'routing', version: 1 }] },
      sample: 3,
    });
    expect(put.status, put.text).toBe(200);
    await decide(first, 'R-1', 1);
    expect((await call(first, 'GET', `${base}/shadow`)).body.orders).toBe(1);

    const second = await restart();
    const resumed = await call(second, 'GET', `${base}/shadow`);
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.body).toMatchObject({
      status: 'running',
      candidate: { strategies: [{ strategyId: 'routing', version: 1 }] },
      sampleLimit: 3,
      by: put.body.by,
      orders: 0,
    });
    expect(Date.parse(resumed.body.since)).toBeGreaterThan(Date.parse(put.body.since));
    await decide(second, 'R-2', 2);
    expect((await call(second, 'GET', `${base}/shadow`)).body).toMatchObject({ orders: 1, diverged: 0 });

    expect((await call(second, 'DELETE', `${base}/shadow`)).status).toBe(200);
    const third = await restart();
    expect((await call(third, 'GET', `${base}/shadow`)).status).toBe(404);
  }, 60_000);

  it('forgets a stored shadow whose candidate can no longer run, and boots all the same', async () => {
    const server = await restart();
    expect(
      (
        await call(server, 'PUT', `${base}/shadow`, {
          candidate: { strategies: [{ strategyId: 'routing', version: 1 }] },
        })
      ).status,
    ).toBe(200);
    await running!.close(1_000);
    running = undefined;
    // As if the version it names were gone: the candidate no longer resolves.
    const stored = join(dataDir, 'shadows', 'demo.json');
    await writeFile(
      stored,
      JSON.stringify({
        clientId: 'demo',
        input: { candidate: { strategies: [{ strategyId: 'routing', version: 99 }] }, sample: 5 },
        by: 'admin',
      }),
    );
    const next = await restart();
    expect((await call(next, 'GET', `${base}/shadow`)).status).toBe(404);
    expect((await call(next, 'GET', '/healthz')).status).toBe(200);
    expect(await readdir(join(dataDir, 'shadows'))).toEqual([]);
  }, 60_000);
});
