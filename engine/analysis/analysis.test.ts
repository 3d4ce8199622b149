import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../client/index.ts';
import { type CompiledStrategy, compileStrategy } from '../compiler/index.ts';
import { type Family, type StrategyInput, StrategySchema } from '../graph/schema.ts';
import { analyseClient } from './analyse-client.ts';
import { analyseStrategy } from './analyse-strategy.ts';

const samples = new URL('../../samples/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, samples), 'utf8'));
const client = ClientSchema.parse(read('clients/demo/client.json'));

type Nodes = StrategyInput['nodes'];
type Edges = NonNullable<StrategyInput['edges']>;

const strategy = (id: string, family: Family, nodes: Nodes, edges: Edges, hitPolicy = 'first') =>
  StrategySchema.parse({
    formatVersion: 1,
    id,
    clientId: 'demo',
    family,
    name: id,
    hitPolicy,
    nodes: [{ id: 'start', kind: 'start', name: '开始' }, ...nodes],
    edges,
  });

const when = (...all: { fact: string; operator: string; value: unknown }[]) => ({ when: { all } });
const tag = (id: string) => ({ id, kind: 'tag', name: id, content: { tags: [id] } });

const compiled = (s: ReturnType<typeof strategy>): CompiledStrategy => {
  const result = compileStrategy(s, { client });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
};

describe('conditions that can never hold', () => {
  it('warns on a condition whose tests contradict each other, on its branch', () => {
    const s = strategy(
      'tags',
      'tag',
      [
        {
          id: 'qty',
          kind: 'condition',
          name: '件数',
          content: when(
            { fact: 'totals.qty', operator: 'greaterThan', value: 5 },
            { fact: 'totals.qty', operator: 'lessThan', value: 3 },
          ),
        },
        tag('bulk'),
      ],
      [
        { id: 'e1', source: 'start', target: 'qty' },
        { id: 'e2', source: 'qty', target: 'bulk', sourceHandle: 'true' },
      ],
    );
    expect(analyseStrategy(s, { client })).toEqual([
      {
        code: 'never_holds',
        severity: 'warning',
        nodeId: 'qty',
        path: 'nodes[1].content',
        message: '"Item count greater than 5" and "Item count less than 3" can never all hold',
        text: {
          zh: '「商品件数 大于 5」与「商品件数 小于 3」不可能同时成立',
          en: '"Item count greater than 5" and "Item count less than 3" can never all hold',
        },
      },
    ]);
  });

  it('warns on an enum compared with a value the order schema never has', () => {
    const s = strategy(
      'tags',
      'tag',
      [
        {
          id: 'p',
          kind: 'condition',
          content: when({ fact: 'platform', operator: 'equal', value: 'amazon' }),
        },
        tag('x'),
      ],
      [
        { id: 'e1', source: 'start', target: 'p' },
        { id: 'e2', source: 'p', target: 'x', sourceHandle: 'true' },
      ],
    );
    const [issue] = analyseStrategy(s, { client });
    expect(issue?.code).toBe('never_holds');
    expect(issue?.text?.zh).toMatch(/^「平台 等于 amazon」永远不成立：平台 只能是 .*tmall/);
  });

  it('warns on a branch that holds alone but not on the only way to it', () => {
    const s = strategy(
      'tags',
      'tag',
      [
        {
          id: 'big',
          kind: 'condition',
          content: when({ fact: 'amounts.total', operator: 'greaterThan', value: 100 }),
        },
        {
          id: 'small',
          kind: 'condition',
          content: when({ fact: 'amounts.total', operator: 'lessThan', value: 50 }),
        },
        tag('odd'),
        tag('big-tag'),
      ],
      [
        { id: 'e1', source: 'start', target: 'big' },
        { id: 'e2', source: 'big', target: 'small', sourceHandle: 'true' },
        { id: 'e3', source: 'small', target: 'odd', sourceHandle: 'true' },
        { id: 'e4', source: 'small', target: 'big-tag', sourceHandle: 'false' },
      ],
    );
    const issues = analyseStrategy(s, { client });
    expect(issues.map((i) => [i.code, i.edgeId])).toEqual([['unreachable_branch', 'e3']]);
    expect(issues[0]!.text!.zh).toBe(
      '没有订单能走到这里：「订单金额 大于 100」与「订单金额 小于 50」不可能同时成立',
    );
  });

  it('finds nothing in the demo strategies, whose every branch some order takes', () => {
    for (const name of [
      'approval',
      'routing',
      'carrier',
      'tags',
      'gifts',
      'merge',
      'remark',
      'split',
      'substitution',
    ]) {
      const demo = StrategySchema.parse(read(`clients/demo/strategies/${name}.strategy.json`));
      expect({ name, issues: analyseStrategy(demo, { client }) }).toEqual({ name, issues: [] });
    }
  });
});

describe('decision-table rows', () => {
  const row = (id: string, province: unknown, total: unknown, warehouse: string) => ({
    id,
    when: { ...(province ? { province } : {}), ...(total ? { total } : {}) },
    outputs: { warehouse },
  });
  const table = strategy(
    'routing',
    'routing',
    [
      {
        id: 'table',
        kind: 'decisionTable',
        name: '分仓表',
        content: {
          inputs: [
            { id: 'province', fact: 'receiver.province' },
            { id: 'total', fact: 'amounts.total' },
          ],
          outputs: [{ id: 'warehouse', param: 'warehouse' }],
          eventType: 'route',
          rows: [
            row('r1', { operator: 'in', value: ['浙江省', '江苏省'] }, null, 'WH-SH'),
            row(
              'r2',
              { operator: 'equal', value: '浙江省' },
              { operator: 'greaterThan', value: 10 },
              'WH-WH',
            ),
            row(
              'r3',
              { operator: 'equal', value: '北京市' },
              { operator: 'greaterThanInclusive', value: 500 },
              'WH-BJ',
            ),
            row(
              'r4',
              { operator: 'equal', value: '北京市' },
              { operator: 'between', value: [100, 1000] },
              'WH-TJ-BULK',
            ),
            row('r5', { operator: 'equal', value: '北京市' }, { operator: 'lessThan', value: 100 }, 'WH-SY'),
            row('r6', { operator: 'equal', value: '北京市' }, { operator: 'lessThan', value: 50 }, 'WH-SY'),
          ],
        },
      },
    ],
    [{ id: 'e1', source: 'start', target: 'table' }],
  );

  it('says a row never wins when an earlier row matches all it does, and names overlaps with other outputs', () => {
    const issues = analyseStrategy(table, { client });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['shadowed_row', 'nodes[1].content.rows[1]'],
      ['overlapping_rows', 'nodes[1].content.rows[3]'],
      ['shadowed_row', 'nodes[1].content.rows[5]'],
    ]);
    expect(issues[0]!.text!.zh).toBe('第 r2 行永远不会命中：它匹配的订单都先被第 r1 行命中');
    expect(issues[1]!.text!.en).toBe(
      "rows r3 and r4 overlap with different outputs: orders in both get row r3's",
    );
  });
});

