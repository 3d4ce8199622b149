import { describe, expect, it } from 'vitest';
import { RECEIVERS, regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import { placeKey } from '../../logistics/index.ts';
import { type AreaStep, type BindingStep, RouteChainSchema } from './route-chain.schema.ts';
import { keepBound, keepCovering } from './route-filters.ts';
import { MAX_REMEMBERED, SharedList } from './shared-list.ts';

const steps = RouteChainSchema.parse({
  steps: [
    { step: 'binding', rules: [{ shops: ['jd-self'], warehouses: ['WH-BJ', 'WH-SH'] }] },
    { step: 'area', useClientCovers: true },
  ],
}).steps;
const binding = steps[0] as BindingStep;
const area = steps[1] as AreaStep;
const warehouses = regionalClient.warehouses;
const ids = (ws: readonly { id: string }[]) => ws.map((w) => w.id);

describe('SharedList', () => {
  it('leaves what the binding and area filters leave, with the ids in the same order', () => {
    const all = new SharedList(warehouses);
    expect(all.ids).toEqual(ids(warehouses));
    for (const shop of ['jd-self', 'tmall-flagship']) {
      for (const platform of ['jd', 'tmall']) {
        const order = regionalOrder({ shop, platform });
        const bound = all.bound(binding, order);
        expect(ids(bound.warehouses)).toEqual(ids(keepBound(binding, order, warehouses)));
        expect(bound.ids).toEqual(ids(bound.warehouses));
        for (const receiver of Object.values(RECEIVERS)) {
          const to = placeKey(regionalOrder({ receiver }).receiver);
          const covering = bound.covering(area, to);
          expect(ids(covering.warehouses)).toEqual(ids(keepCovering(area, to, bound.warehouses)));
        }
      }
    }
  });

  it('gives the same list for the same shop and platform, or place, and another for another', () => {
    const all = new SharedList(warehouses);
    const jd = regionalOrder({ shop: 'jd-self', platform: 'jd' });
    const bound = all.bound(binding, jd);
    expect(all.bound(binding, regionalOrder({ shop: 'jd-self', platform: 'jd', id: 'R-2' }))).toBe(bound);
    expect(all.bound(binding, regionalOrder({ shop: 'jd-self', platform: 'tmall' }))).not.toBe(bound);
    expect(all.bound(binding, regionalOrder({ shop: 'tmall-flagship', platform: 'jd' }))).not.toBe(bound);
    const haikou = placeKey(regionalOrder({ receiver: RECEIVERS.haikou }).receiver);
    const beijing = placeKey(regionalOrder({ receiver: RECEIVERS.beijing }).receiver);
    expect(all.covering(area, haikou)).toBe(all.covering(area, haikou));
    expect(all.covering(area, beijing)).not.toBe(all.covering(area, haikou));
  });

  it(`keeps at most ${MAX_REMEMBERED} places, then starts again, still right`, () => {
    const all = new SharedList(warehouses);
    const haikou = placeKey(regionalOrder({ receiver: RECEIVERS.haikou }).receiver);
    const first = all.covering(area, haikou);
    for (let i = 0; i < MAX_REMEMBERED; i++) all.covering(area, `99${String(i).padStart(4, '0')}`);
    const again = all.covering(area, haikou);
    expect(again).not.toBe(first);
    expect(again.ids).toEqual(first.ids);
    expect(again.ids).not.toContain('WH-GZ');
  });
});
