import type { RuleSet } from '../../rules/schema.ts';
import type { RuleHit } from '../evaluator.ts';
import type { Test } from './combinators.ts';
import { RuleCompileError, type RuleSite } from './compile-errors.ts';
import {
  type CompiledNode,
  compileGroup,
  compileNested,
  compileNot,
  type NodeContext,
} from './compile-node.ts';
import { parseRoot, ShapeError } from './condition-tree.ts';
import { type EagerRead, FactAccessors } from './fact-accessor.ts';
import { resolveReferences } from './references.ts';
import { ruleEvent, ruleHit } from './rule-hit.ts';
import type { SourcePool } from './source-pool.ts';
import { type Delay, ROOT_NOT_TICKS } from './tick-model.ts';

/** One rule of the rule JSON turned into closures: its test, its emit code and its place in the order of hits. */
export interface RuleClosure {
  readonly site: RuleSite;
  /** Its place in the rule set: what the plan writes when it fires. */
  readonly index: number;
  readonly hit: RuleHit;
  readonly test: Test;
  readonly emit: (pool: SourcePool) => string;
  readonly delay: Delay;
  readonly total: boolean;
}

/** Rules of one priority. With `staticOrder` they are already sorted the way their hits come out. */
export interface PriorityGroup {
  readonly rules: readonly RuleClosure[];
  readonly staticOrder: boolean;
  readonly total: boolean;
}

export interface CompiledRuleSet {
  /** Highest priority first, as Engine.prioritizeRules orders them. */
  readonly groups: readonly PriorityGroup[];
  /** Fact reads done once per order, filling the slots conditions read. */
  readonly eager: readonly EagerRead[];
  /** Each rule's hit, by its index in the rule set (`RuleClosure.index`). */
  readonly hits: readonly RuleHit[];
}

function shapeError(site: RuleSite, error: unknown): never {
  if (error instanceof ShapeError) throw new RuleCompileError('invalid_rule', site, error.message);
  throw error;
}

/** Engine.addRule and the Rule constructor: what they refuse, we refuse. */
function compileRule(raw: unknown, index: number, context: Omit<NodeContext, 'site'>): RuleClosure {
  const props = (raw ?? undefined) as Record<string, unknown> | undefined;
  const name = props && (props.name || props.name === 0) ? props.name : undefined;
  const site: RuleSite = { ruleIndex: index, ruleName: name };
  if (!props) shapeError(site, new ShapeError('Engine: addRule() requires options'));
  for (const key of ['event', 'conditions']) {
    if (!Object.hasOwn(props, key))
      shapeError(site, new ShapeError(`Engine: addRule() argument requires "${key}" property`));
  }
  if (!props.conditions) throw new RuleCompileError('unsupported_rule', site, 'a rule without conditions');
  let root: ReturnType<typeof parseRoot>;
  try {
    root = parseRoot(props.conditions);
  } catch (error) {
    shapeError(site, error);
  }
  const priority = Number.parseInt((props.priority || 1) as string, 10);
  if (priority <= 0) shapeError(site, new ShapeError('Priority must be greater than zero'));
  if (Number.isNaN(priority))
    throw new RuleCompileError('unsupported_rule', site, 'priority is not a number');
  const event = (props.event || { type: 'unknown' }) as { type: unknown; params?: unknown };
  if (typeof event !== 'object' || !Object.hasOwn(event, 'type')) {
    shapeError(site, new ShapeError('Rule: setEvent() requires event object with "type" property'));
  }
  const node = compileRoot(root, { ...context, site });
  return { site, index, hit: ruleHit(name, priority, ruleEvent(event)), ...node };
}

/** Rule.evaluate's root: all/any run directly, `not` adds one `.then`, a reference is realized. */
function compileRoot(root: ReturnType<typeof parseRoot>, context: NodeContext): CompiledNode {
  switch (root.kind) {
    case 'not':
      return compileNot(compileNested(root.child, context), ROOT_NOT_TICKS);
    case 'ref':
      return context.reference(root.name, context.site);
    default:
      return compileGroup(root.kind, root.children, context);
  }
}

/** Engine.prioritizeRules: bucket by priority, highest first; within a bucket, insertion order. */
function groupRules(rules: readonly RuleClosure[]): PriorityGroup[] {
  const buckets: Record<string, RuleClosure[]> = {};
  for (const rule of rules) {
    buckets[rule.hit.priority] ??= [];
    buckets[rule.hit.priority]!.push(rule);
  }
  return Object.keys(buckets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((key) => {
      const members = buckets[key]!;
      const staticOrder = members.length === 1 || members.every((rule) => typeof rule.delay === 'number');
      // Known delays: sort once now, by delay then insertion order (Array.prototype.sort is stable).
      const ordered = staticOrder
        ? [...members].sort((a, b) => (a.delay as number) - (b.delay as number))
        : members;
      return { rules: ordered, staticOrder, total: members.every((rule) => rule.total) };
    });
}

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const accessors = new FactAccessors();
  const reference = resolveReferences(ruleSet.conditions, accessors);
  const rules = ruleSet.rules.map((raw, index) => compileRule(raw, index, { accessors, reference }));
  return { groups: groupRules(rules), eager: accessors.eager, hits: rules.map((rule) => rule.hit) };
}
