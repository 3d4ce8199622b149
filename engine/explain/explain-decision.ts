import type { Client } from '../client/index.ts';
import type { Decision, TraceEntry } from '../decision/decision.ts';
import type { Label } from '../nodes/node-kind.ts';
import type { NestedCondition } from '../rules/schema.ts';
import { factsRead } from '../runtime/pipeline/facts-read.ts';
import { nodeName, type StrategyGraph } from './strategy-graph.ts';
import { both, factWords, type Language, valueWords } from './words.ts';

/** One sentence about one part of a decision, for the consultant or the OMS operator. */
export interface Explanation {
  kind: 'hold' | 'flag' | 'warehouse' | 'carrier';
  /** The hold or flag reason, the warehouse or the carrier. */
  code: string;
  /** Where it was decided: `pipeline` for the pipeline's own holds, '' when a traceless decision cannot say. */
  strategyId: string;
  nodeId: string;
  text: Label;
}

export interface ExplainContext {
  /** The strategies that decided, by id: node names and which node's test sent the order on. */
  graphs?: ReadonlyMap<string, StrategyGraph>;
  /** Warehouse and carrier names. */
  client?: Client;
}

/** Facts named after "because": more would bury the one that mattered. */
const MAX_FACTS = 3;

const emitterOf = (rule: string) => rule.split('#')[0]!;

/** The strategy id the pipeline's own holds carry (no warehouse, no carrier). */
const PIPELINE = 'pipeline';

interface Origin {
  strategyId: string;
  nodeId: string;
}

/** What is explained: a decision, or its audit summary, which has no trace. */
export type Explainable = Pick<Decision, 'holds' | 'flags' | 'warehouse' | 'carrier' | 'parcels' | 'trace'>;

/** The node whose test sent the order to the rule's emitter, and that test: a table row, or the last branch in. */
function decidingTest(
  graph: StrategyGraph | undefined,
  entry: TraceEntry,
): { nodeId: string; condition: NestedCondition | null; branch?: Label } {
  const emitter = emitterOf(entry.rule);
  const key = entry.rule.slice(emitter.length + 1);
  const checked = graph?.nodes.get(emitter);
  if (key && checked) {
    const row = checked.def.emit(checked.content).find((e) => e.key === key);
    return { nodeId: emitter, condition: row?.condition ?? null };
  }
  const taken = new Set(entry.edgeIds);
  const seen = new Set<string>();
  let current = emitter;
  while (graph && !seen.has(current)) {
    seen.add(current);
    const branch = graph.incoming.get(current)?.find((b) => taken.has(b.edgeId));
    if (!branch) break;
    if (branch.condition) return { nodeId: branch.source, condition: branch.condition, branch: branch.label };
    current = branch.source;
  }
  return { nodeId: emitter, condition: null };
}

/** Where a hold or flag came from, when the trace has no rule for it: the pipeline, or a node of a traceless decision. */
function originWords(graph: StrategyGraph | undefined, origin: Origin | undefined, lang: Language): string {
  const zh = lang === 'zh';
  if (!origin?.nodeId) return origin?.strategyId === PIPELINE ? (zh ? '（流水线）' : ' (pipeline)') : '';
  return zh ? `（节点 ${nodeName(graph, origin.nodeId)}）` : ` (node ${nodeName(graph, origin.nodeId)})`;
}

/** "（节点 地址检查：收货地址 = …）": the node and the facts its test read, from the trace. */
function whereWords(
  graph: StrategyGraph | undefined,
  entry: TraceEntry | undefined,
  origin: Origin | undefined,
  lang: Language,
): string {
  const zh = lang === 'zh';
  if (!entry) return originWords(graph, origin, lang);
  const { nodeId, condition, branch } = decidingTest(graph, entry);
  const key = entry.rule.slice(emitterOf(entry.rule).length + 1);
  const row = key && nodeId === emitterOf(entry.rule) ? (zh ? ` 第 ${key} 行` : ` row ${key}`) : '';
  const facts = condition ? factsRead(condition).filter((p) => p in entry.facts) : [];
  const because = facts
    .slice(0, MAX_FACTS)
    .map((p) => `${factWords(p, lang)} = ${valueWords(entry.facts[p], lang)}`)
    .join(zh ? '，' : ', ');
  const node = `${nodeName(graph, nodeId)}${row}${branch ? `「${branch[lang]}」` : ''}`;
  if (zh) return `（节点 ${node}${because ? `：${because}` : ''}）`;
  return ` (node ${node}${because ? `: ${because}` : ''})`;
}

/** The trace entry of the rule that applied an event of this type from this node (the last, for a stage that repeats). */
function entryOf(
  trace: readonly TraceEntry[],
  type: string,
  matches: (entry: TraceEntry) => boolean,
): TraceEntry | undefined {
  return trace.findLast((e) => e.event.type === type && matches(e));
}

/**
 * One sentence per hold, flag, warehouse and carrier, built from the decision's trace: what was
 * decided, at which node, and the facts its test read. A decision made without a trace gets the
 * same sentences without nodes' facts.
 */
export function explainDecision(decision: Explainable, context: ExplainContext = {}): Explanation[] {
  const trace = decision.trace ?? [];
  const graphOf = (strategyId: string) => context.graphs?.get(strategyId);
  const fromNode = (strategyId: string, nodeId: string) => (e: TraceEntry) =>
    e.strategyId === strategyId && emitterOf(e.rule) === nodeId;
  const out: Explanation[] = [];

  for (const [kind, list, prefix] of [
    ['hold', decision.holds, { zh: '拦截', en: 'Held' }],
    ['flag', decision.flags, { zh: '标记', en: 'Flagged' }],
  ] as const) {
    for (const item of list) {
      const entry = entryOf(trace, kind, fromNode(item.strategyId, item.nodeId));
      const what = item.message || item.reason;
      out.push({
        kind,
        code: item.reason,
        strategyId: item.strategyId,
        nodeId: item.nodeId,
        text: both(
          (lang) =>
            `${prefix[lang]}${lang === 'zh' ? '：' : ': '}${what}${whereWords(graphOf(item.strategyId), entry, item, lang)}`,
        ),
      });
    }
  }

  const warehouses = decision.warehouse
    ? [decision.warehouse]
    : [...new Set(decision.parcels.flatMap((p) => (p.warehouse ? [p.warehouse] : [])))];
  const routed = entryOf(trace, 'route', () => true);
  for (const id of warehouses) {
    const name = context.client?.warehouses.find((w) => w.id === id)?.name ?? id;
    out.push(placed('warehouse', id, name, routed, { zh: '分仓', en: 'Warehouse' }, graphOf));
  }
  if (decision.carrier) {
    const id = decision.carrier;
    const name = context.client?.carriers.find((c) => c.id === id)?.name ?? id;
    const chosen = entryOf(trace, 'carrier', () => true);
    out.push(placed('carrier', id, name, chosen, { zh: '快递', en: 'Carrier' }, graphOf));
  }
  return out;
}

function placed(
  kind: 'warehouse' | 'carrier',
  code: string,
  name: string,
  entry: TraceEntry | undefined,
  prefix: Label,
  graphOf: (strategyId: string) => StrategyGraph | undefined,
): Explanation {
  const graph = entry && graphOf(entry.strategyId);
  return {
    kind,
    code,
    strategyId: entry?.strategyId ?? '',
    nodeId: entry ? emitterOf(entry.rule) : '',
    text: both(
      (lang) =>
        `${prefix[lang]}${lang === 'zh' ? '：' : ': '}${name}${whereWords(graph, entry, undefined, lang)}`,
    ),
  };
}
