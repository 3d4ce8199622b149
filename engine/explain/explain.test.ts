import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Client, ClientSchema } from '../client/index.ts';
import { compileStrategy } from '../compiler/index.ts';
import type { OrderFacts } from '../facts/index.ts';
import { type Strategy, StrategySchema } from '../graph/schema.ts';
import { adaptOrder } from '../order/adapters/index.ts';
import { createPipeline } from '../runtime/index.ts';
import { firstFailure } from './condition-failure.ts';
import { describeWhyNot } from './describe-why-not.ts';
import { explainDecision } from './explain-decision.ts';
import { strategyGraph } from './strategy-graph.ts';
import { whyNot } from './why-not.ts';
import { failureWords } from './words.ts';

const samples = new URL('../../samples/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, samples), 'utf8'));
const client: Client = ClientSchema.parse(read('clients/demo/client.json'));
const demo = (name: string): Strategy =>
  StrategySchema.parse(read(`clients/demo/strategies/${name}.strategy.json`));

/** start → 付款检查 (payStatus = paid?) —no→ hold unpaid; —yes→ 大额 (total ≥ 1000) —yes→ flag. */
const approval: Strategy = StrategySchema.parse({
  formatVersion: 1,
  id: 'approval',
  clientId: 'demo',
  family: 'approval',
  name: 'Approval',
  hitPolicy: 'collect',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'paid',
      kind: 'condition',
      name: '付款检查',
      content: { when: { all: [{ fact: 'payStatus', operator: 'equal', value: 'paid' }] } },
    },
    {
      id: 'hold-unpaid',
      kind: 'approval',
      name: '拦截未付款',
      content: { outcome: 'hold', reason: 'unpaid', message: '买家未付款' },
    },
    {
      id: 'big',
      kind: 'condition',
      name: '大额',
      content: { when: { all: [{ fact: 'amounts.total', operator: 'greaterThanInclusive', value: 1000 }] } },
    },
    { id: 'flag-big', kind: 'approval', name: '标记大额', content: { outcome: 'flag', reason: 'big' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'paid' },
    { id: 'e2', source: 'paid', target: 'hold-unpaid', sourceHandle: 'false' },
    { id: 'e3', source: 'paid', target: 'big', sourceHandle: 'true' },
    { id: 'e4', source: 'big', target: 'flag-big', sourceHandle: 'true' },
  ],
});

/** start → 分仓表: Zhejiang to Hangzhou, Beijing or Tianjin to Beijing. */
const table: Strategy = StrategySchema.parse({
  formatVersion: 1,
  id: 'routing',
  clientId: 'demo',
  family: 'routing',
  name: 'Routing',
  hitPolicy: 'first',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'table',
      kind: 'decisionTable',
      name: '分仓表',
      content: {
        inputs: [{ id: 'province', fact: 'receiver.province' }],
        outputs: [{ id: 'warehouse', param: 'warehouse' }],
        eventType: 'route',
        rows: [
          {
            id: 'zj',
            when: { province: { operator: 'equal', value: '浙江省' } },
            outputs: { warehouse: 'WH-SH' },
          },
          {
            id: 'north',
            when: { province: { operator: 'in', value: ['北京市', '天津市'] } },
            outputs: { warehouse: 'WH-BJ' },
          },
        ],
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'table' }],
});

const unpaid = { ...read('orders/standard-hangzhou.json'), payStatus: 'unpaid' };

const mars = { ...read('orders/standard-hangzhou.json'), receiver: { province: '火星', city: '火星城' } };

/** Decides through the strategies and keeps the facts the last stage read, as the test panel does. */
async function decide(strategies: Strategy[], order: unknown) {
  const compiled = strategies.map((s) => {
    const result = compileStrategy(s, { client });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.compiled;
  });
  const facts = new Map<string, OrderFacts>();
  const pipeline = createPipeline(compiled, {
    client,
    trace: true,
    beforeStage: (strategyId, seen) => facts.set(strategyId, { ...seen }),
  });
  const decision = await pipeline.decide(adaptOrder('standard', order));
  return { decision, facts };
}

describe('the first failed fact test of a condition', () => {
  const facts = { payStatus: 'unpaid', amounts: { total: 2 }, skus: ['A'] };
  it('names the fact, its value and what was needed, in both languages', () => {
    const failure = firstFailure({ fact: 'payStatus', operator: 'equal', value: 'paid' }, facts);
    expect(failure).toEqual({
      fact: 'payStatus',
      operator: 'equal',
      expected: 'paid',
      actual: 'unpaid',
      negated: false,
    });
    expect(failureWords(failure!, 'zh')).toBe('付款状态 = unpaid，需要 paid');
    expect(failureWords(failure!, 'en')).toBe('Payment status = unpaid, needs paid');
  });
  it('reads every part of an all in order, and a not as its opposite', () => {
    const failure = firstFailure(
      {
        all: [
          { fact: 'amounts', path: '$.total', operator: 'greaterThan', value: 1 },
          { not: { fact: 'skus', operator: 'contains', value: 'A' } },
        ],
      },
      facts,
    );
    expect(failure).toMatchObject({ fact: 'skus', negated: true, actual: ['A'] });
    expect(failureWords(failure!, 'zh')).toBe('商品编码 = A，需要 不包含 A');
  });
  it('is undefined when the condition holds, and any fails only when every part does', () => {
    expect(firstFailure({ fact: 'payStatus', operator: 'in', value: ['unpaid'] }, facts)).toBeUndefined();
    const any = {
      any: [
        { fact: 'payStatus', operator: 'equal', value: 'paid' },
        { fact: 'amounts', path: '$.total', operator: 'lessThan', value: 5 },
      ],
    };
    expect(firstFailure(any, facts)).toBeUndefined();
    expect(firstFailure(any, { ...facts, amounts: { total: 9 } })).toMatchObject({ fact: 'payStatus' });
  });
});

