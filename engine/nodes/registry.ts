import { actionKind } from './action/action.kind.ts';
import { conditionKind } from './condition/condition.kind.ts';
import { decisionTableKind } from './decision-table/decision-table.kind.ts';
import type { NodeKindDef } from './node-kind.ts';
import { startKind } from './start/start.kind.ts';
import { switchKind } from './switch/switch.kind.ts';

/** Every node kind the engine knows, by the `kind` a graph document stores. */
export const NODE_KINDS = {
  start: startKind,
  condition: conditionKind,
  switch: switchKind,
  decisionTable: decisionTableKind,
  action: actionKind,
} as const;

export type NodeKindName = keyof typeof NODE_KINDS;

// Method parameters are bivariant, so each specific kind is usable where its content is unknown.
export type AnyNodeKind = NodeKindDef<unknown>;

export function nodeKind(kind: string): AnyNodeKind | undefined {
  return Object.hasOwn(NODE_KINDS, kind) ? (NODE_KINDS[kind as NodeKindName] as AnyNodeKind) : undefined;
}
