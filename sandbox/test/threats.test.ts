import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginErrorCode, PluginResult } from '../../plugins/sdk/index.ts';
import { PluginHost } from '../host/plugin-host.ts';
import type { PluginHostEvent } from '../host/plugin-host-event.ts';
import { CANARY_SOURCE, refFor, sampleOrder, threatSource } from './fixtures.ts';

// One worker, so the canary call after each threat runs in the very process the threat hit. The call
// budget is generous because V8 spends 50-130 ms of GC before it reports a heap over its limit; a tighter
// budget would turn the memory fixtures into timeouts (still contained, but not what they test).
const CALL_TIMEOUT_MS = 400;

type Expectation =
  | { code: PluginErrorCode; message?: string | RegExp }
  | { value: unknown }
  | { loadError: PluginErrorCode; message?: string | RegExp };

const cases: Record<string, Expectation> = {
  'infinite-loop': { code: 'plugin_timeout' },
  redos: { code: 'plugin_timeout' },
  'then-busy-loop': { code: 'plugin_timeout' },
  'microtask-flood': { code: 'plugin_timeout' },
  'never-resolving-promise': { code: 'plugin_timeout', message: 'the promise returned by run never settled' },
  'deep-recursion': { code: 'plugin_memory', message: 'Maximum call stack size exceeded' },
  'heap-bomb': { code: 'plugin_memory', message: 'exceeded the memory limit of 16 MB' },
  'array-buffer-bomb': { code: 'plugin_memory', message: 'Array buffer allocation failed' },
  'wasm-memory-growth': { code: 'plugin_error', message: 'WebAssembly is not defined' },
  'string-split-sigtrap': { code: 'plugin_crashed', message: /SIGTRAP/ },
  'array-fill-abort': { code: 'plugin_crashed', message: /SIGABRT/ },
  'bigint-tostring': { code: 'plugin_timeout' },
  'constructor-walk': { code: 'plugin_error', message: 'process is not defined' },
  'prepare-stack-trace': {
    value: {
      installed: false,
      frames: expect.stringMatching(/^Error: probe\n(?:\s+at .*<isolated-vm>.*\n?)+$/),
      caller: null,
    },
  },
  'returned-getter': { code: 'plugin_timeout' },
  'returned-proxy': { code: 'plugin_output_invalid', message: 'result is not JSON: trap fired' },
  'returned-function': { code: 'plugin_output_invalid' },
  'thrown-getter': { code: 'plugin_timeout' },
  'proto-key': { value: { tag: 'vip' } },
  'huge-result': { code: 'plugin_output_too_large' },
  'node-globals': {
    value: {
      process: 'undefined',
      require: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      setTimeout: 'undefined',
      fetch: 'undefined',
    },
  },
  'host-env-and-files': {
    value: {
      env: 'no process',
      filename: 'undefined',
      dirname: 'undefined',
      importMeta: 'SyntaxError',
      dynamicImport: 'Error',
    },
  },
  'shared-memory-and-finalizers': {
    value: [
      'WebAssembly: undefined',
      'SharedArrayBuffer: undefined',
      'Atomics: undefined',
      'FinalizationRegistry: undefined',
      'WeakRef: undefined',
    ],
  },
  'lookup-error': {
    value: {
      message: 'no table named "no-such-table"',
      stack: expect.not.stringMatching(/\/work|file:|node:|\.ts/),
    },
  },
  'compile-error': {
    loadError: 'plugin_compile_error',
    message: 'Cannot use import statement outside a module',
  },
  'top-level-loop': { loadError: 'plugin_timeout' },
};

describe('threat fixtures: each ends in its named outcome and the host keeps serving', () => {
  const events: PluginHostEvent[] = [];
  let host: PluginHost;

  beforeAll(async () => {
    host = new PluginHost({
      workers: 1,
      callTimeoutMs: CALL_TIMEOUT_MS,
      loadTimeoutMs: CALL_TIMEOUT_MS,
      memoryLimitMb: 16,
      watchdogMs: 2_000,
      onEvent: (event) => events.push(event),
    });
    expect((await host.load({ ...refFor('canary'), code: CANARY_SOURCE })).ok).toBe(true);
  });

  afterAll(() => host.close());

  for (const [name, expectation] of Object.entries(cases)) {
    it(name, async () => {
      const ref = refFor(name);
      const loaded = await host.load({ ...ref, code: threatSource(name) });
      if ('loadError' in expectation) {
        expect(loaded).toEqual({
          ok: false,
          error: failure(name, expectation.loadError, expectation.message),
        });
      } else {
        expect(loaded.ok).toBe(true);
        const [result] = await host.callBatch(ref, [sampleOrder]);
        expect(result).toEqual(
          'value' in expectation
            ? { ok: true, value: expectation.value }
            : { ok: false, error: failure(name, expectation.code, expectation.message) },
        );
      }
      expect(await host.callBatch(refFor('canary'), [sampleOrder])).toEqual([
        { ok: true, value: { id: sampleOrder.id, qty: 3 } },
      ]);
    });
  }

  it('left no prototype polluted on the host', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('restarted the worker exactly for the two process killers', () => {
    const crashes = events.filter((event) => event.type === 'worker_exited' && event.reason === 'crashed');
    expect(crashes.map((event) => event.type === 'worker_exited' && event.signal).sort()).toEqual([
      'SIGABRT',
      'SIGTRAP',
    ]);
  });

  it('makes Date, Intl and Math.random reproducible in deterministic mode', async () => {
    const ref = refFor('deterministic-clock');
    await host.load({ ...ref, code: threatSource('deterministic-clock') });
    const clock = { seed: 42, now: '2024-11-11T00:00:00+08:00' };
    const first = await host.callBatch(ref, [sampleOrder, sampleOrder], { deterministic: clock });
    const again = await host.callBatch(ref, [sampleOrder], { deterministic: clock });
    const reseeded = await host.callBatch(ref, [sampleOrder], { deterministic: { ...clock, seed: 43 } });
    const live = await host.callBatch(ref, [sampleOrder]);

    const nowMs = Date.parse(clock.now);
    const expected = {
      now: nowMs,
      date: '2024-11-10T16:00:00.000Z',
      dateString: 'Mon Nov 11 2024 00:00:00 GMT+0800 (China Standard Time)',
      viaConstructor: nowMs,
      intl: '11/10/24, 4:00:00 PM',
      intlParts: '11 10 24 4 00 00 PM',
      intlDefault: true,
      performance: 'undefined',
      // Pinned: a change of PRNG would silently change every past simulation's report.
      random: [0.6011037519201636, 0.44829055899754167, 0.8524657934904099],
    };
    expect(first).toEqual([
      { ok: true, value: expected },
      { ok: true, value: expected },
    ]);
    expect(again).toEqual([{ ok: true, value: expected }]);
    expect(reseeded[0]).not.toEqual(first[0]);
    expect(liveValue(live[0]).now).not.toBe(nowMs);
    expect(liveValue(live[0]).intl).not.toBe(expected.intl);
  });
});

function failure(pluginId: string, code: PluginErrorCode, message?: string | RegExp) {
  return {
    code,
    pluginId,
    message:
      message === undefined
        ? expect.any(String)
        : typeof message === 'string'
          ? message
          : expect.stringMatching(message),
  };
}

function liveValue(result: PluginResult | undefined): Record<string, unknown> {
  if (result === undefined || !result.ok) throw new Error(`expected a value, got ${JSON.stringify(result)}`);
  return result.value as Record<string, unknown>;
}
