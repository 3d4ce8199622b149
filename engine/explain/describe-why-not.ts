import type { Label } from '../nodes/node-kind.ts';
import { nodeName, type StrategyGraph } from './strategy-graph.ts';
import type { WhyNot } from './why-not.ts';
import { both, failureWords, type Language } from './words.ts';

/** A why-not in a sentence or a few, in both languages. */
export function describeWhyNot(why: WhyNot, graph: StrategyGraph): Label {
  return both((lang) => sentence(why, graph, lang));
}

function sentence(why: WhyNot, graph: StrategyGraph, lang: Language): string {
  const zh = lang === 'zh';
  switch (why.kind) {
    case 'fired':
      return zh ? '该节点在本次决策的路径上' : 'This node is on the path the decision took';
    case 'unreachable':
      return zh ? '从开始节点没有路径到达该节点' : 'No path from start leads to this node';
    case 'passed':
      return zh
        ? '订单到达了该节点，但其后的规则都没有命中'
        : 'The order reached this node, but no rule after it fired';
    case 'preempted':
      return zh
        ? `条件满足，但更早的规则 ${why.by ?? '—'} 已命中（首个命中）`
        : `Its conditions hold, but an earlier rule (${why.by ?? '—'}) fired first`;
    case 'blocked': {
      const at = nodeName(graph, why.nodeId);
      const branch = why.branch[lang];
      const failed = why.failure ? failureWords(why.failure, lang) : '';
      return zh
        ? `订单没有走 节点 ${at} 的「${branch}」分支：${failed}`
        : `The order did not take the "${branch}" branch of node ${at}: ${failed}`;
    }
    case 'unmatched':
      return why.rules
        .map(({ key, failure }) => {
          const row = key ? (zh ? `第 ${key} 行：` : `row ${key}: `) : '';
          return `${row}${failure ? failureWords(failure, lang) : ''}`;
        })
        .join(zh ? '；' : '; ');
  }
}
