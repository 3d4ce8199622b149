import { actionKind } from './action/action.kind.ts';
import { approvalKind } from './approval/approval.kind.ts';
import { approvalCheckKind } from './approval-check/approval-check.kind.ts';
import { carrierChainKind } from './carrier/carrier-chain.kind.ts';
import { conditionKind } from './condition/condition.kind.ts';
import { decisionTableKind } from './decision-table/decision-table.kind.ts';
import { giftRulesKind } from './gift/gift-rules.kind.ts';
import type { NodeKindDef } from './node-kind.ts';
import { pluginKind } from './plugin/plugin.kind.ts';
import { remarkExtractKind } from './remark/remark-extract.kind.ts';
import { routeChainKind } from './route/route-chain.kind.ts';
import { splitKind } from './split/split.kind.ts';
import { startKind } from './start/start.kind.ts';
import { substituteKind } from './substitute/substitute.kind.ts';
import { switchKind } from './switch/switch.kind.ts';
import { tagKind } from './tag/tag.kind.ts';

/** Every node kind the engine knows, by the `kind` a graph document stores. */
export const NODE_KINDS = {
  start: startKind,
  condition: conditionKind,
  switch: switchKind,
  decisionTable: decisionTableKind,
  action: actionKind,
  approval: approvalKind,
  approvalCheck: approvalCheckKind,
  remarkExtract: remarkExtractKind,
  tag: tagKind,
  giftRules: giftRulesKind,
  substitute: substituteKind,
  split: splitKind,
  routeChain: routeChainKind,
  carrierChain: carrierChainKind,
  plugin: pluginKind,
} as const;

export type NodeKindName = keyof typeof NODE_KINDS;

// Method parameters are bivariant, so each specific kind is usable where its content is unknown.
export type AnyNodeKind = NodeKindDef<unknown>;

export function nodeKind(kind: string): AnyNodeKind | undefined {
  return Object.hasOwn(NODE_KINDS, kind) ? (NODE_KINDS[kind as NodeKindName] as AnyNodeKind) : undefined;
}
