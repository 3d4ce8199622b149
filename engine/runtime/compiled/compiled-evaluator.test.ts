import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../rules/schema.ts';
import { FACT_NAMES, factsArb } from '../differential/fact-arbitraries.ts';
import { ruleSetArb } from '../differential/rule-arbitraries.ts';
import { createReferenceEvaluator } from '../reference/reference-evaluator.ts';
import {
  canCompile,
  createCompiledEvaluator,
  plainFactsCheck,
  type RuleCompileError,
  RuleEvaluationError,
  UnsupportedFactError,
} from './index.ts';

const rule = (conditions: unknown, extra: Record<string, unknown> = {}) =>
  ({ conditions, event: { type: 'hit' }, ...extra }) as RuleSet['rules'][number];
const ruleSet = (rules: RuleSet['rules'], conditions: Record<string, unknown> = {}) =>
  ({ rules, conditions }) as RuleSet;
const gt = (value: number) => ({ fact: 'amount', operator: 'greaterThan', value });

/** `target` with a `then` property (written so, as lint rightly flags a literal `then`). */
const withThen = <T extends object>(target: T, then: unknown): T =>
  Object.assign(target, Object.fromEntries([['then', then]]));

function compileError(set: RuleSet): RuleCompileError {
  const result = canCompile(set);
  if (result.ok) throw new Error('expected a compile error');
  return result.error;
}

