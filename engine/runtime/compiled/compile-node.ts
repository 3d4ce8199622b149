import { setsTest, setTest, type Test } from './combinators.ts';
import { RuleCompileError, type RuleSite } from './compile-errors.ts';
import { type ConditionNode, prioritySets, UnsupportedShapeError } from './condition-tree.ts';
import { slotRef } from './emit-load.ts';
import type { FactAccessor, FactAccessors, Facts } from './fact-accessor.ts';
import { resolveOperator } from './resolve-operator.ts';
import type { SourcePool } from './source-pool.ts';
import {
  addDelay,
  type Delay,
  delayOf,
  FACT_CONDITION_TICKS,
  NESTED_GROUP_TICKS,
  NESTED_NOT_TICKS,
  SET_TICKS,
  SKIPPED_SET_TICKS,
  slowest,
} from './tick-model.ts';

/**
 * A compiled condition in two equal forms: `test`, a closure, and `emit`, inline source over the
 * facts `f` and the slots `s` for the hot path (source-pool.ts). Where inlining is not worth it,
 * `emit` calls `test`.
 */
export interface CompiledNode {
  readonly test: Test;
  readonly emit: (pool: SourcePool) => string;
  /** Microtask ticks json-rules-engine takes to settle it (tick-model.ts); used to order ties. */
  readonly delay: Delay;
  /** Cannot throw: siblings in its priority set may then be skipped once the set is decided. */
  readonly total: boolean;
}

export interface NodeContext {
  readonly accessors: FactAccessors;
  readonly site: RuleSite;
  /** The compiled shared condition a `{condition: name}` names, as a nested condition. */
  reference(name: unknown, site: RuleSite): CompiledNode;
}

const callTest = (test: Test) => (pool: SourcePool) => `${pool.ref(test)}(f, s)`;

/** almanac.getValue: a value is a reference to another fact when it is an object with its own `fact`. */
function isFactReference(value: unknown): value is { fact: unknown; path?: unknown } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

function presenceDelay(lhs: FactAccessor, rhs: FactAccessor | undefined): Delay {
  const present = [lhs.isPresent, rhs?.isPresent].filter((p) => p !== undefined);
  if (present.length === 0) return FACT_CONDITION_TICKS;
  return (facts: Facts) => FACT_CONDITION_TICKS + (present.some((p) => p(facts)) ? 1 : 0);
}

function compileFact(node: Extract<ConditionNode, { kind: 'fact' }>, context: NodeContext): CompiledNode {
  const operator = typeof node.operator === 'string' ? resolveOperator(node.operator) : undefined;
  if (!operator) {
    throw new RuleCompileError(
      'unknown_operator',
      context.site,
      `unknown operator "${String(node.operator)}"`,
    );
  }
  const lhs = context.accessors.get(node.fact, node.path);
  const value = node.value;
  const rhs = isFactReference(value) ? context.accessors.get(value.fact, value.path) : undefined;
  const evaluate = operator.evaluate;
  let test: Test;
  /** The operator specialised for the constant value, when it has a specialisation. */
  let prepared: ((a: unknown) => boolean) | undefined;
  if (rhs) {
    const [readFact, readValue] = [lhs.read, rhs.read];
    test = (f, s) => evaluate(readFact(f, s), readValue(f, s));
  } else {
    prepared = operator.prepare?.(value);
    const predicate = prepared ?? ((a: unknown) => evaluate(a, value));
    const [slot, read] = [lhs.slot, lhs.read];
    test = slot >= 0 ? (_f, s) => predicate(s[slot]) : (f, s) => predicate(read(f, s));
  }
  const inline = lhs.slot >= 0 && (rhs === undefined || rhs.slot >= 0);
  const emit = (pool: SourcePool) => {
    if (!inline) return `${pool.ref(test)}(f, s)`;
    const a = slotRef(lhs.slot);
    const b = rhs ? slotRef(rhs.slot) : pool.ref(value);
    const known = rhs ? undefined : { value };
    const source = operator.emit?.(a, b, known, pool);
    if (source !== undefined) return source;
    return prepared ? `${pool.ref(prepared)}(${a})` : `${pool.ref(evaluate)}(${a}, ${b})`;
  };
  const total =
    lhs.total && (rhs ? rhs.total : true) && !operator.mayThrow(undefined, rhs ? undefined : { value });
  return { test, emit, delay: presenceDelay(lhs, rhs), total };
}

function compileSets(kind: 'all' | 'any', children: readonly ConditionNode[], context: NodeContext) {
  let ordered: ConditionNode[][];
  try {
    ordered = prioritySets(children);
  } catch (error) {
    if (error instanceof UnsupportedShapeError)
      throw new RuleCompileError('unsupported_rule', context.site, error.message);
    throw error;
  }
  return ordered.map((members) => {
    const nodes = members.map((member) => compileNested(member, context));
    const total = nodes.every((n) => n.total);
    const test = setTest(
      kind,
      nodes.map((n) => n.test),
      total,
    );
    return { nodes, test, total, delay: addDelay(slowest(nodes.map((n) => n.delay)), SET_TICKS) };
  });
}

/** all/any as Rule.prioritizeAndRun runs them; the delay excludes the `.then` a nested group adds. */
export function compileGroup(
  kind: 'all' | 'any',
  children: readonly ConditionNode[],
  context: NodeContext,
): CompiledNode {
  if (children.length === 0) return { test: () => true, emit: () => 'true', delay: 0, total: true };
  if (children.length === 1) return compileNested(children[0]!, context);
  const sets = compileSets(kind, children, context);
  const test = setsTest(
    kind,
    sets.map((set) => set.test),
  );
  const total = sets.every((set) => set.total);
  // Total sets in priority order short-circuit exactly like one `&&` / `||` chain of their members.
  const joiner = kind === 'all' ? ' && ' : ' || ';
  const emit = total
    ? (pool: SourcePool) => `(${sets.flatMap((set) => set.nodes.map((n) => n.emit(pool))).join(joiner)})`
    : callTest(test);
  const only = sets.length === 1 ? sets[0]! : undefined;
  if (only && typeof only.delay === 'number') return { test, emit, delay: only.delay, total };
  const runsOn = kind === 'all';
  const delay = (facts: Facts, slots: unknown[]): number => {
    let ticks = 0;
    let result = runsOn;
    for (const set of sets) {
      if (result === runsOn) {
        ticks += delayOf(set.delay, facts, slots);
        result = set.test(facts, slots);
      } else {
        ticks += SKIPPED_SET_TICKS;
      }
    }
    return ticks;
  };
  return { test, emit, delay, total };
}

/** `not`: the negation, `ticks` more than its condition (NESTED_NOT_TICKS, or ROOT_NOT_TICKS at a rule's root). */
export function compileNot(child: CompiledNode, ticks: number): CompiledNode {
  const childTest = child.test;
  return {
    test: (f, s) => !childTest(f, s),
    emit: (pool) => `(!${child.emit(pool)})`,
    delay: addDelay(child.delay, ticks),
    total: child.total,
  };
}

/** A condition inside another one (Rule.evaluateCondition). */
export function compileNested(node: ConditionNode, context: NodeContext): CompiledNode {
  switch (node.kind) {
    case 'fact':
      return compileFact(node, context);
    case 'ref':
      return context.reference(node.name, context.site);
    case 'not':
      return compileNot(compileNested(node.child, context), NESTED_NOT_TICKS);
    default: {
      const group = compileGroup(node.kind, node.children, context);
      return { ...group, delay: addDelay(group.delay, NESTED_GROUP_TICKS) };
    }
  }
}
