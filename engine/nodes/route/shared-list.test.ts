import { describe, expect, it } from 'vitest';
import { RECEIVERS, regionalClient, regionalOrder } from '../../logistics/fixtures/regional-client.ts';
import { placeKey } from '../../logistics/index.ts';
import { type AreaStep, type BindingStep, RouteChainSchema } from './route-chain.schema.ts';
import { areaPrecision, keepBound, keepCovering } from './route-filters.ts';
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

  const areaWith = (rules: object[]) =>
    RouteChainSchema.parse({ steps: [{ step: 'area', useClientCovers: true, rules }] }).steps[0] as AreaStep;

  it(`keeps at most ${MAX_REMEMBERED} places, then starts again, still right`, () => {
    // A rule naming a district: the step tells every district apart, so each key is its own place.
    const byDistrict = areaWith([{ warehouses: ['WH-BJ'], exclude: ['440305'] }]);
    const all = new SharedList(warehouses);
    const haikou = placeKey(regionalOrder({ receiver: RECEIVERS.haikou }).receiver);
    const first = all.covering(byDistrict, haikou);
    for (let i = 0; i < MAX_REMEMBERED; i++) all.covering(byDistrict, `99${String(i).padStart(4, '0')}`);
    const again = all.covering(byDistrict, haikou);
    expect(again).not.toBe(first);
    expect(again.ids).toEqual(first.ids);
    expect(again.ids).not.toContain('WH-GZ');
  });
  // 南山区 (440305) and 福田区 (440304) of 深圳, 天河区 (440106) of 广州, 广东 itself, and keys no region has.
  const places = ['440305', '440304', '440106', '4403', '44', '110105', '460108', '', 'nowhere', '44x305'];

  it('tells places apart only as finely as the regions the area step tests', () => {
    expect(areaPrecision(area, warehouses)).toBe(2);
    expect(areaPrecision(areaWith([{ exclude: ['深圳市'] }]), warehouses)).toBe(4);
    expect(areaPrecision(areaWith([{ include: ['440305'] }]), warehouses)).toBe(6);
    expect(areaPrecision(areaWith([{ include: ['no such place'] }]), [])).toBe(0);
  });

  it('shares one list among the places of a province or city the step cannot tell apart, still right', () => {
    for (const step of [
      area,
      areaWith([{ exclude: ['深圳市'] }]),
      areaWith([{ warehouses: ['WH-GZ'], include: ['440305'] }]),
    ]) {
      const all = new SharedList(warehouses);
      for (const place of places) {
        expect(all.covering(step, place).ids).toEqual(ids(keepCovering(step, place, warehouses)));
      }
    }
    const byProvince = new SharedList(warehouses);
    expect(byProvince.covering(area, '440305')).toBe(byProvince.covering(area, '440106'));
    const byCity = new SharedList(warehouses);
    const city = areaWith([{ exclude: ['深圳市'] }]);
    expect(byCity.covering(city, '440305')).toBe(byCity.covering(city, '440304'));
    expect(byCity.covering(city, '440305')).not.toBe(byCity.covering(city, '440106'));
  });
});
