// One input must not hurt the others in its batch: its CPU budget is its own, a failure no one input can
// be blamed for says so (the engine then retries), async plugins stay warm, and built-ins cannot carry
// one input's changes to the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginResult } from '../../plugins/sdk/index.ts';
import { mustLoad, refFor, threatSource } from '../test/fixtures.ts';
import { PluginHost } from './plugin-host.ts';

const CALL_TIMEOUT_MS = 100;

const outcome = (results: PluginResult[]) => results.map((r) => (r.ok ? r.value : r.error));

/**
 * A timeout's message: blamed on the input when the worker saw it spend its budget of CPU; on a machine
 * too busy to tell (the clock ran out first), the input is not blamed and the engine calls it again.
 */
const timedOut = (pluginId: string, prefix = '') => ({
  code: 'plugin_timeout',
  pluginId,
  message: expect.stringMatching(
    new RegExp(`^${prefix}(exceeded the CPU budget of ${CALL_TIMEOUT_MS} ms|stopped by the clock .*)`),
  ),
});

describe('PluginHost: one input cannot hurt the others in its batch', () => {
  let host: PluginHost;
  let workerPid = -1;

  beforeAll(() => {
    host = new PluginHost({
      workers: 1,
      callTimeoutMs: CALL_TIMEOUT_MS,
      memoryLimitMb: 16,
      onEvent: (event) => {
        if (event.type === 'worker_started') workerPid = event.pid;
      },
    });
  });
  afterAll(() => host.close());

  it('gives each input its own CPU budget: a looping input is stopped after its own, not the batch’s', async () => {
    const ref = refFor('loops-on-demand');
    const code = 'globalThis.__plugin = { run(order) { while (order.loop) {} return order.id; } };';
    await mustLoad(host, { ...ref, code });
    const inputs = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, loop: i === 0 }));
    const startedAt = performance.now();
    const results = await host.callBatch(ref, inputs);
    // Pooled, the batch's budget would have let the loop run 40 × 100 ms.
    expect(performance.now() - startedAt).toBeLessThan(1_500);
    const [looping, ...others] = outcome(results);
    expect(looping).toEqual(expect.objectContaining(timedOut(ref.pluginId)));
    const notRun = { ...timedOut(ref.pluginId, '(not run: input 0 of the batch )?'), unattributed: true };
    expect(others).toEqual(Array(39).fill(expect.objectContaining(notRun)));
    expect(outcome(await host.callBatch(ref, inputs.slice(0, 1)))).toEqual([
      { code: 'plugin_timeout', pluginId: ref.pluginId, message: expect.any(String) },
    ]);
    expect(outcome(await host.callBatch(ref, inputs.slice(1, 3)))).toEqual(['o1', 'o2']);
  });

  it('blames no input that a busy machine stopped on the clock before it had its CPU budget', async () => {
    const ref = refFor('counts');
    // Each input spends a few ms of CPU (well under its budget), so a batch of 300 runs for a second or
    // more, and an input stopped mid-way still has work to do when the worker resumes.
    const code =
      'globalThis.__plugin = { run() { let x = 0; for (let i = 0; i < 5e6; i += 1) x = (x * 31 + i) | 0; return x; } };';
    await mustLoad(host, { ...ref, code });
    const inputs = Array.from({ length: 300 }, (_, i) => ({ id: `o${i}` }));
    let results: PluginResult[] = [];
    // Descheduled, as on a busy machine: the worker is stopped for five per-input budgets mid-batch. If
    // it resumed and finished its entry before the clock's timer thread ran, nothing was stopped: again.
    for (let attempt = 0; attempt < 3 && results.every((r) => r.ok); attempt += 1) {
      const running = host.callBatch(ref, inputs);
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(workerPid, 'SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, CALL_TIMEOUT_MS * 5));
      process.kill(workerPid, 'SIGCONT');
      results = await running;
    }
    const failures = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.code === 'plugin_timeout' && f.unattributed === true)).toBe(true);
    expect(failures[0]!.message).toMatch(
      /^stopped by the clock having used \d+ of its 100 ms of CPU: the machine was busy$/,
    );
    // The inputs before the one stopped keep their results.
    expect(results.findIndex((r) => !r.ok)).toBe(results.length - failures.length);
  });

  it('says when no one input can be blamed: microtasks of several flood the entry they share', async () => {
    const ref = refFor('floods-on-demand');
    const code = `globalThis.__plugin = { run(order) {
      const flood = () => { Promise.resolve().then(flood); };
      if (order.flood) flood();
      return order.id;
    } };`;
    await mustLoad(host, { ...ref, code });
    const results = await host.callBatch(ref, [{ id: 'a' }, { id: 'b', flood: true }, { id: 'c' }]);
    expect(outcome(results)).toEqual(
      Array(3).fill(expect.objectContaining({ ...timedOut(ref.pluginId), unattributed: true })),
    );
    expect(outcome(await host.callBatch(ref, [{ id: 'b', flood: true }]))).toEqual([
      { code: 'plugin_timeout', pluginId: ref.pluginId, message: expect.any(String) },
    ]);
    expect(outcome(await host.callBatch(ref, [{ id: 'a' }, { id: 'c' }]))).toEqual(['a', 'c']);
  });

  it('keeps an async plugin’s isolate warm from one batch to the next', async () => {
    const ref = refFor('async-counter');
    const code =
      'let calls = 0; globalThis.__plugin = { async run() { await null; calls += 1; return calls; } };';
    await mustLoad(host, { ...ref, code });
    expect(outcome(await host.callBatch(ref, [{}, {}]))).toEqual([1, 2]);
    expect(outcome(await host.callBatch(ref, [{}, {}]))).toEqual([3, 4]);
  });

  it('runs an async input’s continuations with its own clock', async () => {
    const ref = refFor('async-clock');
    const code = 'globalThis.__plugin = { async run() { await null; return new Date().toISOString(); } };';
    await mustLoad(host, { ...ref, code });
    const deterministic = [
      { seed: 1, now: '2024-06-18T00:00:00Z' },
      { seed: 2, now: '2024-11-11T00:00:00Z' },
    ];
    expect(outcome(await host.callBatch(ref, [{}, {}], { deterministic }))).toEqual([
      '2024-06-18T00:00:00.000Z',
      '2024-11-11T00:00:00.000Z',
    ]);
  });

  it('marks every input of a batch whose worker died as unattributed, and one alone as its own', async () => {
    const ref = refFor('string-split-sigtrap');
    await mustLoad(host, { ...ref, code: threatSource('string-split-sigtrap') });
    const batch = await host.callBatch(ref, [{}, {}]);
    expect(batch.map((r) => !r.ok && [r.error.code, r.error.unattributed])).toEqual([
      ['plugin_crashed', true],
      ['plugin_crashed', true],
    ]);
    const [alone] = await host.callBatch(ref, [{}]);
    expect(alone?.ok === false && [alone.error.code, alone.error.unattributed]).toEqual([
      'plugin_crashed',
      undefined,
    ]);
  });
});