describe('createCompiledEvaluator', () => {
  it('evaluates synchronously and returns frozen hits', () => {
    const evaluator = createCompiledEvaluator(
      ruleSet([rule({ all: [gt(10)] }, { name: 'big', priority: 2 })]),
    );
    const hits = evaluator.evaluate({ amount: 20 });
    expect(hits).toEqual([{ name: 'big', priority: 2, event: { type: 'hit' } }]);
    expect(Object.isFrozen(hits[0])).toBe(true);
    expect(Object.isFrozen(hits[0]!.event)).toBe(true);
    expect(evaluator.evaluate({ amount: 5 })).toEqual([]);
  });

  it('does not change the rule set it is given', () => {
    const set = ruleSet([rule({ all: [{ ...gt(1), priority: 1.5 }, gt(2)] }, { priority: 3 })]);
    const before = JSON.stringify(set);
    createCompiledEvaluator(set);
    expect(JSON.stringify(set)).toBe(before);
  });

  it('names the rule and the operator it does not know', () => {
    const error = compileError(
      ruleSet([
        rule({ all: [gt(1)] }),
        rule({ any: [{ fact: 'a', operator: 'near', value: 1 }] }, { name: 'r2' }),
      ]),
    );
    expect(error).toMatchObject({
      code: 'unknown_operator',
      referenceCanRun: true,
      site: { ruleIndex: 1, ruleName: 'r2' },
    });
    expect(error.message).toBe('rule #1 "r2": unknown operator "near"');
    expect(
      compileError(ruleSet([rule({ all: [{ fact: 'a', operator: 'nope:equal', value: 1 }] })])).code,
    ).toBe('unknown_operator');
  });

  it('reports missing shared conditions and cycles, naming the rule', () => {
    expect(compileError(ruleSet([rule({ condition: 'ghost' }, { name: 'r' })]))).toMatchObject({
      code: 'missing_condition',
      message: 'rule #0 "r": no shared condition "ghost" exists',
    });
    const cycle = compileError(
      ruleSet([rule({ all: [{ condition: 'a' }] }, { name: 'r' })], {
        a: { any: [{ condition: 'b' }] },
        b: { not: { condition: 'a' } },
      }),
    );
    expect(cycle.code).toBe('condition_cycle');
    expect(cycle.message).toContain('a → b → a');
  });

  it('ignores shared conditions no rule names, as json-rules-engine does', () => {
    const set = ruleSet([rule({ all: [gt(1)] })], {
      loop: { all: [{ condition: 'loop' }] },
      odd: { all: [{ fact: 'a', operator: '??', value: 1 }] },
    });
    expect(canCompile(set).ok).toBe(true);
  });

  it('refuses what json-rules-engine refuses, and says the reference cannot run it either', () => {
    for (const bad of [
      ruleSet([rule({ all: [gt(1)] }, { priority: -1 })]),
      ruleSet([rule({ fact: 'a', operator: 'equal', value: 1 })]),
      ruleSet([rule({ all: [{ fact: 'a', operator: 'equal' }] })]),
      ruleSet([rule({ any: {} })]),
      ruleSet([{ conditions: { all: [] } } as never]),
      ruleSet([rule({ all: [] })], { '': { all: [] } }),
    ]) {
      expect(compileError(bad)).toMatchObject({ code: 'invalid_rule', referenceCanRun: false });
      expect(() => createReferenceEvaluator(bad)).toThrow();
    }
  });

  it('fails the order, naming the rule, where json-rules-engine fails the run', () => {
    const evaluator = createCompiledEvaluator(
      ruleSet([rule({ all: [{ fact: 'platform', operator: 'in', value: 5 }] }, { name: 'bad-in' })]),
    );
    expect(() => evaluator.evaluate({ platform: 'jd' })).toThrow(RuleEvaluationError);
    expect(() => evaluator.evaluate({ platform: 'jd' })).toThrow(/rule #0 "bad-in" failed: .*indexOf/);
  });

  it('refuses facts only json-rules-engine can use', () => {
    const evaluator = createCompiledEvaluator(ruleSet([rule({ all: [gt(1)] })]));
    expect(() => evaluator.evaluate({ amount: () => 5 })).toThrow(UnsupportedFactError);
    expect(() => evaluator.evaluate({ amount: Promise.resolve(5) })).toThrow(UnsupportedFactError);
    expect(() => evaluator.evaluate({ '': 1 })).toThrow(UnsupportedFactError);
  });

  it('reads only own facts: `toString` is a missing fact, not Object.prototype.toString', () => {
    const evaluator = createCompiledEvaluator(
      ruleSet([rule({ all: [{ fact: 'toString', operator: 'equal', value: { fact: 'absent' } }] })]),
    );
    expect(evaluator.evaluate({})).toHaveLength(1);
    expect(evaluator.evaluate(JSON.parse('{"toString": 1}'))).toHaveLength(0);
  });

  it('keeps indexOf semantics where a list has holes (not JSON, but a RuleSet may be built in code)', async () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const holey = [1, , 2];
    const longHoley = [...holey, 3, 4, 5, 6, 7, 8, 9, 10];
    const set = ruleSet([
      rule({ all: [{ fact: 'x', operator: 'in', value: holey }] }, { name: 'short' }),
      rule({ all: [{ fact: 'x', operator: 'in', value: longHoley }] }, { name: 'long' }),
    ]);
    for (const facts of [{}, { x: 2 }, { x: undefined }]) {
      expect(createCompiledEvaluator(set).evaluate(facts)).toEqual(
        await createReferenceEvaluator(set).evaluate(facts),
      );
    }
  });

  it('firstHit is evaluate()[0]', () => {
    fc.assert(
      fc.property(ruleSetArb, factsArb, (set, facts) => {
        const evaluator = createCompiledEvaluator(set);
        let all: unknown;
        try {
          all = evaluator.evaluate(facts)[0];
        } catch (error) {
          expect(() => evaluator.firstHit(facts)).toThrow((error as Error).constructor as never);
          return;
        }
        expect(evaluator.firstHit(facts)).toBe(all);
      }),
      { numRuns: 500 },
    );
  });

  it('lists the facts it checks, and evaluatePlain decides as evaluate wherever plainFactsCheck passes them', () => {
    const odd = fc.constantFrom<unknown>(
      () => 5,
      withThen({}, () => undefined),
      withThen({}, 'data'),
      withThen([1], () => undefined),
    );
    // Facts where any of the names may also be a function, a thenable or an object with a plain `then`.
    const oddFactsArb = fc
      .tuple(factsArb, fc.dictionary(fc.constantFrom(...FACT_NAMES), odd, { maxKeys: 2 }))
      .map(([facts, odds]) => ({ ...facts, ...odds }));
    fc.assert(
      fc.property(ruleSetArb, oddFactsArb, (set, facts) => {
        const evaluator = createCompiledEvaluator(set);
        if (!plainFactsCheck(evaluator.loads)(facts)) {
          expect(() => evaluator.evaluate(facts)).toThrow(UnsupportedFactError);
          return;
        }
        let hits: unknown;
        try {
          hits = evaluator.evaluate(facts);
        } catch (error) {
          expect(() => evaluator.evaluatePlain(facts, [])).toThrow((error as Error).constructor as never);
          return;
        }
        // Into an array holding more than the fired rules: they are written from index 0, and counted.
        const into = new Array<number>(8).fill(-1);
        const count = evaluator.evaluatePlain(facts, into);
        expect(into.slice(0, count).map((index) => evaluator.ruleHits[index])).toEqual(hits);
      }),
      { numRuns: 500 },
    );
  });

  it('checks a fact named like an Object.prototype member only where the facts own it', () => {
    const check = plainFactsCheck(['constructor', 'amount']);
    expect(check({ amount: 1 })).toBe(true);
    expect(check(Object.create({ constructor: () => 1 }))).toBe(true);
    expect(check({ amount: 1, constructor: () => 1 })).toBe(false);
    expect(check({ amount: withThen({}, () => 1) })).toBe(false);
    expect(check({ amount: withThen({}, 1) })).toBe(true);
    expect(check({ amount: 1, '': 1 })).toBe(false);
    expect(check({ amount: 1, '': undefined })).toBe(false);
    expect(check(Object.assign(Object.create(null), { '': 1 }))).toBe(false);
    expect(check(Object.create({ '': 1 }))).toBe(true);
    const evaluator = createCompiledEvaluator(
      ruleSet([rule({ all: [gt(10), { fact: 'constructor', operator: 'equal', value: 1 }] })]),
    );
    expect([...evaluator.loads].sort()).toEqual(['amount', 'constructor']);
  });
});
