import { describe, expect, it } from 'vitest';
import { buildPlugin } from '../../plugins/build/index.ts';
import type { BuiltPlugin } from '../../plugins/sdk/index.ts';
import { PluginHost } from '../../sandbox/index.ts';
import { order, stable, tmp, writeLines, writeStrategies } from '../../simulate/simulate.test-helper.ts';
import { simulate } from '../../simulate/simulate.ts';
import { pluginPipelineFactory } from './plugin-pipeline.ts';

/** Reads the clock and draws a random number: only deterministic mode makes its answers repeatable. */
const COIN = `import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: {
    kind: 'fact', id: 'coin', version: '1.0.0', name: 'coin', reads: ['id'], inputs: {},
    outputs: { heads: { type: 'boolean' }, hour: { type: 'number' } },
  },
  run() {
    return { heads: Math.random() < 0.5, hour: new Date().getUTCHours() };
  },
});
`;

const flipStrategy = {
  formatVersion: 1,
  id: 'flip',
  clientId: 'sim',
  family: 'approval',
  name: 'flip',
  hitPolicy: 'collect',
  nodes: [
    { id: 'start', kind: 'start', content: {} },
    {
      id: 'coin',
      kind: 'plugin',
      content: {
        pluginKind: 'fact',
        pluginId: 'coin',
        version: '1.0.0',
        params: {},
        provides: ['heads', 'hour'],
      },
    },
    {
      id: 'heads',
      kind: 'condition',
      content: {
        when: {
          all: [
            { fact: 'plugins.coin.heads', operator: 'equal', value: true },
            // The pay time is the plugin's now: 16:00 UTC is 00:00 on the 11th in China.
            { fact: 'plugins.coin.hour', operator: 'equal', value: 16 },
          ],
        },
      },
    },
    { id: 'flag', kind: 'action', content: { type: 'flag', params: { reason: 'heads' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'coin' },
    { id: 'e2', source: 'coin', target: 'heads' },
    { id: 'e3', source: 'heads', target: 'flag', sourceHandle: 'true' },
  ],
  tests: [],
};

async function buildCoin(): Promise<BuiltPlugin> {
  const host = new PluginHost({ workers: 1 });
  try {
    const built = await buildPlugin(COIN, 'coin.plugin.ts', host);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    return built.plugin;
  } finally {
    await host.close();
  }
}

describe('simulate with plugins', () => {
  const root = tmp('sim-plugins');

  it('runs plugins in the decide workers in deterministic mode: the same report every run', async () => {
    const strategies = writeStrategies(root, 'flip', [flipStrategy]);
    const orders = writeLines(
      root,
      'orders.ndjson',
      Array.from({ length: 60 }, (_, i) => order(`00:01:${String(i).padStart(2, '0')}`)),
    );
    const coin = await buildCoin();
    const run = (seed: number) =>
      simulate({
        strategies,
        orders,
        workers: 1,
        pipelineFactory: pluginPipelineFactory([coin], { kind: 'replay', seed }),
      });
    const first = await run(7);
    const again = await run(7);
    expect(stable(again)).toBe(stable(first));
    const heads = first.outcomes.flagged;
    // The coin ran for every order, with the pay time as its clock and a fair random draw.
    expect(first.decided).toBe(60);
    expect(heads).toBeGreaterThan(10);
    expect(heads).toBeLessThan(50);
    const other = await run(8);
    expect(stable(other)).not.toBe(stable(first));
  }, 120_000);
});
