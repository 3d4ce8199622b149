import { describe, expect, it } from 'vitest';
import { rollUpRefunds } from './refund-rollup.ts';

describe('rollUpRefunds', () => {
  it.each([
    [['none', 'none'], 'none'],
    [['none', 'pending'], 'pending'],
    [['refunded', 'pending'], 'pending'],
    [['refunded', 'refunded'], 'refunded'],
    [['refunded', 'none'], 'partRefunded'],
    [['partRefunded'], 'partRefunded'],
  ] as const)('%j → %s', (lines, expected) => {
    expect(rollUpRefunds(lines.map((refundStatus) => ({ refundStatus })))).toBe(expected);
  });

  it('treats a line without a state as not refunded', () => {
    expect(rollUpRefunds([{}, { refundStatus: 'refunded' }])).toBe('partRefunded');
  });
});
