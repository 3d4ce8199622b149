import type { GraphEdge, GraphNode, StrategyInput } from '../../engine/graph/schema.ts';

/**
 * A routing strategy of exactly `size` nodes, shaped like a big client's: one segment per shop and
 * order size, each a condition, then a switch on the platform whose cases go through a region
 * condition to a decision table by province and weight, and whose default goes to a fixed
 * warehouse. What is left over becomes fixed-warehouse actions behind one last condition. Only the
 * demo client's shops, warehouses and real regions, so it compiles against the demo client.
 */
export function bigRoutingGraph(size: number): StrategyInput {
  const graph = new GraphBuilder();
  graph.node('start', 'start', {});
  for (let s = 0; graph.size + SEGMENT_NODES + 1 <= size; s++) segment(graph, s);
  const rest = size - graph.size;
  if (rest > 0) tail(graph, rest);
  return {
    formatVersion: 1,
    id: `bench-routing-${size}`,
    clientId: 'demo',
    family: 'routing',
    name: `bench: ${size}-node routing`,
    hitPolicy: 'first',
    nodes: graph.nodes,
    edges: graph.edges,
  };
}

const SHOPS = ['demo-tmall-flagship', 'demo-taobao-store', 'demo-jd-store', 'demo-douyin-shop'];
const WAREHOUSES = ['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-CD', 'WH-WH', 'WH-XA', 'WH-SY'];
const PLATFORM_CASES = ['tmall', 'jd', 'douyin'];
const AREAS = [
  ['上海', '江苏', '浙江', '安徽'],
  ['广东', '广西', '海南', '福建'],
  ['北京', '天津', '河北', '山东'],
  ['四川', '重庆', '贵州', '云南'],
];
const PROVINCES = ['上海市', '江苏省', '浙江省', '广东省', '北京市', '四川省', '湖北省', '陕西省'];
/** A segment's nodes: its condition, its switch, and per platform case a region condition and a table, plus its default action. */
const SEGMENT_NODES = 2 + PLATFORM_CASES.length * 2 + 1;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];

  get size(): number {
    return this.nodes.length;
  }

  node(id: string, kind: string, content: unknown): string {
    const n = this.nodes.length;
    this.nodes.push({
      id,
      kind,
      kindVersion: 1,
      name: id,
      content,
      position: { x: (n % 20) * 300, y: n * 40 },
    });
    return id;
  }

  edge(source: string, target: string, sourceHandle?: string): void {
    this.edges.push({
      id: `e${this.edges.length}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    });
  }
}

function routeTo(warehouse: string) {
  return { type: 'route', params: { warehouse } };
}

function segment(graph: GraphBuilder, s: number): void {
  const when = graph.node(`seg${s}`, 'condition', {
    when: {
      all: [
        { fact: 'shop', operator: 'equal', value: pick(SHOPS, s) },
        { fact: 'amounts.total', operator: 'greaterThanInclusive', value: (s % 7) * 100 },
      ],
    },
  });
  graph.edge('start', when);
  const byPlatform = graph.node(`seg${s}-platform`, 'switch', {
    fact: 'platform',
    cases: PLATFORM_CASES.map((p) => ({ id: p, label: p, operator: 'equal', value: p })),
    hasDefault: true,
  });
  graph.edge(when, byPlatform, 'true');
  PLATFORM_CASES.forEach((platform, c) => {
    const area = graph.node(`seg${s}-${platform}-area`, 'condition', {
      when: {
        any: [
          { fact: 'receiver', operator: 'inRegion', value: pick(AREAS, s + c) },
          { fact: 'skus', operator: 'containsAny', value: [`SKU-${s}-${c}`, 'SKII-0003'] },
        ],
      },
    });
    graph.edge(byPlatform, area, platform);
    const table = graph.node(`seg${s}-${platform}-table`, 'decisionTable', routingTable(s + c));
    graph.edge(area, table, 'true');
  });
  const fallback = graph.node(`seg${s}-default`, 'action', routeTo(pick(WAREHOUSES, s)));
  graph.edge(byPlatform, fallback, 'default');
}

interface TableRow {
  id: string;
  when: Record<string, { operator: string; value: unknown }>;
  outputs: { warehouse: string };
}

/** Six rows by province and weight, then a row with no cells that takes every other order. */
function routingTable(seed: number) {
  const rows: TableRow[] = Array.from({ length: 6 }, (_, r) => ({
    id: `r${r}`,
    when: {
      province: { operator: 'equal', value: pick(PROVINCES, seed + r) },
      weight: { operator: 'lessThan', value: 5 + r * 5 },
    },
    outputs: { warehouse: pick(WAREHOUSES, seed + r) },
  }));
  rows.push({ id: 'any', when: {}, outputs: { warehouse: pick(WAREHOUSES, seed) } });
  return {
    inputs: [
      { id: 'province', fact: 'receiver.province' },
      { id: 'weight', fact: 'totals.weightKg' },
    ],
    outputs: [{ id: 'warehouse', param: 'warehouse' }],
    eventType: 'route',
    rows,
  };
}

/** The nodes a whole segment would not fit in: fixed warehouses for heavy orders, one after another condition. */
function tail(graph: GraphBuilder, count: number): void {
  const heavy = graph.node('tail-heavy', 'condition', {
    when: { all: [{ fact: 'totals.weightKg', operator: 'greaterThan', value: 30 }] },
  });
  graph.edge('start', heavy);
  for (let i = 1; i < count; i++) {
    graph.edge(heavy, graph.node(`tail-${i}`, 'action', routeTo(pick(WAREHOUSES, i))), 'true');
  }
}
