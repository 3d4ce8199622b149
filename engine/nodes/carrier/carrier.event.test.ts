import { describe, expect, it } from 'vitest';
import type { Decision } from '../../decision/decision.ts';
import { RECEIVERS, regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { DecisionBuilder } from '../../runtime/pipeline/decision-builder.ts';
import { InMemoryState } from '../../state/index.ts';
import { CarrierChainSchema } from './carrier-chain.schema.ts';

const PLATFORM_FORCED = [
  { platform: 'jd', types: ['cod'], carrier: 'JD' },
  { platform: 'douyin', labels: ['顺丰包邮'], carrier: 'SF' },
];

/** A precedence chain with every level filled, as a client might configure it. */
const full = (more: object = {}) =>
  CarrierChainSchema.parse({
    platform: PLATFORM_FORCED,
    remark: { allowed: ['SF', 'EMS', 'JD'] },
    sku: [{ skus: ['SERUM-04'], carrier: 'SF' }],
    shop: [{ shops: ['douyin-live'], carrier: 'YTO' }],
    weight: [{ minKg: 3, carrier: 'YUNDA' }],
    area: [{ regions: ['新疆', '西藏', '青海'], carrier: 'EMS' }],
    warehouse: [
      { warehouse: 'WH-SH', carrier: 'ZTO' },
      { warehouse: 'WH-XA', carrier: 'YTO' },
    ],
    ...more,
  });

function choose(chain: object, order: StandardOrder, before: (d: Decision) => void = () => {}): Decision {
  const builder = new DecisionBuilder(order, regionalClient, new InMemoryState());
  builder.decision.warehouse = 'WH-SH';
  before(builder.decision);
  builder.apply({ type: 'carrier', params: { chain } }, { strategyId: 'carrier', nodeId: 'chain' });
  return builder.finish();
}
const asking = (request: unknown) => (d: Decision) => {
  d.extracted.carrierRequest = request;
};
const explain = (d: Decision) => d.events.find((e) => e.type === 'carrier.explain')?.params;
const order = (more: Record<string, unknown> = {}) => regionalOrder(more);

describe('carrier chain: precedence', () => {
  it('forces JD logistics on a JD COD order even when the remark asks for SF', () => {
    const jdCod = order({ platform: 'jd', shop: 'jd-self', type: 'cod' });
    const decision = choose(full(), jdCod, asking('SF'));
    expect(decision.carrier).toBe('JD');
    expect(explain(decision)).toMatchObject({ carrier: 'JD', level: 'platform', skipped: [] });
  });

  it('forces SF on a Douyin order with the SF label', () => {
    const labelled = order({ platform: 'douyin', shop: 'douyin-live', labels: ['顺丰包邮'] });
    expect(choose(full(), labelled).carrier).toBe('SF');
    expect(choose(full(), order({ platform: 'douyin', shop: 'douyin-live' })).carrier).toBe('YTO');
  });

  it('honours a remark request for an allowed carrier, by id or by name', () => {
    expect(choose(full(), order(), asking('SF')).carrier).toBe('SF');
    expect(choose(full(), order(), asking('sf')).carrier).toBe('SF');
    expect(choose(full(), order(), asking('中国邮政 EMS')).carrier).toBe('EMS');
    expect(choose(full(), order(), asking({ carrier: 'JD' })).carrier).toBe('JD');
  });

  it('skips a remark request for a carrier not allowed or unknown, saying why, and goes on', () => {
    const decision = choose(full(), order(), asking(['YUNDA', 'DHL']));
    expect(decision.carrier).toBe('ZTO');
    expect(explain(decision)).toMatchObject({
      level: 'warehouse',
      skipped: [
        { level: 'remark', carrier: 'YUNDA', reason: 'YUNDA is not a carrier a remark may ask for' },
        { level: 'remark', carrier: 'DHL', reason: 'the client has no carrier "DHL"' },
      ],
    });
  });

  it('takes SKU over shop, shop over weight, weight over area, area over warehouse', () => {
    const serum = [{ sku: 'SERUM-04', qty: 1, price: 599 }];
    const heavy = [{ sku: 'CREAM-02', qty: 10, price: 399 }];
    const douyin = { platform: 'douyin', shop: 'douyin-live' };
    expect(choose(full(), order({ ...douyin, lines: serum })).carrier).toBe('SF');
    expect(choose(full(), order({ ...douyin, lines: heavy })).carrier).toBe('YTO');
    expect(choose(full(), order({ lines: heavy })).carrier).toBe('YUNDA');
    expect(choose(full(), order({ receiver: RECEIVERS.urumqi })).carrier).toBe('EMS');
    expect(choose(full(), order()).carrier).toBe('ZTO');
  });

  it('weighs what ships, with client SKU weights where the order gives none', () => {
    // 6 × 0.5 kg from the client's catalogue: 3 kg, the lower edge of the YUNDA band.
    const decision = choose(full(), order({ lines: [{ sku: 'CREAM-02', qty: 6, price: 399 }] }));
    expect(decision.carrier).toBe('YUNDA');
    expect(explain(decision)).toMatchObject({ weightKg: 3, level: 'weight' });
  });

  it('uses the warehouse routing chose', () => {
    const fromXian = (d: Decision) => {
      d.warehouse = 'WH-XA';
    };
    expect(choose(full(), order(), fromXian).carrier).toBe('YTO');
  });
});

describe('carrier chain: carriers that cannot take the order', () => {
  it('reaches the remote provinces with EMS only, skipping the carriers that exclude them', () => {
    const chain = full({ weight: [{ minKg: 0, carrier: 'ZTO' }] });
    for (const receiver of [RECEIVERS.urumqi, RECEIVERS.lhasa, RECEIVERS.xining]) {
      const decision = choose(chain, order({ receiver }));
      expect(decision.carrier).toBe('EMS');
      expect(explain(decision)).toMatchObject({
        skipped: [
          { level: 'weight', carrier: 'ZTO', reason: expect.stringMatching(/does not deliver there/) },
        ],
      });
    }
  });

  it('skips a carrier without cash on delivery for a COD order', () => {
    const decision = choose(full(), order({ type: 'cod' }));
    expect(decision.carrier).toBeNull();
    expect(explain(decision)).toMatchObject({
      skipped: [{ carrier: 'ZTO', reason: 'ZTO does not take cash on delivery' }],
    });
  });

  it('holds no_carrier when nothing is left, naming what it skipped', () => {
    const decision = choose(full({ area: [] }), order({ receiver: RECEIVERS.lhasa }), (d) => {
      d.warehouse = 'WH-XA';
    });
    expect(decision.status).toBe('held');
    expect(decision.holds).toEqual([
      expect.objectContaining({
        reason: 'no_carrier',
        nodeId: 'chain',
        message: expect.stringMatching(/YTO \(warehouse\): YTO does not deliver there/),
      }),
    ]);
  });

  it('holds no_carrier when no level names a carrier', () => {
    const decision = choose(full({ warehouse: [] }), order());
    expect(decision.holds[0]).toMatchObject({
      reason: 'no_carrier',
      message: expect.stringMatching(/no level/),
    });
  });
});

describe('carrier chain: cheapest', () => {
  const cheapest = (more: object = {}) =>
    CarrierChainSchema.parse({ mode: 'cheapest', platform: PLATFORM_FORCED, ...more });

  it('takes the cheapest carrier by freight table for the province and weight', () => {
    expect(choose(cheapest(), order())).toMatchObject({ carrier: 'YUNDA' });
    expect(explain(choose(cheapest(), order()))).toMatchObject({ level: 'cheapest', freight: 4.5 });
    const beijing = order({ receiver: RECEIVERS.beijing, lines: [{ sku: 'CREAM-02', qty: 3, price: 1 }] });
    expect(explain(choose(cheapest(), beijing))).toMatchObject({ carrier: 'YTO', freight: 9.5 });
  });

  it('compares only the carriers it is given, and only those that can take the order', () => {
    expect(choose(cheapest({ cheapestAmong: ['SF', 'JD'] }), order()).carrier).toBe('JD');
    expect(choose(cheapest(), order({ type: 'cod' })).carrier).toBe('EMS');
    expect(choose(cheapest(), order({ receiver: RECEIVERS.xining })).carrier).toBe('EMS');
  });

  it('still lets the platform force and the remark ask first', () => {
    expect(choose(cheapest(), order({ platform: 'jd', shop: 'jd-self', type: 'cod' })).carrier).toBe('JD');
    expect(choose(cheapest(), order(), asking('SF')).carrier).toBe('SF');
  });
});

describe('carrier: fixed carrier', () => {
  it('sets the carrier as a decision-table row says, without an explanation', () => {
    const builder = new DecisionBuilder(order(), undefined, new InMemoryState());
    builder.apply({ type: 'carrier', params: { carrier: 'SF' } }, { strategyId: 'carrier', nodeId: 'row' });
    expect(builder.finish()).toMatchObject({ carrier: 'SF', events: [{ type: 'carrier' }] });
  });
});

describe('carrier chain: an order without lines (an order-level export)', () => {
  const noLines = (more: Record<string, unknown> = {}) => order({ lines: [], ...more });
  const held = (d: Decision) => d.holds.map((h) => `${h.reason}: ${h.message}`);

  it('still takes a platform-forced or remark-asked carrier: neither reads lines', () => {
    expect(choose(full(), noLines({ platform: 'jd', shop: 'jd-self', type: 'cod' })).carrier).toBe('JD');
    expect(choose(full(), noLines(), asking('EMS'))).toMatchObject({ carrier: 'EMS', holds: [] });
  });

  it('is held no_lines at the SKU level instead of falling through to shop, weight or warehouse', () => {
    const decision = choose(full(), noLines());
    expect(decision.carrier).toBeNull();
    expect(held(decision)).toEqual([
      "no_lines: the carrier chain's sku level needs the order's lines, and the order has none (its source gave no line detail)",
    ]);
    expect(explain(decision)).toMatchObject({ carrier: null, needsLines: 'sku' });
  });

  it('without SKU rules, lets the shop level choose, and holds at the weight level', () => {
    expect(choose(full({ sku: [] }), noLines({ shop: 'douyin-live' })).carrier).toBe('YTO');
    expect(explain(choose(full({ sku: [] }), noLines()))).toMatchObject({ needsLines: 'weight' });
  });

  it('chooses by area or warehouse when no level before them reads lines', () => {
    const byPlace = full({ sku: [], weight: [] });
    expect(choose(byPlace, noLines({ receiver: RECEIVERS.urumqi })).carrier).toBe('EMS');
    expect(choose(byPlace, noLines())).toMatchObject({ carrier: 'ZTO', holds: [] });
  });

  it('cannot price the cheapest carrier without the weight', () => {
    const cheapest = CarrierChainSchema.parse({ mode: 'cheapest' });
    expect(held(choose(cheapest, noLines()))).toEqual([
      "no_lines: the carrier chain's cheapest level needs the order's lines, and the order has none (its source gave no line detail)",
    ]);
  });
});
