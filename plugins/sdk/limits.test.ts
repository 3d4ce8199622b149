import { describe, expect, it } from 'vitest';
import { DEFAULT_PLUGIN_LIMITS, grantLimits } from './limits.ts';

describe('grantLimits', () => {
  it('gives the defaults when nothing is wished for', () => {
    expect(grantLimits([{ id: 'a', version: '1.0.0' }])).toEqual({
      limits: DEFAULT_PLUGIN_LIMITS,
      capped: [],
    });
  });

  it('takes the largest wish among the plugins, within the caps, and says what it cut', () => {
    const granted = grantLimits(
      [
        { id: 'a', version: '1.0.0', timeoutMs: 80 },
        { id: 'b', version: '2.0.0', timeoutMs: 500, memoryMb: 16 },
      ],
      { timeoutMs: 200, memoryMb: 64 },
    );
    expect(granted).toEqual({
      limits: { timeoutMs: 200, memoryMb: DEFAULT_PLUGIN_LIMITS.memoryMb },
      capped: ['b@2.0.0 wants timeoutMs 500; the host grants 200'],
    });
  });
});