describe('PluginHost: built-ins carry nothing from one input to the next', () => {
  let host: PluginHost;

  beforeAll(() => {
    host = new PluginHost({ workers: 1, memoryLimitMb: 16 });
  });
  afterAll(() => host.close());

  it('freezes built-ins, and Error subclasses still name themselves by assignment', async () => {
    const ref = refFor('patches-built-ins');
    const code = `
      class Refusal extends Error { constructor(message) { super(message); this.name = 'Refusal'; } }
      globalThis.__plugin = { run(order) {
        if (order.poison) {
          String.prototype.includes = () => true;
          JSON.parse = () => 'poisoned';
          globalThis.Math = null;
        }
        return { found: 'abc'.includes('z'), parsed: JSON.parse('1'), max: Math.max(1, 2), name: new Refusal('no').name };
      } };`;
    await mustLoad(host, { ...ref, code });
    const clean = { found: false, parsed: 1, max: 2, name: 'Refusal' };
    expect(outcome(await host.callBatch(ref, [{ poison: true }, {}]))).toEqual([clean, clean]);
    expect(outcome(await host.callBatch(ref, [{}]))).toEqual([clean]);
  });

  it('discards a batch in which an input changed Object.prototype, and blames the input that did alone', async () => {
    const ref = refFor('pollutes-object-prototype');
    const code = `globalThis.__plugin = { run(order) {
      if (order.poison) Object.prototype.toJSON = function () { return 'poisoned'; };
      while (order.loop) {}
      return { id: order.id };
    } };`;
    await mustLoad(host, { ...ref, code });
    const message = 'the plugin changed Object.prototype; built-ins are frozen for plugins';
    const results = await host.callBatch(ref, [{ id: 'a', poison: true }, { id: 'b' }]);
    expect(outcome(results)).toEqual(
      Array(2).fill({ code: 'plugin_error', pluginId: ref.pluginId, message, unattributed: true }),
    );
    expect(outcome(await host.callBatch(ref, [{ id: 'b' }]))).toEqual([{ id: 'b' }]);
    expect(outcome(await host.callBatch(ref, [{ id: 'a', poison: true }]))).toEqual([
      { code: 'plugin_error', pluginId: ref.pluginId, message },
    ]);
    expect(outcome(await host.callBatch(ref, [{ id: 'c' }]))).toEqual([{ id: 'c' }]);
    // Stopped by a later input's loop, the batch still reports the change rather than its results.
    const stopped = await host.callBatch(ref, [
      { id: 'a', poison: true },
      { id: 'b' },
      { id: 'd', loop: true },
    ]);
    expect(outcome(stopped)).toEqual(
      Array(3).fill({ code: 'plugin_error', pluginId: ref.pluginId, message, unattributed: true }),
    );
  });

  it('refuses code whose top level changes a prototype left unfrozen for speed', async () => {
    const loaded = await host.load({
      ...refFor('polyfills-array'),
      code: 'Array.prototype.last = function () { return this[this.length - 1]; }; globalThis.__plugin = { run: () => 1 };',
    });
    expect(loaded).toEqual({
      ok: false,
      error: {
        code: 'plugin_compile_error',
        pluginId: 'polyfills-array',
        message: 'the code changes Array.prototype; built-ins are frozen for plugins',
      },
    });
  });
});
