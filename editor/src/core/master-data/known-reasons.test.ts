import { describe, expect, it } from 'vitest';
import { knownReasons } from './known-reasons.ts';

describe('knownReasons', () => {
  it('collects reason codes from nested documents and from reason counts, once each, sorted', () => {
    const strategy = {
      nodes: [
        { content: { event: { type: 'hold', params: { reason: 'merge_wait' } } } },
        { content: { rows: [{ outputs: { reason: 'blacklist' } }, { outputs: { reason: '' } }] } },
      ],
    };
    const compiled = [{ event: { params: { reason: 'merge_wait' } } }];
    expect(knownReasons([strategy, compiled], [{ stock_short: 3 }, undefined])).toEqual([
      'blacklist',
      'merge_wait',
      'stock_short',
    ]);
  });

  it('ignores a reason that is not text', () => {
    expect(knownReasons([{ reason: 7, inner: { reason: { code: 'x' } } }], [])).toEqual([]);
  });
});
