import type { CompiledRule, CompiledStrategy } from '../compiler/compiled-strategy.ts';
import { both, valueWords } from '../explain/words.ts';
import type { GraphIssue } from '../graph/issue.ts';
import { ANYTHING, and, type Conjunction, implies } from './conjunction.ts';

/** A warning about one strategy that only the client's other strategies show. */
export interface ClientIssue {
  strategyId: string;
  issue: GraphIssue;
}

const conditionsOf = (rule: CompiledRule) =>
  'all' in rule.conditions ? rule.conditions.all : [rule.conditions];

const emitterOf = (strategy: CompiledStrategy, rule: CompiledRule) =>
  strategy.sourceMap[rule.name]?.emitterId ?? rule.name;

/** Stages that act on the order after approval: what a hold makes pointless. */
const AFTER_APPROVAL = new Set(['gift', 'substitution', 'split', 'routing', 'carrier', 'merge']);

interface Hold {
  strategyId: string;
  nodeId: string;
  reason: string;
  when: Conjunction;
}

/** Holds a person must release: a wait that lifts by itself holds orders on purpose. */
function holdsOf(strategies: readonly CompiledStrategy[]): Hold[] {
  return strategies
    .filter((s) => s.family === 'approval')
    .flatMap((s) =>
      s.rules
        .filter((r) => r.event.type === 'hold' && r.event.params?.autoReleaseMinutes === undefined)
        .map((r) => ({
          strategyId: s.strategyId,
          nodeId: emitterOf(s, r),
          reason: String(r.event.params?.reason ?? ''),
          when: and(ANYTHING, conditionsOf(r)),
        }))
        .filter((h) => h.when.exact && !h.when.contradiction),
    );
}

/** Where a routing rule may send an order: its fixed warehouse, or its chain's candidates. */
function warehousesOf(rule: CompiledRule): string[] {
  if (rule.event.type !== 'route') return [];
  const params = rule.event.params as { warehouse?: string; chain?: { candidates?: string[] } } | undefined;
  if (params?.warehouse) return [params.warehouse];
  return params?.chain?.candidates ?? [];
}

/**
 * Warnings across a client's strategies: a later stage's rule that acts only on orders an approval
 * hold stops anyway, and a warehouse routing can choose that no carrier rule accepts. Each is put on
 * the node of the strategy that would be changed to fix it.
 */
export function analyseClient(strategies: readonly CompiledStrategy[]): ClientIssue[] {
  const issues: ClientIssue[] = [];
  const holds = holdsOf(strategies);
  for (const strategy of strategies.filter((s) => AFTER_APPROVAL.has(s.family))) {
    const warned = new Set<string>();
    for (const rule of strategy.rules) {
      const nodeId = emitterOf(strategy, rule);
      if (warned.has(nodeId)) continue;
      const when = and(ANYTHING, conditionsOf(rule));
      // A rule no order meets is held "every time" vacuously: its own never_holds warning says more.
      const hold = when.contradiction ? undefined : holds.find((h) => implies(when, h.when));
      if (!hold) continue;
      warned.add(nodeId);
      const text = both((lang) =>
        lang === 'zh'
          ? `该节点处理的订单都会先被审单拦截（${hold.strategyId} / ${hold.nodeId}：${hold.reason}）`
          : `every order this node acts on is held by approval (${hold.strategyId} / ${hold.nodeId}: ${hold.reason})`,
      );
      issues.push({
        strategyId: strategy.strategyId,
        issue: {
          code: 'held_before_reached',
          severity: 'warning',
          nodeId,
          path: `rules.${rule.name}`,
          message: text.en,
          text,
        },
      });
    }
  }

  const carrierRules = strategies
    .filter((s) => s.family === 'carrier')
    .flatMap((s) => s.rules.filter((r) => r.event.type === 'carrier').map(conditionsOf));
  if (carrierRules.length === 0) return issues;
  for (const strategy of strategies.filter((s) => s.family === 'routing')) {
    for (const rule of strategy.rules) {
      const uncovered = warehousesOf(rule).filter((warehouse) => {
        const chosen = { fact: 'decision', path: '$.warehouse', operator: 'equal', value: warehouse };
        return carrierRules.every((conditions) => and(ANYTHING, [...conditions, chosen]).contradiction);
      });
      if (uncovered.length === 0) continue;
      const text = both((lang) =>
        lang === 'zh'
          ? `没有快递规则接收仓库 ${valueWords(uncovered, lang)} 的订单：这些订单会被拦截为 no_carrier`
          : `no carrier rule takes orders from ${valueWords(uncovered, lang)}: they would be held no_carrier`,
      );
      issues.push({
        strategyId: strategy.strategyId,
        issue: {
          code: 'route_not_covered',
          severity: 'warning',
          nodeId: emitterOf(strategy, rule),
          path: `rules.${rule.name}`,
          message: text.en,
          text,
        },
      });
    }
  }
  return issues;
}
