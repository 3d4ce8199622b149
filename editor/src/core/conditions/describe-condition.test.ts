import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe-condition.ts';

const words = {
  fact: (p: string) => ({ 'amounts.total': '订单金额', platform: '平台' })[p] ?? p,
  operator: (o: string) => ({ greaterThanInclusive: '≥', equal: '=', in: '属于' })[o] ?? o,
  and: '且',
  or: '或',
  not: '非',
};

describe('describeCondition', () => {
  it('reads a condition as a sentence in the consultant’s words', () => {
    expect(
      describeCondition(
        {
          all: [
            { fact: 'amounts.total', operator: 'greaterThanInclusive', value: 200 },
            {
              any: [
                { fact: 'platform', operator: 'in', value: ['tmall', 'jd'] },
                { not: { fact: 'x', operator: 'equal', value: 1 } },
              ],
            },
          ],
        },
        words,
      ),
    ).toBe('订单金额 ≥ 200 且 (平台 属于 tmall、jd 或 非 x = 1)');
  });

  it('never throws on half-made conditions', () => {
    expect(describeCondition({ all: [] }, words)).toBe('…');
    expect(describeCondition(undefined, words)).toBe('…');
  });
});
