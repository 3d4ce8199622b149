import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Carrier } from '../client/index.ts';
import { regionalClient } from './fixtures/regional-client.ts';
import { carrierRefusal, chargeUnder, FreightTable, freightCost, refusalUnder } from './freight.ts';
import type { RegionCodes } from './region-codes.ts';

// Terms are kept per place only as far as the carrier's lists read it: the province for 海南,
// the city for 三沙市, the district for 西湖区. Places alike that far share terms; others do not.
const fine: Carrier = {
  id: 'FINE',
  name: 'Fine',
  cod: false,
  excludes: ['三沙市'],
  freight: [
    { regions: ['330106'], firstKg: 1, extraKg: 1 },
    { regions: ['海南'], firstKg: 2, extraKg: 1 },
    { regions: ['浙江'], firstKg: 3, extraKg: 1 },
  ],
};

describe('freight terms kept per place', () => {
  const places: [string, RegionCodes, number | undefined][] = [
    ['西湖区', { provinceCode: '33', cityCode: '3301', districtCode: '330106' }, 1],
    ['上城区', { provinceCode: '33', cityCode: '3301', districtCode: '330102' }, 3],
    ['杭州 by a 6-digit city code', { provinceCode: '33', cityCode: '330100' }, 3],
    ['海口', { provinceCode: '46', cityCode: '4601', districtCode: '460105' }, 2],
    ['三沙', { provinceCode: '46', cityCode: '4603', districtCode: '460321' }, undefined],
    ['海南, province only', { provinceCode: '460000' }, 2],
    ['a code that is no code', { districtCode: 'x46' }, undefined],
    ['nowhere', {}, undefined],
  ];

  it('tells places apart as finely as the carrier lists them, whatever was asked before', () => {
    const asked = (list: typeof places) => list.map(([name, place]) => [name, freightCost(fine, place, 1)]);
    const expected = places.map(([name, , cost]) => [name, cost]);
    expect(asked(places)).toEqual(expected);
    expect(asked([...places].reverse())).toEqual([...expected].reverse());
    expect(carrierRefusal(fine, places[4]![1])).toMatch(/excluded/);
    expect(carrierRefusal(fine, places[5]![1])).toBeNull();
    expect(carrierRefusal(fine, {})).toMatch(/no freight rate/);
  });
});

describe('FreightTable', () => {
  // Places as precise as a province, a city or a district, padded codes, and codes that are no code.
  const codes = [
    '33',
    '330000',
    '3301',
    '330100',
    '330106',
    '31',
    '310115',
    '46',
    '4603',
    '460321',
    '65',
    'x46',
    '',
  ];
  const place = (code: string): RegionCodes =>
    code.length <= 2
      ? { provinceCode: code }
      : code.length <= 4
        ? { cityCode: code }
        : { districtCode: code };
  const carriers = [...regionalClient.carriers, fine];

  it("answers each carrier's own terms, whatever places and carrier lists were asked before", () => {
    fc.assert(
      fc.property(
        fc.subarray(carriers, { minLength: 1 }),
        fc.array(fc.tuple(fc.constantFrom(...codes), fc.double({ min: 0, max: 40, noNaN: true })), {
          minLength: 1,
          maxLength: 20,
        }),
        (listed, asked) => {
          const table = new FreightTable(listed);
          for (const [code, weightKg] of asked) {
            const destination = place(code);
            const terms = table.at(destination);
            expect(terms.map((t) => chargeUnder(t, weightKg))).toEqual(
              listed.map((c) => freightCost(c, destination, weightKg)),
            );
            expect(terms.map((t, i) => refusalUnder(listed[i]!, t))).toEqual(
              listed.map((c) => carrierRefusal(c, destination)),
            );
          }
        },
      ),
    );
  });
});
