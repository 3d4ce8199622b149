import type { GraphEdge, GraphNode, Strategy } from '../engine.ts';

/**
 * A strategy of about `size` nodes shaped like real ones: start, a switch on the platform, and per
 * platform a chain of checks whose "yes" tags the order and whose "no" asks the next check.
 * Used to measure the editor on a big canvas (it must stay usable with 500 nodes).
 */
export function largeStrategy(size = 500, clientId = 'demo'): Strategy {
  const platforms = ['tmall', 'jd', 'douyin'];
  const lanes = [...platforms, 'default'];
  const perLane = Math.max(1, Math.floor((size - 2) / lanes.length / 2));
  const nodes: GraphNode[] = [
    { id: 'start', kind: 'start', kindVersion: 1, name: '', content: {}, position: { x: 0, y: 0 } },
    {
      id: 'by-platform',
      kind: 'switch',
      kindVersion: 1,
      name: '',
      content: {
        fact: 'platform',
        cases: platforms.map((p) => ({ id: p, label: p, operator: 'equal', value: p })),
        hasDefault: true,
      },
      position: { x: 260, y: 0 },
    },
  ];
  const edges: GraphEdge[] = [{ id: 'e-start', source: 'start', target: 'by-platform' }];
  lanes.forEach((lane, l) => {
    let previous = { id: 'by-platform', handle: lane };
    for (let i = 0; i < perLane; i++) {
      const check = `${lane}-check-${i}`;
      const tag = `${lane}-tag-${i}`;
      // Lanes side by side, each a column of check → tag pairs: about 2,600 × 10,000 px.
      const x = 560 + l * 640;
      const y = i * 160;
      nodes.push({
        id: check,
        kind: 'condition',
        kindVersion: 1,
        name: `${lane} ≥ ${i * 10}`,
        content: {
          when: { all: [{ fact: 'amounts.total', operator: 'greaterThanInclusive', value: i * 10 }] },
        },
        position: { x, y },
      });
      nodes.push({
        id: tag,
        kind: 'tag',
        kindVersion: 1,
        name: '',
        content: { add: [`${lane}-${i}`], remove: [] },
        position: { x: x + 300, y },
      });
      edges.push({ id: `e-${check}`, source: previous.id, target: check, sourceHandle: previous.handle });
      edges.push({ id: `e-${tag}`, source: check, target: tag, sourceHandle: 'true' });
      previous = { id: check, handle: 'false' };
    }
  });
  return {
    formatVersion: 1,
    id: `large-${size}`,
    clientId,
    family: 'tag',
    name: `${size} nodes`,
    description: 'generated to measure the editor',
    hitPolicy: 'collect',
    nodes,
    edges,
    tests: [],
  };
}
