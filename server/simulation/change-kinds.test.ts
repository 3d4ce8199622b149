import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_NAMES } from '../../api/schemas/simulations.ts';
import { CHANGE_KINDS } from '../../simulate/diff/change-kinds.ts';

describe('change kinds', () => {
  // The API's document (browser-safe, it cannot import simulate/) spells out the kinds simulate/ diffs by.
  it('are the same in the API as in the simulation that finds them', () => {
    expect([...CHANGE_KIND_NAMES]).toEqual([...CHANGE_KINDS]);
  });
});
