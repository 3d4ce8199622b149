import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../start-server.ts';
import { standardOrder } from './fixtures.ts';

const ADMIN = `proto-ids-${'k'.repeat(24)}`;
const base = '/api/v1/clients/demo';

/** An object with these own keys, `__proto__` included (a literal `__proto__:` would set the prototype). */
const own = (entries: [string, number][]) => Object.fromEntries(entries);

/**
 * Ids are user data: a buyer `constructor` or `__proto__` is counted like any other, and the state
 * still loads after a restart (replaying its log once counted `constructor` onto Object's function).
 */
describe('state keyed by ids that are Object.prototype names', () => {
  let dataDir: string;
  let running: RunningServer | undefined;
  const start = async () => {
    const config = { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, adminKey: ADMIN };
    running = await startServer(config, { logger: silentLogger });
  };
  const restart = async () => {
    await running!.close(1_000);
    running = undefined;
    await start();
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${running!.url}${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const evaluate = (id: string, buyerId: string, dryRun = false) =>
    call('POST', '/evaluate', {
      order: standardOrder(id, { buyer: { id: buyerId, nick: buyerId, memberLevel: 1 } }),
      trace: false,
      dryRun,
    });
  const buyersOf = (state: Record<string, unknown>, ids: string[]) => {
    const buyers = state.buyers as Record<string, number>;
    return ids.map((id) => [id, Object.hasOwn(buyers, id) ? buyers[id] : undefined]);
  };
  const IDS = ['constructor', '__proto__', 'toString'];

  afterAll(async () => {
    await running?.close(1_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts buyers constructor and __proto__, and answers 200 for evaluate, GET and PUT /state after a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-proto-'));
    await start();
    for (const [i, buyerId] of ['constructor', 'constructor', '__proto__'].entries()) {
      expect((await evaluate(`PROTO-${i}`, buyerId)).status).toBe(200);
    }
    const before = await call('GET', '/state');
    expect(before.status).toBe(200);
    expect(buyersOf(before.body, IDS)).toEqual([
      ['constructor', 2],
      ['__proto__', 1],
      ['toString', undefined],
    ]);

    await restart();
    const dry = await evaluate('PROTO-DRY', 'constructor', true);
    expect(dry.status).toBe(200);
    expect((await evaluate('PROTO-3', '__proto__')).status).toBe(200);
    expect((await evaluate('PROTO-4', 'toString')).status).toBe(200);
    const after = await call('GET', '/state');
    expect(after.status).toBe(200);
    expect(buyersOf(after.body, IDS)).toEqual([
      ['constructor', 2],
      ['__proto__', 2],
      ['toString', 1],
    ]);

    const put = await call('PUT', '/state', {
      ...after.body,
      counters: own([
        ['__proto__', 4],
        ['constructor', 5],
      ]),
      buyers: own([
        ['__proto__', 7],
        ['constructor', 1],
      ]),
    });
    expect(put.status).toBe(200);
    expect(buyersOf(put.body, IDS)).toEqual([
      ['constructor', 1],
      ['__proto__', 7],
      ['toString', undefined],
    ]);
    expect(Object.entries(put.body.counters as object)).toEqual(
      expect.arrayContaining([
        ['__proto__', 4],
        ['constructor', 5],
      ]),
    );

    await restart();
    expect((await evaluate('PROTO-5', 'constructor')).status).toBe(200);
    const last = await call('GET', '/state');
    expect(last.status).toBe(200);
    expect(buyersOf(last.body, IDS)).toEqual([
      ['constructor', 2],
      ['__proto__', 7],
      ['toString', undefined],
    ]);
    expect((await call('PUT', '/state', last.body)).status).toBe(200);
  });
});
