/**
 * Rule JSON read the way json-rules-engine 7.3.1's constructors read it (rule.js, condition.js),
 * with the same checks, so a rule set either builds in both runtimes or in neither.
 */

export type BooleanKind = 'all' | 'any' | 'not';

export type ConditionNode =
  | { kind: 'fact'; fact: unknown; operator: unknown; value: unknown; path: unknown; priority: unknown }
  | { kind: 'all' | 'any'; children: ConditionNode[]; priority: number }
  | { kind: 'not'; child: ConditionNode; priority: number }
  | { kind: 'ref'; name: unknown; priority: unknown };

/** A shape json-rules-engine refuses when the rule is added; the message is its own. */
export class ShapeError extends Error {}

/** A shape json-rules-engine accepts but fails on in a way not worth imitating. */
export class UnsupportedShapeError extends Error {}

const has = (value: object, key: string): boolean => Object.hasOwn(value, key);

/** Condition.booleanOperator: `any` wins over `all`, which wins over `not`. */
function booleanKind(raw: object): BooleanKind | undefined {
  if (has(raw, 'any')) return 'any';
  if (has(raw, 'all')) return 'all';
  if (has(raw, 'not')) return 'not';
  return undefined;
}

export function parseCondition(raw: unknown): ConditionNode {
  if (!raw) throw new ShapeError('Condition: constructor options required');
  const props = Object(raw) as Record<string, unknown>;
  const kind = booleanKind(props);
  if (kind) {
    const sub = props[kind];
    if (kind !== 'not' && !Array.isArray(sub)) throw new ShapeError(`"${kind}" must be an array`);
    if (kind === 'not' && Array.isArray(sub)) throw new ShapeError(`"${kind}" cannot be an array`);
    // Boolean conditions always get an integer priority, default 1.
    const priority = Number.parseInt(props.priority as string, 10) || 1;
    if (kind === 'not') return { kind, child: parseCondition(sub), priority };
    return { kind, children: (sub as unknown[]).map(parseCondition), priority };
  }
  if (has(props, 'condition')) return { kind: 'ref', name: props.condition, priority: props.priority };
  for (const key of ['fact', 'operator', 'value']) {
    if (!has(props, key)) throw new ShapeError(`Condition: constructor "${key}" property required`);
  }
  // A fact condition keeps its priority as written: json-rules-engine assigns it before parsing it.
  return {
    kind: 'fact',
    fact: props.fact,
    operator: props.operator,
    value: props.value,
    path: props.path,
    priority: props.priority,
  };
}

/** Rule.setConditions / Engine.setCondition: the root must be a boolean or a reference. */
export function parseRoot(raw: unknown): Exclude<ConditionNode, { kind: 'fact' }> {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    !['all', 'any', 'not', 'condition'].some((k) => has(raw, k))
  ) {
    throw new ShapeError(
      '"conditions" root must contain a single instance of "all", "any", "not", or "condition"',
    );
  }
  return parseCondition(raw) as Exclude<ConditionNode, { kind: 'fact' }>;
}

/** The priority Rule.prioritizeConditions groups a condition by (engine-level facts have none here). */
function groupPriority(node: ConditionNode): unknown {
  return node.priority || 1;
}

/**
 * Rule.prioritizeConditions, step for step: bucket by priority in a plain object, then sort its
 * keys by number, highest first. Built the same way, odd keys land in the same order.
 */
export function prioritySets(children: readonly ConditionNode[]): ConditionNode[][] {
  const sets: Record<string, ConditionNode[]> = {};
  for (const child of children) {
    const key = String(groupPriority(child));
    // json-rules-engine would find Object.prototype's member under that key and fail at run time.
    if (key in Object.prototype)
      throw new UnsupportedShapeError(`condition priority "${key}" is not a number`);
    sets[key] ??= [];
    sets[key].push(child);
  }
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((key) => sets[key]!);
}
