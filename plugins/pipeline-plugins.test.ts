// The whole chain as the CLI wires it: plugins built for real, loaded into a real sandbox host, run by the
// engine's pipeline. It sits beside plugins/bench.ts, which wires the same chain, rather than in
// engine/plugins: the engine runs plugins through any PluginRunner, and its own tests need no sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompiledStrategy, compileStrategy } from '../engine/compiler/index.ts';
import type { Decision } from '../engine/decision/decision.ts';
import {
  actionNode,
  conditionNode,
  giftStockStrategy,
  remarkStrategy,
  riskStrategy,
  strategyDoc,
} from '../engine/nodes/plugin/plugin-strategies.test-helper.ts';
import { installPlugins } from '../engine/plugins/index.ts';
import { createPipeline, type PipelineOptions } from '../engine/runtime/index.ts';
import { PluginHost } from '../sandbox/index.ts';
import { buildPlugin, formatBuildIssue } from './build/index.ts';
import { buildSample, testOrder } from './samples/samples.test-helper.ts';
import type { BuiltPlugin, PluginManifest } from './sdk/index.ts';

// Fails on demand: `throw` in the buyer message throws, `loop` never returns, `flood` leaves microtasks
// that never stop queueing more (a failure of its whole batch: no one order can be blamed for it). One
// source, two kinds.
const hostile = (kind: 'fact' | 'action') => `
import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: {
    kind: '${kind}', id: 'hostile${kind === 'fact' ? 'Fact' : 'Action'}', version: '1.0.0', name: 'hostile',
    reads: ['buyerMessage'],
    outputs: ${kind === 'fact' ? "{ ok: { type: 'boolean' } }" : "{ tags: ['checked'] }"},
  },
  run(order) {
    if (order.buyerMessage === 'throw') throw new Error('no, not this one');
    if (order.buyerMessage === 'loop') for (;;) {}
    if (order.buyerMessage === 'flood') {
      const flood = () => { Promise.resolve().then(flood); };
      flood();
    }
    return ${kind === 'fact' ? '{ ok: true }' : "{ tags: ['checked'] }"};
  },
});`;

// Reads the clock and the random stream, to show what deterministic mode gives each order.
const CLOCK_READER = `
import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: {
    kind: 'fact', id: 'clockReader', version: '1.0.0', name: 'clock', reads: [],
    outputs: { now: { type: 'string' }, draw: { type: 'number' } },
  },
  run: (order) => ({ now: new Date().toISOString(), draw: Math.random() + Object.keys(order).length }),
});`;

async function build(host: PluginHost, source: string, name: string): Promise<BuiltPlugin> {
  const built = await buildPlugin(source, name, host);
  if (!built.ok) throw new Error(built.issues.map(formatBuildIssue).join('\n'));
  return built.plugin;
}

