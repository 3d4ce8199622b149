import type { z } from 'zod';
import type { CompileContext } from '../compiler/compile-context.ts';
import type { AnyEventDef } from '../events/event-def.ts';
import type { IssueCode } from '../graph/issue.ts';
import type { Family } from '../graph/schema.ts';
import type { NestedCondition, RuleEvent } from '../rules/schema.ts';

export interface Label {
  en: string;
  zh: string;
}

/** The picker the editor offers for a field. */
export type FieldWidget = 'warehouse' | 'carrier' | 'sku' | 'shop' | 'region' | 'regex' | 'fact' | 'keywords';

/**
 * Editor hints for a kind's content fields, keyed by path (`[]` stands for every item of a list):
 * a label, a short help text and the picker to offer. The editor reads them; the engine does not.
 */
export type FieldHints = Record<string, { label: Label; help: Label; widget?: FieldWidget }>;

/** One outgoing handle: orders leave through it when `condition` holds (null: always). */
export interface OutputBranch {
  handle: string;
  label: Label;
  condition: NestedCondition | null;
}

/** A rule a node contributes when an order reaches it (an action, a decision-table row). */
export interface Emission {
  /** Appended to the node id to name the rule; '' for a node's single rule. */
  key: string;
  condition: NestedCondition | null;
  event: RuleEvent;
  /** Rules sharing a group hit at most once per order, the first in order (decision-table rows). */
  group?: string;
}

/** A problem inside one node's content; the compiler adds the node id and the document path. */
export interface ContentIssue {
  code: IssueCode;
  severity?: 'error' | 'warning';
  /** Path inside `content`, e.g. `when.all[0].value`. */
  path: string;
  message: string;
}

/**
 * Everything the engine knows about one kind of node. Adding a kind means writing one of these
 * in its own folder and adding it to the registry; nothing else in the engine changes (the event
 * registry is built from the kinds' `events`).
 */
export interface NodeKindDef<C> {
  kind: string;
  version: number;
  /** `flow` kinds shape paths; family kinds emit that family's decisions. */
  group: Family | 'flow';
  label: Label;
  description: Label;
  schema: z.ZodType<C>;
  defaults(): C;
  acceptsInput: boolean;
  outputs(content: C): OutputBranch[];
  /** Handles that must lead somewhere, or the graph is incomplete. */
  requiredOutputs(content: C): string[];
  validate(content: C, context: CompileContext): ContentIssue[];
  emit(content: C): Emission[];
  /**
   * The event types this kind owns: each type is declared by exactly one kind. The action and the
   * decision table also emit types other kinds declare, whichever the graph picks.
   */
  events: readonly AnyEventDef[];
  /** Labels, help texts and pickers for the editor's form, by content field path. */
  fields?: FieldHints;
  /** Upgrades stored content of version `v` to `v + 1`, keyed by `v`. */
  migrations: Record<number, (content: unknown) => unknown>;
}

export function defineNodeKind<C>(def: NodeKindDef<C>): NodeKindDef<C> {
  return def;
}
