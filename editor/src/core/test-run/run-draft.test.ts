import { describe, expect, it } from 'vitest';
import { largeStrategy } from '../bench/large-strategy.ts';
import { removeElements } from '../document/operations.ts';
import { compileStrategy, describeWhyNot, strategyGraph, whyNot } from '../engine.ts';
import { demoClient, demoStrategy, sampleOrder, tinyStrategy } from '../test-fixtures.ts';
import { runDraft } from './run-draft.ts';

describe('running a draft in the browser pipeline', () => {
  it('decides a sample order and lights the path it took', async () => {
    const run = await runDraft({
      draft: tinyStrategy(),
      client: demoClient(),
      order: sampleOrder('standard-hangzhou.json'),
    });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.platform).toBe('standard');
    expect(run.decision.tags).toEqual(['VIP']);
    expect([...run.lit.nodeIds].sort()).toEqual(['big', 'start', 'vip-tag']);
    expect([...run.lit.edgeIds].sort()).toEqual(['e1', 'e2']);
  });

  it('reads a raw Tmall order and runs the demo routing table', async () => {
    const run = await runDraft({
      draft: demoStrategy('routing'),
      client: demoClient(),
      order: sampleOrder('tmall-two-lines-presale.json'),
    });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.platform).toBe('tmall');
    expect(run.decision.warehouse).not.toBeNull();
    expect(run.lit.nodeIds.has('start')).toBe(true);
    expect(run.lit.nodeIds.size).toBeGreaterThan(1);
  });

  it("keeps the draft stage's facts, so a node that did not fire says which test stopped the order", async () => {
    const order = {
      ...(sampleOrder('standard-hangzhou.json') as object),
      amounts: { total: 120, paid: 120 },
    };
    const run = await runDraft({ draft: tinyStrategy(), client: demoClient(), order });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.decision.tags).toEqual([]);
    expect(run.facts.amounts).toMatchObject({ total: 120 });
    const graph = strategyGraph(tinyStrategy());
    const why = whyNot({ graph, nodeId: 'vip-tag', facts: run.facts, lit: run.lit.nodeIds, fired: [] });
    expect(describeWhyNot(why, graph).zh).toBe(
      '订单没有走 节点 big order 的「是」分支：订单金额 = 120，需要 大于等于 200',
    );
  });

  it('explains the decision in both languages, naming the draft’s nodes', async () => {
    const run = await runDraft({
      draft: demoStrategy('approval'),
      client: demoClient(),
      order: sampleOrder('standard-unpaid.json'),
    });
    if (!run.ok) throw new Error(JSON.stringify(run));
    const unpaid = run.explanations.find((e) => e.code === 'unpaid');
    expect(unpaid?.text.zh).toMatch(/^拦截：.+（节点 未付款\/部分付款「是」：付款状态 = /);
    expect(run.explanations.filter((e) => e.kind === 'hold')).toHaveLength(run.decision.holds.length);
  });

  it('says why it cannot run: graph errors, or not an order', async () => {
    const broken = await runDraft({ draft: removeElements(tinyStrategy(), [], ['e1']), order: {} });
    expect(broken).toMatchObject({ ok: false, stage: 'compile' });
    const notOrder = await runDraft({ draft: tinyStrategy(), order: { hello: 1 } });
    expect(notOrder).toMatchObject({ ok: false, stage: 'order' });
  });
});

describe('the 500-node strategy', () => {
  it('compiles, so the editor can measure a big canvas on a valid graph', () => {
    const doc = largeStrategy(500);
    expect(doc.nodes.length).toBeGreaterThanOrEqual(490);
    const started = performance.now();
    const result = compileStrategy(doc);
    const ms = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(5000);
  });
});
