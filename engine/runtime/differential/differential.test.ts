import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../rules/schema.ts';
import { factsArb } from './fact-arbitraries.ts';
import { ruleSetArb, tiedRuleSetArb } from './rule-arbitraries.ts';
import { runBoth } from './run-both.ts';

/** Raise for a longer hunt: `DIFFERENTIAL_RUNS=20000 npx vitest run engine/runtime/differential`. */
const runs = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);
const timeout = Math.max(20_000, runs * 10);

function sameAsReference(ruleSets: fc.Arbitrary<RuleSet>) {
  return fc.asyncProperty(
    ruleSets,
    fc.array(factsArb, { minLength: 1, maxLength: 4 }),
    async (ruleSet, factsList) => {
      const { compiled, reference } = await runBoth(ruleSet, factsList);
      expect(compiled).toStrictEqual(reference);
    },
  );
}

/**
 * The compiled runtime against json-rules-engine on generated rule sets and facts: same hits,
 * same order, same events, and failing on the same orders. A counterexample found here becomes a
 * fixture in ./regressions, named for what it is.
 */
describe('compiled runtime ≡ json-rules-engine', () => {
  it(
    'decides generated rule sets exactly as json-rules-engine does',
    async () => {
      await fc.assert(sameAsReference(ruleSetArb), { numRuns: runs });
    },
    timeout,
  );

  it(
    'orders hits of equal priority exactly as json-rules-engine does',
    async () => {
      await fc.assert(sameAsReference(tiedRuleSetArb), { numRuns: Math.ceil(runs / 2) });
    },
    timeout,
  );
});
