import fc from 'fast-check';
import type { NestedCondition, Rule, RuleSet, TopLevelCondition } from '../../rules/schema.ts';
import { FACT_NAMES, scalarArb } from './fact-arbitraries.ts';

/** Every operator we run: json-rules-engine's, ours, and decorated ones. */
export const OPERATOR_NAMES = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'containsAny',
  'containsAll',
  'matchesRegex',
  'between',
  'inRegion',
  'not:equal',
  'not:in',
  'someFact:equal',
  'everyFact:greaterThan',
  'someValue:equal',
  'everyValue:lessThan',
  'swap:in',
  'swap:contains',
  'not:someFact:in',
  'someFact:containsAny',
  'everyValue:not:contains',
  'swap:between',
] as const;

const PATHS = [
  undefined,
  '$.province',
  '$.city.code',
  '$.tags[0]',
  '$.length',
  '$[0]',
  '$.0',
  '$..code',
  '$.*',
  'province',
  '$.tags[*]',
];

export const SHARED_NAMES = ['shared0', 'shared1', 'shared2'] as const;

const PRIORITIES = [undefined, 1, 2, 3, 0, -1, 1.5, 10];

const valueArb = fc.oneof(
  { arbitrary: scalarArb, weight: 3 },
  { arbitrary: fc.array(scalarArb, { maxLength: 4 }), weight: 3 },
  // Long lists take the compiled runtime's Set path for `in`.
  { arbitrary: fc.array(scalarArb, { minLength: 9, maxLength: 14 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      [],
      [1, 100],
      ['5', 50],
      { pattern: '顺丰|SF' },
      { pattern: '^1', flags: 'gi' },
      '[',
      ['浙江', '31'],
      ['440300', '新疆'],
      'tmall,jd',
      { x: 1 },
    ),
    weight: 2,
  },
  {
    arbitrary: fc.record(
      { fact: fc.constantFrom(...FACT_NAMES, 'absent'), path: fc.constantFrom(...PATHS) },
      { requiredKeys: ['fact'], noNullPrototype: true },
    ),
    weight: 1,
  },
);

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined) (base as Record<string, unknown>)[key] = value;
  return base;
}

const factConditionArb = fc
  .tuple(
    fc.constantFrom(...FACT_NAMES, 'absent'),
    fc.constantFrom(...OPERATOR_NAMES),
    valueArb,
    fc.constantFrom(...PATHS),
    fc.constantFrom(...PRIORITIES),
    fc.option(fc.constant({ unit: 'g' }), { nil: undefined }),
  )
  .map(([fact, operator, value, path, priority, params]) =>
    withOptional({ fact, operator, value }, { path, priority, params }),
  );

const priorityArb = fc.constantFrom(...PRIORITIES);

/** all/any/not nested up to depth 3, with references to the shared conditions. */
const conditionArbs = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'condition' },
    factConditionArb,
    tie('group'),
    tie('not'),
    tie('ref'),
  ),
  group: fc
    .tuple(fc.constantFrom('all', 'any'), fc.array(tie('node'), { maxLength: 4 }), priorityArb)
    .map(([kind, children, priority]) => withOptional({ [kind]: children }, { priority })),
  not: fc
    .tuple(tie('node'), priorityArb)
    .map(([child, priority]) => withOptional({ not: child }, { priority })),
  ref: fc
    .tuple(fc.constantFrom(...SHARED_NAMES), priorityArb)
    .map(([condition, priority]) => withOptional({ condition }, { priority })),
}));

const rootArb = fc.oneof(
  conditionArbs.group,
  conditionArbs.not,
  conditionArbs.ref,
) as fc.Arbitrary<TopLevelCondition>;

const paramsArb = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant({}),
  fc.record(
    { warehouse: fc.constantFrom('WH-HZ', '杭州仓'), minutes: fc.nat(60) },
    { noNullPrototype: true },
  ),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "carrier": "SF"}')),
);

const ruleArb: fc.Arbitrary<Rule> = fc
  .tuple(
    fc.constantFrom(undefined, 'route', 'hold', '', 'tag'),
    fc.constantFrom(undefined, 1, 2, 3),
    rootArb,
    fc.constantFrom('route', 'hold', 'tag'),
    paramsArb,
  )
  .map(([name, priority, conditions, type, params]) =>
    withOptional({ conditions, event: withOptional({ type }, { params }) }, { name, priority }),
  );

/** A reference in shared condition i may name only shared conditions before it: no cycles. */
function breakCycles(node: NestedCondition, allowed: number): NestedCondition {
  if ('condition' in node) {
    const index = SHARED_NAMES.indexOf(node.condition as (typeof SHARED_NAMES)[number]);
    return index < allowed ? node : { fact: 'amount', operator: 'greaterThan', value: 10 };
  }
  if ('all' in node) return { ...node, all: node.all.map((c) => breakCycles(c, allowed)) };
  if ('any' in node) return { ...node, any: node.any.map((c) => breakCycles(c, allowed)) };
  if ('not' in node) return { ...node, not: breakCycles(node.not, allowed) };
  return node;
}

export const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .tuple(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), fc.tuple(rootArb, rootArb, rootArb))
  .map(([rules, shared]) => ({
    rules,
    conditions: Object.fromEntries(
      shared.map((root, i) => {
        const fixed = breakCycles(root, i);
        return [SHARED_NAMES[i]!, ('fact' in fixed ? { all: [fixed] } : fixed) as TopLevelCondition];
      }),
    ),
  }));

/** Every rule at priority 1: many hits tie, so their order rests on the tick model alone. */
export const tiedRuleSetArb: fc.Arbitrary<RuleSet> = ruleSetArb.map((ruleSet) => ({
  ...ruleSet,
  rules: ruleSet.rules.map((rule) => ({ ...rule, priority: 1 })),
}));
