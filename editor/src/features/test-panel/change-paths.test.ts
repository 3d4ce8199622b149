import { describe, expect, it } from 'vitest';
import { firedPath } from './change-paths.ts';

const edges = [
  { id: 'e1', source: 'start', target: 'cond' },
  { id: 'e2', source: 'cond', target: 'zto' },
  { id: 'e3', source: 'cond', target: 'sf' },
  { id: 'e4', source: 'start', target: 'tag' },
];

describe('firedPath', () => {
  it('lights the nodes of the strategy’s fired rules and the edges within each rule', () => {
    const path = firedPath(
      [
        { strategyId: 'carrier', rule: 'zto', nodeIds: ['start', 'cond', 'zto'] },
        { strategyId: 'carrier', rule: 'tag', nodeIds: ['start', 'tag'] },
        { strategyId: 'approval', rule: 'x', nodeIds: ['start', 'sf'] },
      ],
      'carrier',
      edges,
    );
    expect([...path.nodeIds].sort()).toEqual(['cond', 'start', 'tag', 'zto']);
    expect([...path.edgeIds].sort()).toEqual(['e1', 'e2', 'e4']);
  });

  it('does not light an edge whose ends belong to two different rules', () => {
    const path = firedPath(
      [
        { strategyId: 'carrier', rule: 'a', nodeIds: ['start', 'cond'] },
        { strategyId: 'carrier', rule: 'b', nodeIds: ['zto'] },
      ],
      'carrier',
      edges,
    );
    expect([...path.edgeIds]).toEqual(['e1']);
  });
});
