import { describe, expect, it } from 'vitest';
import { testOrder } from '../../nodes/gift/apply-event.test-helper.ts';
import { InMemoryState } from '../../state/index.ts';
import { buyerOrderCountFact } from './buyer-history.ts';

describe('buyerOrderCount', () => {
  const state = new InMemoryState({ buyers: { u1: 2 } });
  const count = (id: string) =>
    buyerOrderCountFact.compute({
      order: testOrder({ buyer: { id } }),
      client: undefined,
      state,
      now: new Date(),
    });

  it('counts the orders decided before this one, 0 for a new buyer, -1 without a buyer id', () => {
    expect([count('u1'), count('u2'), count('')]).toEqual([2, 0, -1]);
  });
});
