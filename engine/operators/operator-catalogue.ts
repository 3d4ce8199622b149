/**
 * What each operator accepts, so the compiler can reject a condition whose fact and value cannot
 * meet (e.g. `greaterThan` on a text field) before a single order runs, and the editor can offer
 * only the operators that fit a field.
 */
export type FactType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export type ValueShape =
  | 'scalar' // one value of the fact's own type
  | 'number'
  | 'list' // an array of scalars
  | 'range' // [min, max] numbers
  | 'regex' // a pattern string or {pattern, flags}
  | 'regions'; // region names or GB/T 2260 codes

export interface OperatorSpec {
  name: string;
  facts: readonly FactType[];
  value: ValueShape;
  label: { en: string; zh: string };
  /** Part of json-rules-engine's own set; the others are registered by `registerOperators`. */
  builtIn: boolean;
}

const scalarFacts = ['string', 'number', 'boolean'] as const;

export const OPERATORS: readonly OperatorSpec[] = [
  { name: 'equal', facts: scalarFacts, value: 'scalar', label: { en: 'equals', zh: '等于' }, builtIn: true },
  {
    name: 'notEqual',
    facts: scalarFacts,
    value: 'scalar',
    label: { en: 'does not equal', zh: '不等于' },
    builtIn: true,
  },
  {
    name: 'lessThan',
    facts: ['number'],
    value: 'number',
    label: { en: 'less than', zh: '小于' },
    builtIn: true,
  },
  {
    name: 'lessThanInclusive',
    facts: ['number'],
    value: 'number',
    label: { en: 'at most', zh: '小于等于' },
    builtIn: true,
  },
  {
    name: 'greaterThan',
    facts: ['number'],
    value: 'number',
    label: { en: 'greater than', zh: '大于' },
    builtIn: true,
  },
  {
    name: 'greaterThanInclusive',
    facts: ['number'],
    value: 'number',
    label: { en: 'at least', zh: '大于等于' },
    builtIn: true,
  },
  { name: 'in', facts: scalarFacts, value: 'list', label: { en: 'is one of', zh: '属于' }, builtIn: true },
  {
    name: 'notIn',
    facts: scalarFacts,
    value: 'list',
    label: { en: 'is none of', zh: '不属于' },
    builtIn: true,
  },
  {
    name: 'contains',
    facts: ['array'],
    value: 'scalar',
    label: { en: 'contains', zh: '包含' },
    builtIn: true,
  },
  {
    name: 'doesNotContain',
    facts: ['array'],
    value: 'scalar',
    label: { en: 'does not contain', zh: '不包含' },
    builtIn: true,
  },
  {
    name: 'containsAny',
    facts: ['array', 'string'],
    value: 'list',
    label: { en: 'contains any of', zh: '包含任一' },
    builtIn: false,
  },
  {
    name: 'containsAll',
    facts: ['array', 'string'],
    value: 'list',
    label: { en: 'contains all of', zh: '包含全部' },
    builtIn: false,
  },
  {
    name: 'matchesRegex',
    facts: ['string', 'number'],
    value: 'regex',
    label: { en: 'matches pattern', zh: '匹配正则' },
    builtIn: false,
  },
  {
    name: 'between',
    facts: ['number'],
    value: 'range',
    label: { en: 'between', zh: '介于' },
    builtIn: false,
  },
  {
    name: 'inRegion',
    facts: ['string', 'object'],
    value: 'regions',
    label: { en: 'is in region', zh: '属于地区' },
    builtIn: false,
  },
];

const byName = new Map(OPERATORS.map((spec) => [spec.name, spec]));

/**
 * `plugin:<id>` or `plugin:<id>@<version>` names an operator plugin (plugins/): it takes one value, and
 * what fact and value it accepts is in its manifest, which the plugin node and the pipeline check.
 */
export const PLUGIN_OPERATOR = /^plugin:([a-z][A-Za-z0-9]{0,63})(?:@([0-9A-Za-z.+-]{1,64}))?$/;

export function operatorSpec(name: string): OperatorSpec | undefined {
  const known = byName.get(name);
  if (known || !PLUGIN_OPERATOR.test(name)) return known;
  const facts: FactType[] = ['string', 'number', 'boolean', 'array'];
  return { name, facts, value: 'scalar', label: { en: name, zh: name }, builtIn: false };
}

export const OPERATOR_NAMES = OPERATORS.map((spec) => spec.name);