describe('why a node did not fire', () => {
  it('names the branch the order did not take and the failed test on it', async () => {
    const { decision, facts } = await decide([approval], unpaid);
    const graph = strategyGraph(approval, { client });
    const lit = new Set(decision.trace!.flatMap((e) => e.nodeIds));
    const fired = decision.trace!.map((e) => e.rule);
    const why = whyNot({ graph, nodeId: 'flag-big', facts: facts.get('approval')!, lit, fired });
    expect(why).toMatchObject({ kind: 'blocked', nodeId: 'paid', handle: 'true' });
    expect(describeWhyNot(why, graph)).toEqual({
      zh: '订单没有走 节点 付款检查 的「是」分支：付款状态 = unpaid，需要 paid',
      en: 'The order did not take the "yes" branch of node 付款检查: Payment status = unpaid, needs paid',
    });
    expect(whyNot({ graph, nodeId: 'hold-unpaid', facts: facts.get('approval')!, lit, fired })).toEqual({
      kind: 'fired',
    });
  });

  it('says a reached table matched none of its rows, each row by its first failed cell', async () => {
    const { decision, facts } = await decide([table], mars);
    const graph = strategyGraph(table, { client });
    const lit = new Set(decision.trace!.flatMap((e) => e.nodeIds));
    const why = whyNot({ graph, nodeId: 'table', facts: facts.get('routing')!, lit, fired: [] });
    expect(why.kind).toBe('unmatched');
    expect(describeWhyNot(why, graph)).toEqual({
      zh: '第 zj 行：省 = 火星，需要 浙江省；第 north 行：省 = 火星，需要 属于 北京市、天津市',
      en: 'row zj: Province = 火星, needs 浙江省; row north: Province = 火星, needs is one of 北京市, 天津市',
    });
  });
});

describe('explanations of a decision', () => {
  it('says each hold and flag at the node whose test sent the order there, with the facts it read', async () => {
    const { decision } = await decide([approval], unpaid);
    const graphs = new Map([['approval', strategyGraph(approval, { client })]]);
    expect(explainDecision(decision, { graphs, client })).toEqual([
      {
        kind: 'hold',
        code: 'unpaid',
        strategyId: 'approval',
        nodeId: 'hold-unpaid',
        text: {
          zh: '拦截：买家未付款（节点 付款检查「否」：付款状态 = unpaid）',
          en: 'Held: 买家未付款 (node 付款检查「no」: Payment status = unpaid)',
        },
      },
    ]);
  });

  it('names the node alone for a decision without a trace, as the audit keeps it', async () => {
    const { decision } = await decide([approval], unpaid);
    const { trace: _trace, ...summary } = decision;
    const graphs = new Map([['approval', strategyGraph(approval, { client })]]);
    expect(explainDecision(summary, { graphs }).map((e) => e.text.zh)).toEqual([
      '拦截：买家未付款（节点 拦截未付款）',
    ]);
  });

  it('names the table row that chose the warehouse, with the fact it read', async () => {
    const { decision } = await decide([table], read('orders/standard-hangzhou.json'));
    const graphs = new Map([['routing', strategyGraph(table, { client })]]);
    const warehouse = explainDecision(decision, { graphs, client }).find((e) => e.kind === 'warehouse');
    const name = client.warehouses.find((w) => w.id === 'WH-SH')!.name;
    expect(warehouse?.text.zh).toBe(`分仓：${name}（节点 分仓表 第 zj 行：省 = 浙江省）`);
  });

  it('names the warehouse and carrier the demo pipeline chose, by their master-data names', async () => {
    const strategies = ['approval', 'routing', 'carrier'].map(demo);
    const { decision } = await decide(strategies, read('orders/standard-hangzhou.json'));
    const graphs = new Map(strategies.map((s) => [s.id, strategyGraph(s, { client })]));
    const explanations = explainDecision(decision, { graphs, client });
    const warehouse = explanations.find((e) => e.kind === 'warehouse')!;
    const name = client.warehouses.find((w) => w.id === decision.warehouse)!.name;
    expect(warehouse.code).toBe(decision.warehouse);
    expect(warehouse.text.zh.startsWith(`分仓：${name}（节点 `)).toBe(true);
    expect(warehouse.text.en.startsWith(`Warehouse: ${name} (node `)).toBe(true);
    const carrier = explanations.find((e) => e.kind === 'carrier')!;
    expect(carrier.code).toBe(decision.carrier);
    expect(carrier.strategyId).toBe('carrier');
  });

  it('says the pipeline held an order no stage placed', async () => {
    const { decision } = await decide([table], mars);
    const held = explainDecision(decision).find((e) => e.code === 'no_warehouse');
    expect(held?.strategyId).toBe('pipeline');
    expect(held?.text.zh).toMatch(/^拦截：.*（流水线）$/);
  });
});
