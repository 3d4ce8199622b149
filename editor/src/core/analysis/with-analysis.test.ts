import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../engine.ts';
import { demoClient, demoStrategy, tinyStrategy } from '../test-fixtures.ts';
import { withAnalysis } from './with-analysis.ts';

describe('validation with the static analysis', () => {
  const client = demoClient();

  it('adds a warning on the branch of a condition that can never hold, after the compiler’s own issues', () => {
    const draft = tinyStrategy();
    draft.nodes[1]!.content = {
      when: {
        all: [
          { fact: 'totals.qty', operator: 'greaterThan', value: 5 },
          { fact: 'totals.qty', operator: 'lessThan', value: 3 },
        ],
      },
    };
    const result = withAnalysis(compileStrategy(draft, { client }), [], client);
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => [i.code, i.severity, i.nodeId, i.edgeId])).toEqual([
      ['never_holds', 'warning', 'big', undefined],
    ]);
  });

  it('adds what the published strategies show about the draft, and leaves a graph with errors alone', () => {
    const routing = compileStrategy(demoStrategy('routing'), { client });
    if (!routing.ok) throw new Error('the demo routing compiles');
    // A carrier strategy that only takes orders from one warehouse the demo routing never uses alone.
    const carrier = {
      ...tinyStrategy(),
      id: 'carrier',
      family: 'carrier' as const,
      nodes: [
        tinyStrategy().nodes[0]!,
        {
          ...tinyStrategy().nodes[1]!,
          content: { when: { all: [{ fact: 'decision.warehouse', operator: 'equal', value: 'WH-XA' }] } },
        },
        {
          ...tinyStrategy().nodes[2]!,
          kind: 'action',
          content: { type: 'carrier', params: { carrier: 'SF' } },
        },
      ],
    };
    const published = compileStrategy(carrier, { client });
    if (!published.ok) throw new Error(JSON.stringify(published.issues));
    const result = withAnalysis(routing, [published.compiled], client);
    const uncovered = result.issues.filter((i) => i.code === 'route_not_covered');
    expect(uncovered.length).toBeGreaterThan(0);
    expect(uncovered[0]!.text?.zh).toMatch(/^没有快递规则接收仓库 /);
    const broken = compileStrategy({ ...tinyStrategy(), edges: [] }, { client });
    expect(withAnalysis(broken, [published.compiled], client)).toBe(broken);
  });
});
