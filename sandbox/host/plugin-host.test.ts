import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { PluginResult } from '../../plugins/sdk/index.ts';
import { PluginHostError } from '../errors/plugin-host-error.ts';
import { CANARY_SOURCE, mustLoad, refFor, sampleOrder, threatSource } from '../test/fixtures.ts';
import { PluginHost } from './plugin-host.ts';
import type { PluginHostEvent } from './plugin-host-event.ts';

const COUNTER_SOURCE = 'let calls = 0; globalThis.__plugin = { run() { calls += 1; return calls; } };';

describe('PluginHost with a pool of two workers', () => {
  const events: PluginHostEvent[] = [];
  let host: PluginHost;

  beforeAll(() => {
    host = new PluginHost({
      workers: 2,
      callTimeoutMs: 100,
      memoryLimitMb: 16,
      onEvent: (e) => events.push(e),
    });
  });
  afterAll(() => host.close());

  it('returns one result per input, in order, each failure confined to its input', async () => {
    const ref = refFor('picky');
    const code = `globalThis.__plugin = { run(order) {
      if (order.id === 'bad') throw new TypeError('no carrier for ' + order.id);
      return order.id.toUpperCase();
    } };`;
    await mustLoad(host, { ...ref, code });
    const results = await host.callBatch(ref, [{ id: 'a' }, { id: 'bad' }, { id: 'c' }]);
    expect(results).toEqual([
      { ok: true, value: 'A' },
      { ok: false, error: { code: 'plugin_error', pluginId: 'picky', message: 'no carrier for bad' } },
      { ok: true, value: 'C' },
    ]);
  });

  it('keeps the results finished before an input that ran out of time', async () => {
    const ref = refFor('loops-on-demand');
    const code = 'globalThis.__plugin = { run(order) { while (order.loop) {} return order.id; } };';
    await mustLoad(host, { ...ref, code });
    const results = await host.callBatch(ref, [{ id: 'a' }, { id: 'b', loop: true }, { id: 'c' }]);
    expect(results.map((result) => (result.ok ? result.value : result.error.code))).toEqual([
      'a',
      'plugin_timeout',
      'plugin_timeout',
    ]);
  });

  it('awaits async plugins', async () => {
    const ref = refFor('async');
    await mustLoad(host, {
      ...ref,
      code: 'globalThis.__plugin = { async run(o) { await null; return o.id; } };',
    });
    expect(await host.callBatch(ref, [{ id: 'x' }, { id: 'y' }])).toEqual([
      { ok: true, value: 'x' },
      { ok: true, value: 'y' },
    ]);
  });

  it('checks output against the schema given at load, and types the loaded plugin by it', async () => {
    const plugin = await mustLoad(host, {
      ...refFor('scored'),
      code: 'globalThis.__plugin = { run(o) { return { score: o.score } } };',
      outputSchema: z.object({ score: z.number().min(0).max(1) }),
    });
    const [good, bad] = await plugin.callBatch([{ score: 0.5 }, { score: 7 }]);
    expectTypeOf(good).toEqualTypeOf<PluginResult<{ score: number }> | undefined>();
    expect(good).toEqual({ ok: true, value: { score: 0.5 } });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'plugin_output_invalid',
        pluginId: 'scored',
        message: expect.stringMatching(/^output does not match the plugin's schema: score: /),
      },
    });
  });

  it('gives each input its own clock when asked', async () => {
    const ref = refFor('clock');
    await mustLoad(host, {
      ...ref,
      code: 'globalThis.__plugin = { run() { return new Date().toISOString(); } };',
    });
    const clocks = [
      { seed: 1, now: '2024-06-18T00:00:00Z' },
      { seed: 2, now: '2024-11-11T00:00:00Z' },
    ];
    expect(await host.callBatch(ref, [{}, {}], { deterministic: clocks })).toEqual([
      { ok: true, value: '2024-06-18T00:00:00.000Z' },
      { ok: true, value: '2024-11-11T00:00:00.000Z' },
    ]);
    await expect(host.callBatch(ref, [{}, {}, {}], { deterministic: clocks })).rejects.toMatchObject({
      code: 'plugin_input_invalid',
    });
  });

  it('runs plugins in workers started in Asia/Shanghai, whatever the host zone', async () => {
    const ref = refFor('zone');
    await mustLoad(host, {
      ...ref,
      code: 'globalThis.__plugin = { run() { return new Date(0).getHours(); } };',
    });
    expect(await host.callBatch(ref, [{}])).toEqual([{ ok: true, value: 8 }]);
  });

  it('replaces a plugin loaded again under the same ref, unless the new code fails to load', async () => {
    const ref = refFor('replaced');
    await mustLoad(host, { ...ref, code: 'globalThis.__plugin = { run: () => "old" };' });
    expect(await host.callBatch(ref, [{}])).toEqual([{ ok: true, value: 'old' }]);
    await mustLoad(host, { ...ref, code: 'globalThis.__plugin = { run: () => "new" };' });
    expect(await host.callBatch(ref, [{}])).toEqual([{ ok: true, value: 'new' }]);
    const broken = await host.load({ ...ref, code: 'globalThis.__plugin = {' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'plugin_compile_error' } });
    expect(await host.callBatch(ref, [{}, {}, {}])).toEqual(Array(3).fill({ ok: true, value: 'new' }));
  });

  it('spreads concurrent batches over both workers', async () => {
    const ref = refFor('canary');
    await mustLoad(host, { ...ref, code: CANARY_SOURCE });
    const batches = await Promise.all([1, 2, 3, 4].map(() => host.callBatch(ref, [sampleOrder])));
    expect(batches.flat().every((result) => result.ok)).toBe(true);
    const started = new Set(events.flatMap((e) => (e.type === 'worker_started' ? [e.worker] : [])));
    expect([...started].sort()).toEqual([0, 1]);
  });

  it('throws for the caller’s own mistakes', async () => {
    const ref = refFor('unloaded');
    await expect(host.callBatch(ref, [{}])).rejects.toMatchObject({ code: 'plugin_not_loaded' });
    await mustLoad(host, { ...ref, code: CANARY_SOURCE });
    await host.unload(ref);
    await expect(host.callBatch(ref, [{}])).rejects.toBeInstanceOf(PluginHostError);
    await mustLoad(host, { ...ref, code: CANARY_SOURCE });
    await expect(host.callBatch(ref, [{ notJson: 1n }])).rejects.toMatchObject({
      code: 'plugin_input_invalid',
    });
    expect(() => new PluginHost({ workers: 0 })).toThrow(/workers/);
  });
});

