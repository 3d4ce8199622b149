import type { CompileContext } from '../compiler/compile-context.ts';
import { type StrategyGraph, strategyGraph } from '../explain/strategy-graph.ts';
import { both } from '../explain/words.ts';
import type { GraphIssue, IssueCode } from '../graph/issue.ts';
import type { Strategy } from '../graph/schema.ts';
import type { DecisionTableContent } from '../nodes/decision-table/decision-table.kind.ts';
import type { Label } from '../nodes/node-kind.ts';
import type { NestedCondition } from '../rules/schema.ts';
import { jsonEqual } from '../strategies/json-equal.ts';
import { ANYTHING, and, type Conjunction, implies, overlaps } from './conjunction.ts';
import { contradictionWords } from './words.ts';

const warning = (
  code: IssueCode,
  at: { nodeId: string; path: string; edgeId?: string },
  text: Label,
): GraphIssue => ({ code, severity: 'warning', ...at, message: text.en, text });

/**
 * What every order must meet to arrive at each node, walked from start in edge order. A node with
 * several ways in is reached under any of them: the analysis then assumes nothing of it, unless no
 * way in can be taken at all.
 */
function reachOf(graph: StrategyGraph): Map<string, Conjunction> {
  const reach = new Map<string, Conjunction>();
  if (!graph.startId) return reach;
  reach.set(graph.startId, ANYTHING);
  const waiting = new Map<string, number>();
  for (const [id, ins] of graph.incoming) waiting.set(id, ins.length);
  const ready = [graph.startId];
  while (ready.length > 0) {
    const id = ready.pop()!;
    for (const branch of graph.outgoing.get(id) ?? []) {
      const left = (waiting.get(branch.target) ?? 1) - 1;
      waiting.set(branch.target, left);
      if (left > 0) continue;
      const ways = (graph.incoming.get(branch.target) ?? []).flatMap((b) => {
        const from = reach.get(b.source);
        return from ? [b.condition ? and(from, [b.condition]) : from] : [];
      });
      const open = ways.filter((w) => !w.contradiction);
      reach.set(
        branch.target,
        ways.length === 1 || open.length === 0 ? ways[0]! : { ...ANYTHING, exact: false },
      );
      ready.push(branch.target);
    }
  }
  return reach;
}

/**
 * Warnings about what a strategy can never do, read from its graph without an order: conditions no
 * order meets, branches no path reaches, decision-table rows shadowed by an earlier row or
 * overlapping one with a different outcome. Tests the analysis cannot read (patterns, regions,
 * plugins) are assumed to hold either way, so every warning is certain.
 */
export function analyseStrategy(strategy: Strategy, context: CompileContext = {}): GraphIssue[] {
  const graph = strategyGraph(strategy, context);
  const reach = reachOf(graph);
  const issues: GraphIssue[] = [];
  for (const [id, checked] of graph.nodes) {
    const at = `nodes[${checked.index}].content`;
    const arrived = reach.get(id);
    // A node no way reaches already has its branch into it marked; saying more of it would repeat that.
    if (!arrived || arrived.contradiction) continue;
    for (const branch of graph.outgoing.get(id) ?? []) {
      if (!branch.condition) continue;
      const issue = conditionIssue(arrived, branch.condition, {
        nodeId: id,
        edgeId: branch.edgeId,
        path: at,
      });
      if (issue) issues.push(issue);
    }
    if (checked.node.kind === 'decisionTable') {
      issues.push(...tableIssues(id, checked.content as DecisionTableContent, arrived, graph, at));
    }
  }
  return issues;
}

/** A condition that never holds by itself, or never on the way to it. */
function conditionIssue(
  arrived: Conjunction,
  condition: NestedCondition,
  at: { nodeId: string; path: string; edgeId?: string },
  subject?: Label,
): GraphIssue | undefined {
  const alone = and(ANYTHING, [condition]).contradiction;
  if (alone) {
    // The node's own settings are wrong, whichever way leads in: said on the node, not its branch.
    const { edgeId: _edge, ...node } = at;
    return warning('never_holds', node, prefixed(subject, contradictionWords(alone)));
  }
  const onPath = and(arrived, [condition]).contradiction;
  if (!onPath) return undefined;
  const why = contradictionWords(onPath);
  return warning(
    'unreachable_branch',
    at,
    prefixed(
      subject,
      both((lang) => (lang === 'zh' ? `没有订单能走到这里：${why.zh}` : `no order gets here: ${why.en}`)),
    ),
  );
}

const prefixed = (subject: Label | undefined, text: Label): Label =>
  subject ? both((lang) => `${subject[lang]}${lang === 'zh' ? '：' : ': '}${text[lang]}`) : text;

function tableIssues(
  id: string,
  content: DecisionTableContent,
  arrived: Conjunction,
  graph: StrategyGraph,
  at: string,
): GraphIssue[] {
  const checked = graph.nodes.get(id)!;
  const emissions = checked.def.emit(checked.content);
  const rows = content.rows.map((row, r) => {
    const condition = emissions[r]?.condition ?? null;
    return { row, r, condition, alone: condition ? and(ANYTHING, [condition]) : ANYTHING };
  });
  const issues: GraphIssue[] = [];
  const rowLabel = (rowId: string) => both((lang) => (lang === 'zh' ? `第 ${rowId} 行` : `row ${rowId}`));
  for (const { row, r, condition } of rows) {
    if (!condition) continue;
    const issue = conditionIssue(
      arrived,
      condition,
      { nodeId: id, path: `${at}.rows[${r}]` },
      rowLabel(row.id),
    );
    if (issue) issues.push(issue);
  }
  for (const later of rows) {
    if (later.alone.contradiction) continue;
    // A row after a catch-all row is the compiler's warning already.
    const earlier = rows.slice(0, later.r).filter((e) => e.condition && !e.alone.contradiction);
    const shadow = earlier.find((e) => implies(later.alone, e.alone));
    const path = `${at}.rows[${later.r}]`;
    if (shadow) {
      issues.push(
        warning(
          'shadowed_row',
          { nodeId: id, path },
          both((lang) =>
            lang === 'zh'
              ? `第 ${later.row.id} 行永远不会命中：它匹配的订单都先被第 ${shadow.row.id} 行命中`
              : `row ${later.row.id} never wins: every order it matches, row ${shadow.row.id} above it matches first`,
          ),
        ),
      );
      continue;
    }
    const rival = earlier.find(
      (e) =>
        e.alone.exact &&
        later.alone.exact &&
        overlaps(e.alone, later.alone) &&
        !jsonEqual(e.row.outputs, later.row.outputs),
    );
    if (rival) {
      issues.push(
        warning(
          'overlapping_rows',
          { nodeId: id, path },
          both((lang) =>
            lang === 'zh'
              ? `第 ${rival.row.id} 行与第 ${later.row.id} 行有重叠但输出不同：重叠的订单取第 ${rival.row.id} 行`
              : `rows ${rival.row.id} and ${later.row.id} overlap with different outputs: orders in both get row ${rival.row.id}'s`,
          ),
        ),
      );
    }
  }
  return issues;
}
