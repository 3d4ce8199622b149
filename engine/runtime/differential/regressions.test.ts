import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../rules/schema.ts';
import { type Outcome, runBoth } from './run-both.ts';

interface Regression {
  description: string;
  ruleSet: RuleSet;
  facts: Record<string, unknown>[];
  /** What json-rules-engine 7.3.1 decides: pinned, so an upgrade that changes it is noticed. */
  expected: Outcome[];
}

const dir = new URL('./regressions/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map(
    (file) =>
      [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Regression,
      ] as const,
  );

describe('differential regressions', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));

  it.each(fixtures)('%s', async (_name, fixture) => {
    const { compiled, reference } = await runBoth(fixture.ruleSet, fixture.facts);
    // JSON has no `undefined`: compare the reference's outcome as JSON would carry it.
    expect(JSON.parse(JSON.stringify(reference))).toStrictEqual(fixture.expected);
    expect(compiled).toStrictEqual(reference);
  });
});