describe('PluginHost isolate lifecycle (one worker, one warm isolate)', () => {
  let host: PluginHost;

  beforeAll(() => {
    host = new PluginHost({ workers: 1, maxIsolates: 1, recycleAfterCalls: 3, memoryLimitMb: 16 });
  });
  afterAll(() => host.close());

  it('keeps module state in a warm isolate and rebuilds it after recycleAfterCalls inputs', async () => {
    const ref = refFor('counter');
    await mustLoad(host, { ...ref, code: COUNTER_SOURCE });
    const values = [];
    for (let i = 0; i < 4; i += 1) values.push(await host.callBatch(ref, [{}]));
    expect(values.flat()).toEqual([1, 2, 3, 1].map((value) => ({ ok: true, value })));
  });

  it('evicts the least recently used isolate beyond maxIsolates', async () => {
    const a = refFor('counter-a');
    const b = refFor('counter-b');
    await mustLoad(host, { ...a, code: COUNTER_SOURCE });
    expect(await host.callBatch(a, [{}, {}])).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
    await mustLoad(host, { ...b, code: COUNTER_SOURCE });
    expect(await host.callBatch(a, [{}])).toEqual([{ ok: true, value: 1 }]);
  });

  it('serves published tables through ctx.lookup, again after the worker is replaced', async () => {
    host.publishTable('stock', { 'SKU-LIP-01': 12 });
    const ref = refFor('stock-check');
    await mustLoad(host, {
      ...ref,
      code: 'globalThis.__plugin = { run(o, ctx) { return o.lines.map((l) => ctx.lookup("stock", l.sku)); } };',
    });
    expect(await host.callBatch(ref, [sampleOrder])).toEqual([{ ok: true, value: [12, null] }]);

    const killer = refFor('string-split-sigtrap');
    await mustLoad(host, { ...killer, code: threatSource('string-split-sigtrap') });
    const [killed, queued] = await Promise.all([
      host.callBatch(killer, [{}]),
      host.callBatch(ref, [sampleOrder]),
    ]);
    expect(killed[0]).toMatchObject({ ok: false, error: { code: 'plugin_crashed' } });
    expect(queued).toEqual([{ ok: true, value: [12, null] }]);
  });
});

describe('PluginHost watchdog', () => {
  const events: PluginHostEvent[] = [];
  let host: PluginHost;

  beforeAll(() => {
    host = new PluginHost({
      workers: 1,
      // Deadline 20 × 2 + 200 + 100 = 340 ms; the conversion takes about 1.5 s.
      callTimeoutMs: 20,
      loadTimeoutMs: 200,
      watchdogMs: 100,
      onEvent: (e) => events.push(e),
    });
  });
  afterAll(() => host.close());

  it('kills a worker stuck in a built-in past its deadline and answers plugin_timeout', async () => {
    const ref = refFor('bigint-tostring');
    await mustLoad(host, { ...ref, code: threatSource('bigint-tostring') });
    const [result] = await host.callBatch(ref, [{}]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'plugin_timeout',
        pluginId: 'bigint-tostring',
        message: 'the plugin stopped responding and its worker was restarted',
      },
    });
    expect(events.some((e) => e.type === 'worker_exited' && e.reason === 'watchdog')).toBe(true);
  });

  it('finishes accepted work before it closes, then refuses more', async () => {
    const ref = refFor('canary');
    await mustLoad(host, { ...ref, code: CANARY_SOURCE });
    const pending = host.callBatch(ref, [sampleOrder]);
    await host.close();
    expect(await pending).toEqual([{ ok: true, value: { id: sampleOrder.id, qty: 3 } }]);
    await expect(host.callBatch(ref, [sampleOrder])).rejects.toMatchObject({ code: 'plugin_host_closed' });
  });
});
