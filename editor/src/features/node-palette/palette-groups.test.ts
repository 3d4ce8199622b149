import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../core/engine.ts';
import { paletteGroups } from './palette-groups.ts';

describe('palette groups', () => {
  it('offers every kind but start, once, flow first', () => {
    const groups = paletteGroups();
    expect(groups[0]!.id).toBe('flow');
    const offered = groups.flatMap((g) => g.kinds.map((k) => k.kind)).sort();
    expect(offered).toEqual(
      Object.keys(NODE_KINDS)
        .filter((k) => k !== 'start')
        .sort(),
    );
  });
});
