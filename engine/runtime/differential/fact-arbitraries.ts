import fc from 'fast-check';

/**
 * Facts shaped like the ones orders give, plus the awkward values json-rules-engine treats in its
 * own way: missing, undefined and null facts, numbers written as strings, empty arrays, nested
 * objects, Chinese text, region names and codes.
 */

/** Fact names rules test; `constructor` and `toString` also name Object.prototype members. */
export const FACT_NAMES = [
  'amount',
  'platform',
  'tags',
  'receiver',
  'remark',
  'lines',
  'constructor',
  'toString',
] as const;

export const SCALARS = [
  0,
  1,
  5,
  100,
  199.5,
  -1,
  '5',
  '100',
  '1e3',
  ' 7',
  '0x10',
  '',
  'abc',
  'undefined',
  'tmall',
  'jd',
  '上海',
  '浙江省',
  '杭州',
  '330106',
  '31',
  '发顺丰',
  '顺丰 SF',
  '不要放驿站',
  true,
  false,
  null,
] as const;

export const scalarArb = fc.oneof(fc.constantFrom(...SCALARS), fc.integer({ min: -5, max: 300 }));

const regionObjectArb = fc.record(
  {
    provinceCode: fc.constantFrom('33', '31', '44', '65', ''),
    cityCode: fc.constantFrom('3301', '3101', '4403', ''),
    districtCode: fc.constantFrom('330106', '440305', ''),
    province: fc.constantFrom('浙江省', '上海', '广东', '新疆'),
  },
  { requiredKeys: [], noNullPrototype: true },
);

export const factValueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'fact' },
    scalarArb,
    fc.constant(undefined),
    fc.array(scalarArb, { maxLength: 4 }),
    regionObjectArb,
    tie('object'),
    fc.array(tie('object'), { maxLength: 3 }),
  ),
  object: fc.record(
    {
      province: tie('value'),
      city: tie('value'),
      code: scalarArb,
      sku: fc.constantFrom('A1', 'B2', 'GIFT', ''),
      tags: fc.array(scalarArb, { maxLength: 3 }),
      0: scalarArb,
      length: scalarArb,
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
})).value;

/** Some of the named facts, each possibly missing or undefined. */
export const factsArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record(Object.fromEntries(FACT_NAMES.map((name) => [name, factValueArb])), {
    requiredKeys: [],
    noNullPrototype: true,
  })
  .map((facts) => facts as Record<string, unknown>);
