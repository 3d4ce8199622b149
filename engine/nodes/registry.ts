import type { EventCatalogue } from '../events/event-catalogue.ts';
import type { AnyEventDef } from '../events/event-def.ts';
import { eventsByType } from '../events/events-by-type.ts';
import { actionKind } from './action/action.kind.ts';
import { approvalKind } from './approval/approval.kind.ts';
import { approvalCheckKind } from './approval-check/approval-check.kind.ts';
import { carrierChainKind } from './carrier/carrier-chain.kind.ts';
import { conditionKind } from './condition/condition.kind.ts';
import { decisionTableKind } from './decision-table/decision-table.kind.ts';
import { giftRulesKind } from './gift/gift-rules.kind.ts';
import { mergeKind } from './merge/merge.kind.ts';
import type { NodeKindDef } from './node-kind.ts';
import { pluginKind } from './plugin/plugin.kind.ts';
import { remarkExtractKind } from './remark/remark-extract.kind.ts';
import { routeChainKind } from './route/route-chain.kind.ts';
import { splitKind } from './split/split.kind.ts';
import { startKind } from './start/start.kind.ts';
import { substituteKind } from './substitute/substitute.kind.ts';
import { switchKind } from './switch/switch.kind.ts';
import { tagKind } from './tag/tag.kind.ts';

/**
 * What the action and the decision table, which emit types other kinds declare, see of the event
 * registry below: handed to them rather than imported, which would make an import cycle. They read
 * it when a graph compiles, once every kind has loaded.
 */
const EVENT_CATALOGUE: EventCatalogue = { def: eventDef, types: () => EVENT_TYPES };

/** Every node kind the engine knows, by the `kind` a graph document stores. */
export const NODE_KINDS = {
  start: startKind,
  condition: conditionKind,
  switch: switchKind,
  decisionTable: decisionTableKind(EVENT_CATALOGUE),
  action: actionKind(EVENT_CATALOGUE),
  approval: approvalKind,
  approvalCheck: approvalCheckKind,
  remarkExtract: remarkExtractKind,
  tag: tagKind,
  giftRules: giftRulesKind,
  substitute: substituteKind,
  split: splitKind,
  routeChain: routeChainKind,
  carrierChain: carrierChainKind,
  merge: mergeKind,
  plugin: pluginKind,
} as const;

export type NodeKindName = keyof typeof NODE_KINDS;

// Method parameters are bivariant, so each specific kind is usable where its content is unknown.
export type AnyNodeKind = NodeKindDef<unknown>;

export function nodeKind(kind: string): AnyNodeKind | undefined {
  return Object.hasOwn(NODE_KINDS, kind) ? (NODE_KINDS[kind as NodeKindName] as AnyNodeKind) : undefined;
}

/** Every event type, by type, from the kinds that declare it. */
const EVENTS = eventsByType(Object.values(NODE_KINDS));

export const EVENT_TYPES: readonly string[] = [...EVENTS.keys()];

export function eventDef(type: string): AnyEventDef | undefined {
  return EVENTS.get(type);
}
