import { describe, expect, it } from 'vitest';
import type { NestedCondition } from '../../rules/schema.ts';
import { factNames, factsRead } from './facts-read.ts';

const condition = {
  all: [
    { fact: 'skus', operator: 'contains', value: 'A' },
    {
      any: [
        { fact: 'receiver', path: '$.provinceCode', operator: 'equal', value: '31' },
        {
          not: { fact: 'amounts', path: '$.total', operator: 'lessThan', value: { fact: 'lowestPricePct' } },
        },
      ],
    },
  ],
} as NestedCondition;

describe('the facts a rule reads', () => {
  it('names every fact once, in nested groups and as a value, paths apart', () => {
    expect([...factNames(condition, new Set())]).toEqual(['skus', 'receiver', 'amounts', 'lowestPricePct']);
  });

  it('lists every path once, for the trace', () => {
    expect(factsRead(condition)).toEqual([
      'skus',
      'receiver.provinceCode',
      'amounts.total',
      'lowestPricePct',
    ]);
  });
});