describe("across a client's strategies", () => {
  const approval = (holdAll: boolean) =>
    strategy(
      'approval',
      'approval',
      [
        {
          id: 'chk',
          kind: 'condition',
          content: when({
            fact: 'platform',
            operator: holdAll ? 'in' : 'equal',
            value: holdAll ? ['jd'] : 'tmall',
          }),
        },
        { id: 'hold-jd', kind: 'approval', content: { outcome: 'hold', reason: 'jd_review' } },
      ],
      [
        { id: 'e1', source: 'start', target: 'chk' },
        { id: 'e2', source: 'chk', target: 'hold-jd', sourceHandle: 'true' },
      ],
      'collect',
    );
  const routing = strategy(
    'routing',
    'routing',
    [
      { id: 'is-jd', kind: 'condition', content: when({ fact: 'platform', operator: 'equal', value: 'jd' }) },
      { id: 'to-bj', kind: 'action', content: { type: 'route', params: { warehouse: 'WH-BJ' } } },
      { id: 'to-sh', kind: 'action', content: { type: 'route', params: { warehouse: 'WH-SH' } } },
    ],
    [
      { id: 'e1', source: 'start', target: 'is-jd' },
      { id: 'e2', source: 'is-jd', target: 'to-bj', sourceHandle: 'true' },
      { id: 'e3', source: 'is-jd', target: 'to-sh', sourceHandle: 'false' },
    ],
  );
  const carrier = strategy(
    'carrier',
    'carrier',
    [
      {
        id: 'sh',
        kind: 'condition',
        content: when({ fact: 'decision.warehouse', operator: 'equal', value: 'WH-SH' }),
      },
      { id: 'zto', kind: 'action', content: { type: 'carrier', params: { carrier: 'ZTO' } } },
    ],
    [
      { id: 'e1', source: 'start', target: 'sh' },
      { id: 'e2', source: 'sh', target: 'zto', sourceHandle: 'true' },
    ],
  );

  it('warns on a later rule whose every order an approval hold stops, and not when the hold is narrower', () => {
    const held = analyseClient([approval(true), routing].map(compiled));
    expect(held.map((i) => [i.strategyId, i.issue.code, i.issue.nodeId])).toEqual([
      ['routing', 'held_before_reached', 'to-bj'],
    ]);
    expect(held[0]!.issue.text!.zh).toBe('该节点处理的订单都会先被审单拦截（approval / hold-jd：jd_review）');
    expect(analyseClient([approval(false), routing].map(compiled))).toEqual([]);
    // A rule no order meets is not "always held": its own warning says it never holds.
    const impossible = strategy(
      'routing',
      'routing',
      [
        {
          id: 'never',
          kind: 'condition',
          content: when(
            { fact: 'totals.qty', operator: 'greaterThan', value: 5 },
            { fact: 'totals.qty', operator: 'lessThan', value: 3 },
          ),
        },
        { id: 'to-bj', kind: 'action', content: { type: 'route', params: { warehouse: 'WH-BJ' } } },
      ],
      [
        { id: 'e1', source: 'start', target: 'never' },
        { id: 'e2', source: 'never', target: 'to-bj', sourceHandle: 'true' },
      ],
    );
    expect(analyseClient([approval(true), impossible].map(compiled))).toEqual([]);
  });

  it('warns on a warehouse routing can choose that no carrier rule takes', () => {
    const issues = analyseClient([routing, carrier].map(compiled));
    expect(issues.map((i) => [i.strategyId, i.issue.code, i.issue.nodeId])).toEqual([
      ['routing', 'route_not_covered', 'to-bj'],
    ]);
    expect(issues[0]!.issue.text!.en).toBe(
      'no carrier rule takes orders from WH-BJ: they would be held no_carrier',
    );
  });
});
