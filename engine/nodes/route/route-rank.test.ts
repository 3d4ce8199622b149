import { describe, expect, it } from 'vitest';
import { regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import { freightCost, Shipment } from '../../logistics/index.ts';
import type { RankStep } from './route-chain.schema.ts';
import { RankMeasure, rankFreight } from './route-rank.ts';

describe('RankMeasure.first', () => {
  const cheapest: RankStep = { step: 'rank', by: 'cheapest', priority: [] };
  const order = regionalOrder();
  const shipment = () => new Shipment([{ sku: 'LIP-01', qty: 1 }], order, regionalClient);
  /** The step's carriers, counting how often their freight is looked up: once for each order priced. */
  const counting = () => {
    const carriers = rankFreight(cheapest, regionalClient);
    const seen = { priced: 0 };
    for (const table of [carriers.prepaid, carriers.cod]) {
      const at = table.at.bind(table);
      table.at = (destination) => {
        seen.priced++;
        return at(destination);
      };
    }
    return { carriers, seen };
  };

  it('takes a lone warehouse without pricing the order', () => {
    const { carriers, seen } = counting();
    const [only] = regionalClient.warehouses;
    expect(new RankMeasure(cheapest, order, shipment(), carriers).first([only!])).toBe(only);
    expect(seen.priced).toBe(0);
  });

  it('prices the order once to rank several', () => {
    const { carriers, seen } = counting();
    const measure = new RankMeasure(cheapest, order, shipment(), carriers);
    const best = measure.first(regionalClient.warehouses);
    expect(regionalClient.warehouses.map((w) => w.id)).toContain(best.id);
    expect(seen.priced).toBe(1);
  });

  it('adds to handling the cheapest freight any usable carrier charges, as each carrier prices it', () => {
    const [warehouse] = regionalClient.warehouses;
    for (const type of ['normal', 'cod'] as const) {
      for (const carrier of [undefined, 'ZTO', 'EMS']) {
        const step: RankStep = { ...cheapest, carrier };
        const o = regionalOrder({ type });
        const goods = new Shipment([{ sku: 'LIP-01', qty: 7 }], o, regionalClient);
        const prices = regionalClient.carriers
          .filter((c) => (!carrier || c.id === carrier) && (type !== 'cod' || c.cod))
          .map((c) => freightCost(c, o.receiver, goods.weightKg))
          .filter((cost) => cost !== undefined);
        const measure = new RankMeasure(step, o, goods, rankFreight(step, regionalClient));
        expect(measure.of(warehouse!)).toBe(warehouse!.handlingCost + Math.min(...prices));
      }
    }
  });
});
