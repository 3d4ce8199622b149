import { describe, expect, it } from 'vitest';
import { COMPILE_LIMITS, compileStrategy } from './index.ts';

const condition = (id: string, value: number) => ({
  id,
  kind: 'condition',
  content: { when: { all: [{ fact: 'amounts.total', operator: 'greaterThan', value }] } },
});
const tag = (id: string) => ({ id, kind: 'action', content: { type: 'tag', params: { tag: id } } });
const edge = (id: string, source: string, target: string, sourceHandle?: string) => ({
  id,
  source,
  target,
  ...(sourceHandle ? { sourceHandle } : {}),
});
const graph = (nodes: object[], edges: object[]) => ({
  formatVersion: 1,
  id: 'big',
  clientId: 'c',
  family: 'tag',
  name: 'big',
  hitPolicy: 'collect',
  nodes: [{ id: 'start', kind: 'start', content: {} }, ...nodes],
  edges,
});

/** start → c0 → c1 → … → c(n-1) → tag, each condition by its "yes" branch. */
function chain(n: number) {
  const nodes: object[] = [];
  const edges: object[] = [];
  let previous = 'start';
  for (let i = 0; i < n; i++) {
    nodes.push(condition(`c${i}`, i));
    edges.push(edge(`e${i}`, previous, `c${i}`, previous === 'start' ? undefined : 'true'));
    previous = `c${i}`;
  }
  nodes.push(tag('end'));
  edges.push(edge('last', previous, 'end', 'true'));
  return { nodes, edges };
}

/** n diamonds in a row: each condition's yes and no both lead to the next, so the ways double. */
function diamonds(n: number) {
  const nodes: object[] = [];
  const edges: object[] = [];
  let previous = 'start';
  let handle: string | undefined;
  for (let i = 0; i < n; i++) {
    nodes.push(condition(`d${i}`, i), condition(`j${i}`, i));
    edges.push(edge(`in${i}`, previous, `d${i}`, handle));
    edges.push(edge(`yes${i}`, `d${i}`, `j${i}`, 'true'), edge(`no${i}`, `d${i}`, `j${i}`, 'false'));
    previous = `j${i}`;
    handle = 'true';
  }
  nodes.push(tag('end'));
  edges.push(edge('last', previous, 'end', 'true'));
  return { nodes, edges };
}

describe('graphs far bigger than a person draws', () => {
  it('compiles a 20,000-node chain without running out of stack', () => {
    const { nodes, edges } = chain(20_000);
    const result = compileStrategy(graph(nodes, edges));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.compiled.rules).toHaveLength(1);
    expect(result.compiled.rules[0]!.conditions).toMatchObject({ all: { length: 20_000 } });
    expect(result.compiled.sourceMap.end!.nodeIds).toHaveLength(20_002);
    expect(result.compiled.sourceMap.end!.nodeIds.slice(0, 3)).toEqual(['start', 'c0', 'c1']);
  });

  it('finds a loop at the end of a 20,000-node chain', () => {
    const { nodes, edges } = chain(20_000);
    edges.push(edge('back', 'c19999', 'c0', 'false'));
    const issues = compileStrategy(graph(nodes, edges)).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'cycle', nodeId: 'c0', edgeId: 'back', path: 'edges[20001]' });
    expect(issues[0]!.message).toBe(
      'the graph loops: c0 → c1 → c2 → c3 → c4 → c5 → … 19988 more … → c19994 → c19995 → c19996 → c19997 → c19998 → c19999 → c0',
    );
  });

  it('reports every node of a long unreachable chain', () => {
    const { nodes, edges } = chain(5_000);
    const cut = edges.filter((e) => (e as { id: string }).id !== 'e0');
    const issues = compileStrategy(graph(nodes, cut)).issues;
    expect(issues.filter((i) => i.code === 'unreachable_node')).toHaveLength(5_001);
  });

  it('refuses joins that would spell out millions of conditions, naming the node, at once', () => {
    const { nodes, edges } = diamonds(40);
    const started = performance.now();
    const result = compileStrategy(graph(nodes, edges));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'compiled_too_large', severity: 'error', nodeId: 'end' }),
    ]);
    expect(result.issues[0]!.message).toContain(`over ${COMPILE_LIMITS.maxCompiledSize} conditions`);
  });

  it('still compiles a few joins in a row', () => {
    const { nodes, edges } = diamonds(8);
    const result = compileStrategy(graph(nodes, edges));
    expect(result.ok).toBe(true);
  });

  it('refuses a chain of actions whose source map would name millions of nodes', () => {
    const nodes: object[] = [];
    const edges: object[] = [];
    let previous = 'start';
    for (let i = 0; i < 1_000; i++) {
      nodes.push(tag(`t${i}`));
      edges.push(edge(`e${i}`, previous, `t${i}`));
      previous = `t${i}`;
    }
    const result = compileStrategy(graph(nodes, edges));
    expect(result.issues.map((i) => i.code)).toEqual(['compiled_too_large']);
    expect(result.issues[0]!.message).toContain('source-map ids');
  });
});

describe('content nested far deeper than any form makes', () => {
  it('is an issue on its node, not a stack overflow', () => {
    let content: Record<string, unknown> = { fact: 'amounts.total', operator: 'greaterThan', value: 1 };
    for (let i = 0; i < 100_000; i++) content = { not: content };
    const doc = graph(
      [{ id: 'deep', kind: 'condition', content: { when: content } }, tag('end')],
      [edge('e1', 'start', 'deep'), edge('e2', 'deep', 'end', 'true')],
    );
    const result = compileStrategy(doc);
    expect(result.ok).toBe(false);
    expect(result.issues.slice(0, 1)).toEqual([
      expect.objectContaining({
        code: 'content_invalid',
        nodeId: 'deep',
        path: 'nodes[1].content',
        message: `content nests more than ${COMPILE_LIMITS.maxContentDepth} objects and arrays deep`,
      }),
    ]);
  });
});
