import { describe, expect, it } from 'vitest';
import type { Client } from '../../client/index.ts';
import { regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import type { RankStep } from './route-chain.schema.ts';
import { RankMeasure } from './route-rank.ts';

describe('RankMeasure.first', () => {
  const cheapest: RankStep = { step: 'rank', by: 'cheapest', priority: [] };
  const order = regionalOrder();
  const lines = [{ sku: 'LIP-01', qty: 1 }];
  /** The regional client, counting how often the carriers are read: once for each order priced. */
  const counting = () => {
    const seen = { carriers: 0 };
    const client: Client = {
      ...regionalClient,
      get carriers() {
        seen.carriers++;
        return regionalClient.carriers;
      },
    };
    return { client, seen };
  };

  it('takes a lone warehouse without pricing the order', () => {
    const { client, seen } = counting();
    const [only] = regionalClient.warehouses;
    expect(new RankMeasure(cheapest, client, order, order.receiver, lines).first([only!])).toBe(only);
    expect(seen.carriers).toBe(0);
  });

  it('prices the order once to rank several', () => {
    const { client, seen } = counting();
    const measure = new RankMeasure(cheapest, client, order, order.receiver, lines);
    const best = measure.first(regionalClient.warehouses);
    expect(regionalClient.warehouses.map((w) => w.id)).toContain(best.id);
    expect(seen.carriers).toBe(1);
  });
});