describe('a pipeline with plugins (real sandbox)', () => {
  let host: PluginHost;
  let manifests: PluginManifest[];
  const compile = (document: object): CompiledStrategy => {
    const result = compileStrategy(document, { plugins: manifests });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.compiled;
  };
  const pipeline = (documents: object[], options: PipelineOptions = {}) =>
    createPipeline(documents.map(compile), { plugins: { runner: host, manifests }, ...options });

  beforeAll(async () => {
    // A tight budget so a looping order costs little: each order may run 20 ms.
    host = new PluginHost({ workers: 2, callTimeoutMs: 20 });
    host.publishTable('stock', { 'GIFT-BAG': 3, 'GIFT-MASK': 500 });
    const plugins = await Promise.all([
      buildSample(host, 'address-risk'),
      buildSample(host, 'gift-stock'),
      buildSample(host, 'remark-classifier'),
      build(host, hostile('fact'), 'hostile-fact.plugin.ts'),
      build(host, hostile('action'), 'hostile-action.plugin.ts'),
      build(host, CLOCK_READER, 'clock.plugin.ts'),
    ]);
    const installed = await installPlugins(host, 'demo', plugins);
    expect(installed.failures).toEqual([]);
    manifests = installed.manifests;
  });
  afterAll(() => host.close());

  it('lets a condition after a fact plugin node test its output', async () => {
    const risky = testOrder({
      id: 'RISKY',
      receiver: { phone: '170****0000', address: '文三路 1 号 江苏省南京市鼓楼区' },
    });
    const decisions = await pipeline([riskStrategy()], { trace: true }).decideBatch([testOrder(), risky]);
    expect(decisions.map((d) => [d.orderId, d.status, d.holds.map((h) => h.reason)])).toEqual([
      ['T-1', 'approved', []],
      ['RISKY', 'held', ['address_risk']],
    ]);
    expect(decisions[1]!.trace).toContainEqual(
      expect.objectContaining({ rule: 'hold-risky', facts: { 'plugins.addressRisk.score': 70 } }),
    );
  });

  it('applies an action plugin’s result to the decision of the orders that reach its node', async () => {
    const gifted = testOrder({
      id: 'GIFTED',
      lines: [
        { sku: 'SKU-A', qty: 1, price: 199 },
        { sku: 'GIFT-BAG', qty: 1, price: 0, isGift: true },
      ],
    });
    const [plain, low] = await pipeline([giftStockStrategy()]).decideBatch([testOrder(), gifted]);
    expect(plain).toMatchObject({ status: 'approved', flags: [], extracted: {} });
    expect(low).toMatchObject({
      status: 'flagged',
      flags: [
        {
          reason: 'gift_stock_low',
          message: 'gift stock low: GIFT-BAG: 2 left after this order',
          strategyId: 'gift-stock',
          nodeId: 'gift-stock',
        },
      ],
      extracted: { lowStockGifts: ['GIFT-BAG'] },
    });
  });

  it('decides conditions on an operator plugin, in a plain condition and as a node', async () => {
    const messages = ['麻烦尽快发货', '再不发我就投诉', '', '麻烦尽快发货'];
    const decisions = await pipeline([remarkStrategy()]).decideBatch(
      messages.map((buyerMessage, i) => testOrder({ id: `R-${i}`, buyerMessage })),
    );
    expect(decisions.map((d) => [d.tags, d.flags.map((f) => f.reason)])).toEqual([
      [['催发货'], []],
      [[], ['complaint']],
      [[], []],
      [['催发货'], []],
    ]);
  });

  it('holds an order its fact plugin fails on, and decides the next order and the next batch normally', async () => {
    const strategy = strategyDoc(
      'hostile',
      'approval',
      [
        {
          id: 'h',
          kind: 'plugin',
          content: { pluginKind: 'fact', pluginId: 'hostileFact', version: '1.0.0', provides: ['ok'] },
        },
        conditionNode('ok', 'plugins.hostileFact.ok', 'equal', true),
        actionNode('tag-ok', 'tag', { tag: 'ok' }),
      ],
      [
        ['start', 'h'],
        ['h', 'ok'],
        ['ok', 'tag-ok', 'true'],
      ],
    );
    const run = pipeline([strategy]);
    const batch = ['fine', 'throw', 'loop', 'fine too'].map((buyerMessage, i) =>
      testOrder({ id: `H-${i}`, buyerMessage }),
    );
    const decisions = await run.decideBatch(batch);
    expect(decisions.map((d) => [d.orderId, d.status, d.tags])).toEqual([
      ['H-0', 'approved', ['ok']],
      ['H-1', 'held', []],
      ['H-2', 'held', []],
      ['H-3', 'approved', ['ok']],
    ]);
    expect(decisions[1]!.holds).toEqual([
      {
        reason: 'plugin_error',
        message: 'plugin hostileFact@1.0.0 failed: plugin_error: no, not this one',
        strategyId: 'hostile',
        nodeId: 'h',
      },
    ]);
    expect(decisions[2]!.holds[0]!.message).toMatch(/^plugin hostileFact@1\.0\.0 failed: plugin_timeout: /);
    const [next] = await run.decideBatch([testOrder({ id: 'H-4', buyerMessage: 'fine' })]);
    expect(next).toMatchObject({ status: 'approved', tags: ['ok'] });
  });

  it('decides every other order of a batch that failed as a whole, the ones before the culprit too', async () => {
    const strategy = strategyDoc(
      'flooded',
      'approval',
      [
        {
          id: 'h',
          kind: 'plugin',
          content: { pluginKind: 'fact', pluginId: 'hostileFact', version: '1.0.0', provides: ['ok'] },
        },
        conditionNode('ok', 'plugins.hostileFact.ok', 'notEqual', false),
        actionNode('tag-ok', 'tag', { tag: 'ok' }),
      ],
      [
        ['start', 'h'],
        ['h', 'ok'],
        ['ok', 'tag-ok', 'true'],
      ],
    );
    const batch = ['fine', 'flood', 'fine too'].map((buyerMessage, i) =>
      testOrder({ id: `F-${i}`, buyerMessage }),
    );
    const decisions = await pipeline([strategy]).decideBatch(batch);
    expect(decisions.map((d) => [d.orderId, d.status, d.tags])).toEqual([
      ['F-0', 'approved', ['ok']],
      ['F-1', 'held', []],
      ['F-2', 'approved', ['ok']],
    ]);
    expect(decisions[1]!.holds).toHaveLength(1);
    expect(decisions[1]!.holds[0]!.message).toMatch(/^plugin hostileFact@1\.0\.0 failed: plugin_timeout: /);
  });

  it('holds an order its action plugin fails on when the order reaches the node, and only then', async () => {
    const strategy = strategyDoc(
      'hostile-action',
      'tag',
      [
        conditionNode('is-vip', 'buyer.memberLevel', 'greaterThan', 0),
        {
          id: 'act',
          kind: 'plugin',
          content: { pluginKind: 'action', pluginId: 'hostileAction', version: '1.0.0' },
        },
      ],
      [
        ['start', 'is-vip'],
        ['is-vip', 'act', 'true'],
      ],
    );
    const order = (id: string, buyerMessage: string, memberLevel: number) =>
      testOrder({ id, buyerMessage, buyer: { id: id, nick: id, memberLevel } });
    const decisions = await pipeline([strategy]).decideBatch([
      order('A-0', 'throw', 1),
      order('A-1', 'throw', 0),
      order('A-2', 'fine', 1),
    ]);
    expect(decisions.map((d) => [d.status, d.tags, d.holds.map((h) => `${h.reason} ${h.nodeId}`)])).toEqual([
      ['held', [], ['plugin_error act']],
      ['approved', [], []],
      ['approved', ['checked'], []],
    ]);
  });

  it('gives each order its pay time and its own seeded draws in deterministic mode, whatever its batch', async () => {
    const strategy = strategyDoc(
      'clock',
      'tag',
      [
        {
          id: 'c',
          kind: 'plugin',
          content: {
            pluginKind: 'fact',
            pluginId: 'clockReader',
            version: '1.0.0',
            provides: ['now', 'draw'],
          },
        },
        conditionNode('midnight', 'plugins.clockReader.now', 'equal', '2026-11-11T16:00:09.000Z'),
        actionNode('tag-midnight', 'tag', { tag: 'paid-at-midnight' }),
        conditionNode('drawn', 'plugins.clockReader.draw', 'greaterThanInclusive', 0),
        actionNode('tag-drawn', 'tag', { tag: 'drawn' }),
      ],
      [
        ['start', 'c'],
        ['c', 'midnight'],
        ['midnight', 'tag-midnight', 'true'],
        ['c', 'drawn'],
        ['drawn', 'tag-drawn', 'true'],
      ],
    );
    const orders = [
      testOrder({ id: 'D-0', paidAt: '2026-11-12T00:00:09+08:00' }),
      testOrder({ id: 'D-1', paidAt: '2026-11-11T00:00:09+08:00' }),
    ];
    const options = { plugins: { runner: host, manifests, deterministic: { seed: 7 } }, trace: true };
    const draw = (decision: Decision) =>
      decision.trace?.find((t) => t.rule === 'tag-drawn')?.facts['plugins.clockReader.draw'];
    const batch = await pipeline([strategy], options).decideBatch(orders);
    const alone = await pipeline([strategy], options).decide(orders[0]!);
    expect(batch.map((d) => d.tags)).toEqual([['drawn', 'paid-at-midnight'], ['drawn']]);
    expect(alone.tags).toEqual(batch[0]!.tags);
    expect(draw(alone)).toBe(draw(batch[0]!));
    expect(draw(batch[1]!)).not.toBe(draw(batch[0]!));
  });
});
