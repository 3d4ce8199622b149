import { describe, expect, it } from 'vitest';
import type { CallOptions, PluginErrorCode, PluginResult, PluginRunner } from '../../plugins/sdk/index.ts';
import { callIsolated } from './call-isolated.ts';

const ref = { clientId: 'c', pluginId: 'p', version: '1.0.0' };
const failure = (code: PluginErrorCode, unattributed: boolean): PluginResult => ({
  ok: false,
  error: { code, pluginId: 'p', message: code, ...(unattributed ? { unattributed: true as const } : {}) },
});

/**
 * A runner whose plugin misbehaves on the inputs named 'loop', 'flood' and 'crash' the way the sandbox
 * reports it: a loop is stopped on its own budget, and the inputs after it never run; a flood of
 * microtasks or a crash fails the whole call, blamed on no one input unless it was alone.
 */
function scriptedRunner() {
  const calls: string[][] = [];
  const clocks: unknown[] = [];
  const runner = {
    async callBatch(_ref: unknown, inputs: readonly string[], options: CallOptions = {}) {
      calls.push([...inputs]);
      clocks.push(options.deterministic);
      const several = inputs.length > 1;
      if (inputs.includes('crash')) return inputs.map(() => failure('plugin_crashed', several));
      if (inputs.includes('flood')) return inputs.map(() => failure('plugin_timeout', several));
      const loop = inputs.indexOf('loop');
      return inputs.map((input, i): PluginResult => {
        if (loop < 0 || i < loop) return { ok: true, value: input };
        return failure('plugin_timeout', i > loop);
      });
    },
  };
  return { runner: runner as unknown as PluginRunner, calls, clocks };
}

const outcome = (results: PluginResult[]) => results.map((r) => (r.ok ? r.value : r.error.code));

describe('callIsolated', () => {
  it('holds the input that ran out of time and calls the ones after it again, together', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['a', 'loop', 'b', 'loop', 'c'], undefined);
    expect(outcome(results)).toEqual(['a', 'plugin_timeout', 'b', 'plugin_timeout', 'c']);
    expect(calls).toEqual([['a', 'loop', 'b', 'loop', 'c'], ['b', 'loop', 'c'], ['c']]);
  });

  it('calls every input alone, the first one too, after a failure no one input can be blamed for', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['a', 'flood', 'b'], undefined);
    expect(outcome(results)).toEqual(['a', 'plugin_timeout', 'b']);
    expect(calls).toEqual([['a', 'flood', 'b'], ['a'], ['flood'], ['b']]);
  });

  it('never holds an order that did not fail alone, however many in its batch crash', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['crash', 'crash', 'crash', 'crash', 'a'], undefined);
    expect(outcome(results)).toEqual([...Array(4).fill('plugin_crashed'), 'a']);
    expect(results.every((r) => r.ok || r.error.unattributed === undefined)).toBe(true);
    expect(calls).toHaveLength(6);
  });

  it('calls once when nothing failed, or when one input failed on its own', async () => {
    const { runner, calls } = scriptedRunner();
    expect(outcome(await callIsolated(runner, ref, ['a', 'b'], undefined))).toEqual(['a', 'b']);
    expect(outcome(await callIsolated(runner, ref, ['loop'], undefined))).toEqual(['plugin_timeout']);
    expect(calls).toHaveLength(2);
  });

  it('gives every input its own clock on every call it is part of', async () => {
    const { runner, clocks } = scriptedRunner();
    const clock = (i: number) => ({ seed: i, now: `2024-11-1${i}T00:00:00Z` });
    await callIsolated(runner, ref, ['a', 'loop', 'b'], [clock(0), clock(1), clock(2)]);
    await callIsolated(runner, ref, ['flood', 'c'], [clock(3), clock(4)]);
    expect(clocks).toEqual([
      [clock(0), clock(1), clock(2)],
      [clock(2)],
      [clock(3), clock(4)],
      [clock(3)],
      [clock(4)],
    ]);
  });
});
