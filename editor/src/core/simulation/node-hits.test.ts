import { describe, expect, it } from 'vitest';
import { nodeHits } from './node-hits.ts';

describe('nodeHits', () => {
  const rules = [
    { strategyId: 'approval', rule: 'hold-a', nodeIds: ['cond', 'hold-a'], hits: 3 },
    { strategyId: 'approval', rule: 'hold-b', nodeIds: ['cond', 'hold-b', 'hold-b'], hits: 0 },
    { strategyId: 'routing', rule: 'wh', nodeIds: ['cond'], hits: 7 },
  ];

  it("counts each node's rules of the open strategy once, never another strategy's", () => {
    const hits = nodeHits(rules, 'approval');
    expect(Object.fromEntries(hits)).toEqual({ cond: 3, 'hold-a': 3, 'hold-b': 0 });
  });

  it('leaves nodes on no rule absent rather than zero', () => {
    expect(nodeHits(rules, 'approval').has('start')).toBe(false);
    expect(nodeHits(rules, 'tag').size).toBe(0);
  });
});
