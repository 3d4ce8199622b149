import { describe, expect, it } from 'vitest';
import type { PluginErrorCode, PluginResult, PluginRunner } from '../../plugins/sdk/index.ts';
import { callIsolated } from './call-isolated.ts';

const ref = { clientId: 'c', pluginId: 'p', version: '1.0.0' };
const failure = (code: PluginErrorCode): PluginResult => ({
  ok: false,
  error: { code, pluginId: 'p', message: code },
});

/**
 * A runner whose plugin misbehaves on the inputs named 'loop' and 'crash' the way the sandbox reports it:
 * a timeout fails the running input and every later one; a crash fails the whole batch.
 */
function scriptedRunner() {
  const calls: string[][] = [];
  const runner = {
    async callBatch(_ref: unknown, inputs: readonly string[]): Promise<PluginResult[]> {
      calls.push([...inputs]);
      if (inputs.includes('crash')) return inputs.map(() => failure('plugin_crashed'));
      const loop = inputs.indexOf('loop');
      return inputs.map((input, i) =>
        loop >= 0 && i >= loop ? failure('plugin_timeout') : { ok: true, value: input },
      );
    },
  };
  return { runner: runner as unknown as PluginRunner, calls };
}

const outcome = (results: PluginResult[]) => results.map((r) => (r.ok ? r.value : r.error.code));

describe('callIsolated', () => {
  it('blames a timeout on the input that was running and retries the ones after it, alone', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['a', 'loop', 'b', 'c'], undefined);
    expect(outcome(results)).toEqual(['a', 'plugin_timeout', 'b', 'c']);
    expect(calls).toEqual([['a', 'loop', 'b', 'c'], ['b'], ['c']]);
  });

  it('retries each input of a batch that crashed its worker, so only the crashing one fails', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['a', 'crash', 'b'], undefined);
    expect(outcome(results)).toEqual(['a', 'plugin_crashed', 'b']);
    expect(calls).toHaveLength(4);
  });

  it('stops retrying after three inputs fail alone, and keeps the batch failure for the rest', async () => {
    const { runner, calls } = scriptedRunner();
    const results = await callIsolated(runner, ref, ['crash', 'crash', 'crash', 'crash', 'a'], undefined);
    expect(outcome(results)).toEqual(Array(5).fill('plugin_crashed'));
    expect(calls).toHaveLength(4);
  });

  it('calls once when nothing failed, or when one input failed on its own', async () => {
    const { runner, calls } = scriptedRunner();
    expect(outcome(await callIsolated(runner, ref, ['a', 'b'], undefined))).toEqual(['a', 'b']);
    expect(outcome(await callIsolated(runner, ref, ['loop'], undefined))).toEqual(['plugin_timeout']);
    expect(calls).toHaveLength(2);
  });
});
