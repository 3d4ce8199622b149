import { BASE_OPERATORS, type BinaryOp, type Known, type OperatorDef } from './standard-operators.ts';

interface Decorator {
  decorate(inner: OperatorDef): OperatorDef;
}

const someOrEvery = (method: 'some' | 'every', over: 'fact' | 'value'): Decorator => ({
  decorate(inner) {
    const next = inner.evaluate;
    if (over === 'fact') {
      // someFact/everyFact carry the Array.isArray validator: a non-array fact is simply false.
      return {
        evaluate: (a, b) => Array.isArray(a) && a[method]((fv: unknown) => next(fv, b)),
        mayThrow: (_fact, value) => inner.mayThrow(undefined, value),
      };
    }
    // someValue/everyValue have no validator: json-rules-engine calls `value.some` on whatever the
    // value is and the run fails when it is not an array. Keep that call literal.
    return {
      evaluate: (a, b) => (b as unknown[])[method]((jv: unknown) => next(a, jv)),
      mayThrow: (fact, value) =>
        !(value !== undefined && Array.isArray(value.value)) ||
        value.value.some((jv: unknown) => inner.mayThrow(fact, { value: jv })),
    };
  },
});

/** json-rules-engine 7.3.1's default decorators (engine-default-operator-decorators.js). */
const DECORATORS: ReadonlyMap<string, Decorator> = new Map<string, Decorator>([
  ['someFact', someOrEvery('some', 'fact')],
  ['everyFact', someOrEvery('every', 'fact')],
  ['someValue', someOrEvery('some', 'value')],
  ['everyValue', someOrEvery('every', 'value')],
  [
    'swap',
    {
      decorate: (inner) => ({
        evaluate: (a, b) => inner.evaluate(b, a),
        mayThrow: (fact: Known, value: Known) => inner.mayThrow(value, fact),
      }),
    },
  ],
  [
    'not',
    {
      decorate: (inner) => ({
        evaluate: ((a, b) => !inner.evaluate(a, b)) satisfies BinaryOp,
        mayThrow: (fact: Known, value: Known) => inner.mayThrow(fact, value),
      }),
    },
  ],
]);

/**
 * An operator name as json-rules-engine's OperatorMap.get reads it: `not:someFact:equal` is `not`
 * around `someFact` around `equal`; a leading `:` or an unknown decorator makes it unknown.
 */
export function resolveOperator(name: string): OperatorDef | undefined {
  const base = BASE_OPERATORS.get(name);
  if (base) return base;
  const colon = name.indexOf(':');
  if (colon <= 0) return undefined;
  const decorator = DECORATORS.get(name.slice(0, colon));
  const inner = decorator && resolveOperator(name.slice(colon + 1));
  return inner && decorator.decorate(inner);
}
