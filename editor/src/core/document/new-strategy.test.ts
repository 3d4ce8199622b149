import { describe, expect, it } from 'vitest';
import { compileStrategy, StrategySchema } from '../engine.ts';
import { newStrategy, strategyIdFor } from './new-strategy.ts';

describe('new strategy', () => {
  it('is a valid document with a start and the family’s hit policy', () => {
    const doc = newStrategy({ clientId: 'demo', id: 'vip-tags', name: 'VIP 打标', family: 'tag' });
    expect(StrategySchema.parse(doc)).toEqual(doc);
    expect(doc.hitPolicy).toBe('collect');
    expect(newStrategy({ clientId: 'demo', id: 'r', name: 'r', family: 'routing' }).hitPolicy).toBe('first');
    // Start's branch leads nowhere yet: the first thing the canvas asks for.
    expect(compileStrategy(doc).issues.map((i) => i.code)).toEqual(['missing_branch']);
  });

  it('makes an id from a latin name, else from the family', () => {
    expect(strategyIdFor('VIP Tags', 'tag', new Set())).toBe('VIP-Tags'.toLowerCase());
    expect(strategyIdFor('分仓', 'routing', new Set(['routing']))).toBe('routing-2');
  });
});
