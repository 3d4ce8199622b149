import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factValueArb } from '../differential/fact-arbitraries.ts';
import { OPERATOR_NAMES } from '../differential/rule-arbitraries.ts';
import { resolveOperator } from './resolve-operator.ts';
import { BASE_OPERATORS } from './standard-operators.ts';

const outcome = (run: () => boolean) => {
  try {
    return run();
  } catch {
    return 'throws';
  }
};

describe('resolveOperator', () => {
  it('applies decorators outermost first', () => {
    expect(resolveOperator('not:someFact:equal')!.evaluate([1, 2], 2)).toBe(false);
    expect(resolveOperator('everyValue:not:contains')!.evaluate(['a'], ['b', 'c'])).toBe(true);
    expect(resolveOperator('swap:in')!.evaluate(['SF', 'JD'], 'SF')).toBe(true);
    expect(resolveOperator('someFact:greaterThan')!.evaluate('12', 5)).toBe(false);
  });

  it.each(['near', ':equal', 'not:', 'toString', 'constructor:equal', 'equal:not'])(
    '%s is unknown',
    (name) => {
      expect(resolveOperator(name)).toBeUndefined();
    },
  );

  it('a prepared operator agrees with the operator, throws included', () => {
    const prepared = [...BASE_OPERATORS].filter(([, op]) => op.prepare);
    fc.assert(
      fc.property(fc.constantFrom(...prepared), factValueArb, factValueArb, ([, op], a, b) => {
        const withArray = Array.isArray(b) ? [...b, ...b, ...b] : b; // long enough for the Set path
        expect(outcome(() => op.prepare!(withArray)(a))).toBe(outcome(() => op.evaluate(a, withArray)));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws where it claims it cannot', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPERATOR_NAMES), factValueArb, factValueArb, (name, a, b) => {
        const op = resolveOperator(name)!;
        if (!op.mayThrow(undefined, { value: b }))
          expect(outcome(() => op.evaluate(a, b))).not.toBe('throws');
      }),
      { numRuns: 3000 },
    );
  });
});
