import { describe, expect, it } from 'vitest';
import { resolveFindings, type SourcedFinding } from './resolve-findings.ts';

const found = (
  source: SourcedFinding['source'],
  key: string,
  value: string,
  evidence = value,
): SourcedFinding => ({
  source,
  key,
  value,
  evidence,
  ruleId: 'r',
});

describe('resolveFindings', () => {
  it('takes the seller memo over the buyer message and names both in the conflict', () => {
    const extraction = resolveFindings(
      [
        found('buyerMessage', 'carrierRequest', 'SF', '发顺丰'),
        found('sellerMemo', 'carrierRequest', 'EMS', '{W:EMS}'),
      ],
      new Set(),
    );
    expect(extraction).toEqual({
      values: { carrierRequest: 'EMS' },
      conflicts: [
        {
          key: 'carrierRequest',
          message:
            'carrierRequest: seller memo says "EMS" ({W:EMS}); buyer message says "SF" (发顺丰); took "EMS" from the seller memo',
        },
      ],
    });
  });

  it('within one text takes the first rule’s value, and the same value twice is no conflict', () => {
    const extraction = resolveFindings(
      [
        found('buyerMessage', 'carrierRequest', 'SF', '顺丰快递'),
        found('buyerMessage', 'carrierRequest', 'JD', '京东快递'),
        found('sellerMemo', 'urgent', 'yes'),
        found('buyerMessage', 'urgent', 'yes'),
      ],
      new Set(),
    );
    expect(extraction.values).toEqual({ carrierRequest: 'SF', urgent: 'yes' });
    expect(extraction.conflicts.map((c) => c.key)).toEqual(['carrierRequest']);
  });

  it('keeps every distinct value of a collecting key as a list, never a conflict', () => {
    const extraction = resolveFindings(
      [
        found('buyerMessage', 'deliveryNote', '电联'),
        found('buyerMessage', 'deliveryNote', '不要放驿站'),
        found('sellerMemo', 'deliveryNote', '电联'),
      ],
      new Set(['deliveryNote']),
    );
    expect(extraction).toEqual({ values: { deliveryNote: ['电联', '不要放驿站'] }, conflicts: [] });
  });
});
