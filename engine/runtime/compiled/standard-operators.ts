import { CUSTOM_OPERATORS, type CustomOperatorName, PREPARED_OPERATORS } from '../../operators/index.ts';
import type { SourcePool } from './source-pool.ts';

/** An operator as json-rules-engine applies it: `factValueValidator(a) && callback(a, b)`. */
export type BinaryOp = (factValue: unknown, ruleValue: unknown) => boolean;

/** What the compiler knows of one operand: its constant value, or nothing (read from facts). */
export type Known = { value: unknown } | undefined;

export interface OperatorDef {
  evaluate: BinaryOp;
  /**
   * `a => evaluate(a, value)` specialised for a constant value; only where provably the same. Without
   * `emit`, generated code calls the prepared function.
   */
  prepare?: (value: unknown) => (factValue: unknown) => boolean;
  /** Whether `evaluate` can throw for some JSON operands, given what is known of them. */
  mayThrow(fact: Known, value: Known): boolean;
  /**
   * Inline source for `evaluate(a, b)`, where `a` and `b` are side-effect-free expressions (a slot
   * or a pool constant) and `value` what is known of `b`; undefined to call `evaluate` instead.
   */
  emit?(a: string, b: string, value: Known, pool: SourcePool): string | undefined;
}

const never = (): boolean => false;

/** json-rules-engine's `numberValidator`: `Number.parseFloat(x).toString() !== 'NaN'`. */
export function isNumeric(value: unknown): boolean {
  // For a number, parseFloat(String(n)) is NaN exactly when n is: skip the string round trip.
  if (typeof value === 'number') return !Number.isNaN(value);
  // A missing fact: parseFloat would read the text "undefined" to find NaN.
  if (value === undefined) return false;
  return !Number.isNaN(Number.parseFloat(value as string));
}

interface Indexable {
  indexOf(needle: unknown): number;
}

/** True when `b.indexOf` exists on every JSON value `b` could be: a constant string or array. */
function indexable(known: Known): boolean {
  return known !== undefined && (typeof known.value === 'string' || Array.isArray(known.value));
}

/** Above this many primitives a Set beats `indexOf`; below it, inline comparisons do. */
const SET_THRESHOLD = 8;

/**
 * A list of primitives without holes: there `indexOf(a) > -1` is exactly `a === v0 || a === v1 …`
 * or, as a Set, `!Number.isNaN(a) && set.has(a)` (Set.has is SameValueZero, indexOf is strict
 * equality: they differ only on NaN, which indexOf never finds). A hole, skipped by indexOf,
 * would read as undefined in either, so holey lists keep `indexOf`.
 */
function primitiveList(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!(i in value) || (item !== null && typeof item === 'object')) return false;
  }
  return true;
}

function memberSet(value: unknown): Set<unknown> | undefined {
  return primitiveList(value) && value.length > SET_THRESHOLD ? new Set<unknown>(value) : undefined;
}

function memberOf(value: unknown): ((a: unknown) => boolean) | undefined {
  const set = memberSet(value);
  return set && ((a) => !Number.isNaN(a) && set.has(a));
}

function inOperator(negate: boolean): OperatorDef {
  const evaluate: BinaryOp = negate
    ? (a, b) => (b as Indexable).indexOf(a) === -1
    : (a, b) => (b as Indexable).indexOf(a) > -1;
  return {
    evaluate,
    prepare(value) {
      const member = memberOf(value);
      if (member) return negate ? (a) => !member(a) : member;
      return (a) => evaluate(a, value);
    },
    mayThrow: (_fact, value) => !indexable(value),
    emit(a, b, value, pool) {
      if (!indexable(value)) return undefined;
      const found = membershipSource(a, b, value!.value, pool);
      return negate ? `!(${found})` : `(${found})`;
    },
  };
}

/** Source for `b.indexOf(a) > -1`, with `b` the constant `list` (primitiveList explains the forms). */
function membershipSource(a: string, b: string, list: unknown, pool: SourcePool): string {
  const set = memberSet(list);
  if (set) return `${a} === ${a} && ${pool.ref(set)}.has(${a})`; // `a === a`: a is not NaN
  if (primitiveList(list)) return list.map((item) => `${a} === ${pool.ref(item)}`).join(' || ') || 'false';
  return `${b}.indexOf(${a}) > -1`;
}

function containsOperator(negate: boolean): OperatorDef {
  return {
    evaluate: negate
      ? (a, b) => Array.isArray(a) && a.indexOf(b) === -1
      : (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
    mayThrow: never,
    emit: (a, b) => `(isArray(${a}) && ${a}.indexOf(${b}) ${negate ? '=== -1' : '> -1'})`,
  };
}

function numericOperator(
  symbol: '<' | '<=' | '>' | '>=',
  compare: (a: number, b: number) => boolean,
): OperatorDef {
  return {
    evaluate: (a, b) => isNumeric(a) && compare(a as number, b as number),
    mayThrow: never,
    emit: (a, b) => `(isNumeric(${a}) && ${a} ${symbol} ${b})`,
  };
}

/** json-rules-engine 7.3.1's default operators (engine-default-operators.js), then ours. */
export const BASE_OPERATORS: ReadonlyMap<string, OperatorDef> = new Map<string, OperatorDef>([
  [
    'equal',
    {
      evaluate: (a, b) => a === b,
      prepare: (value) => (a) => a === value,
      mayThrow: never,
      emit: (a, b) => `(${a} === ${b})`,
    },
  ],
  [
    'notEqual',
    {
      evaluate: (a, b) => a !== b,
      prepare: (value) => (a) => a !== value,
      mayThrow: never,
      emit: (a, b) => `(${a} !== ${b})`,
    },
  ],
  ['in', inOperator(false)],
  ['notIn', inOperator(true)],
  ['contains', containsOperator(false)],
  ['doesNotContain', containsOperator(true)],
  // Comparisons keep JavaScript's own coercion (`'5' < 10`), exactly as json-rules-engine does.
  ['lessThan', numericOperator('<', (a, b) => a < b)],
  ['lessThanInclusive', numericOperator('<=', (a, b) => a <= b)],
  ['greaterThan', numericOperator('>', (a, b) => a > b)],
  ['greaterThanInclusive', numericOperator('>=', (a, b) => a >= b)],
  // Ours are registered without a validator and are total by contract (see custom-operators.ts).
  ...Object.entries(CUSTOM_OPERATORS).map(([name, predicate]): [string, OperatorDef] => [
    name,
    { evaluate: predicate, prepare: PREPARED_OPERATORS[name as CustomOperatorName], mayThrow: never },
  ]),
]);
