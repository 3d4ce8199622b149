import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction, SourcedFinding } from './resolve-findings.ts';
import { resolveFindings } from './resolve-findings.ts';

/**
 * resolveFindings as first written, with a sorted copy, a Map of keys and a Set of values per key:
 * the definition the list-based version must agree with, key order and message text included.
 */
function reference(findings: readonly SourcedFinding[], collecting: ReadonlySet<string>): Extraction {
  const precedence = ['sellerMemo', 'buyerMessage'];
  const names: Record<string, string> = { sellerMemo: 'seller memo', buyerMessage: 'buyer message' };
  const rank = (f: SourcedFinding) => precedence.indexOf(f.source);
  const byKey = new Map<string, SourcedFinding[]>();
  for (const finding of [...findings].sort((a, b) => rank(a) - rank(b))) {
    const list = byKey.get(finding.key);
    if (list) list.push(finding);
    else byKey.set(finding.key, [finding]);
  }
  const extraction: Extraction = { values: {}, conflicts: [] };
  for (const [key, list] of byKey) {
    const distinct = [...new Set(list.map((f) => f.value))];
    if (collecting.has(key)) {
      extraction.values[key] = distinct;
      continue;
    }
    const winner = list[0]!;
    extraction.values[key] = winner.value;
    if (distinct.length > 1) {
      const seen = new Set<string>();
      const claims = list.flatMap((f) => {
        const id = `${f.source}\u0000${String(f.value)}`;
        if (seen.has(id)) return [];
        seen.add(id);
        return [`${names[f.source]} says ${JSON.stringify(f.value)} (${f.evidence})`];
      });
      const message = `${key}: ${claims.join('; ')}; took ${JSON.stringify(winner.value)} from the ${names[winner.source]}`;
      extraction.conflicts.push({ key, message });
    }
  }
  return extraction;
}

const finding: fc.Arbitrary<SourcedFinding> = fc.record({
  ruleId: fc.constantFrom('r1', 'r2'),
  key: fc.constantFrom('carrierRequest', 'urgent', 'deliveryNote', 'invoice'),
  value: fc.oneof(
    fc.constantFrom('SF', 'JD', '电联', '', true, false, 0, -0, 1, Number.NaN),
    fc.string({ maxLength: 2 }),
  ),
  evidence: fc.constantFrom('发顺丰', '{W:SF}', 'x'),
  source: fc.constantFrom('buyerMessage', 'sellerMemo'),
});

describe('resolveFindings', () => {
  it('resolves as the Map-and-Set definition does: same values, key order, conflicts and messages', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 8 }),
        fc.subarray(['carrierRequest', 'urgent', 'deliveryNote', 'invoice']),
        (findings, keys) => {
          const collecting = new Set(keys);
          const got = resolveFindings(findings, collecting);
          const want = reference(findings, collecting);
          expect(got).toEqual(want);
          expect(Object.keys(got.values)).toEqual(Object.keys(want.values));
          for (const key of Object.keys(want.values))
            expect(Object.is(got.values[key], want.values[key]) || Array.isArray(want.values[key])).toBe(
              true,
            );
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
