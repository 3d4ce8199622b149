import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseOrder } from '../../order/normalise.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { joinedKey, type MatchKeys, mergeKey, mergeMatch, orderMergeKey, shipsFrom } from './merge-key.ts';

const order = (receiver: Record<string, string> = {}, overrides: Record<string, unknown> = {}) =>
  normaliseOrder({
    id: 'T-1',
    platform: 'tmall',
    shop: 'TM-1',
    createdAt: '2026-11-11T10:00:00+08:00',
    paidAt: '2026-11-11T10:00:05+08:00',
    amounts: { total: 10 },
    buyer: { id: 'b-1' },
    receiver: {
      name: '王*',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '文三路 90 号',
      ...receiver,
    },
    lines: [{ sku: 'A', qty: 1, price: 10 }],
    ...overrides,
  });
const placed = { warehouse: 'WH-SH', parcels: [], carrier: 'ZTO' };
const keyOf = (
  o: ReturnType<typeof order>,
  keys: MatchKeys = { warehouse: false, carrier: false, presale: false },
) => mergeKey(mergeMatch(o, placed, keys));

describe('mergeKey', () => {
  it('is the same for the same parcel, whatever the whitespace in the address', () => {
    expect(keyOf(order())).toBe(keyOf(order({ address: '文三路90号' })));
    expect(keyOf(order())).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells apart another buyer, receiver, phone, street, district or shop', () => {
    const base = keyOf(order());
    expect(keyOf(order({}, { buyer: { id: 'b-2' } }))).not.toBe(base);
    expect(keyOf(order({ name: '李*' }))).not.toBe(base);
    expect(keyOf(order({ phone: '139****5678' }))).not.toBe(base);
    expect(keyOf(order({ address: '文三路 91 号' }))).not.toBe(base);
    expect(keyOf(order({ district: '上城区' }))).not.toBe(base);
    expect(keyOf(order({}, { shop: 'TM-2' }))).not.toBe(base);
  });

  it('reads a masked receiver by its oaid when asked: one addressee whatever the masks, two whatever the same masks', () => {
    const byId = { warehouse: false, carrier: false, addressee: true, presale: false };
    const masked = { name: '王*', phone: '*******5678', address: '文三路**号' };
    const home = keyOf(order({ ...masked, oaid: 'oaid-home' }), byId);
    const office = keyOf(order({ ...masked, oaid: 'oaid-office' }), byId);
    expect(office).not.toBe(home);
    expect(
      keyOf(order({ name: '王**', phone: '138****5678', address: '文三**90号', oaid: 'oaid-home' }), byId),
    ).toBe(home);
    // Still per shop and buyer, and apart from the key of the same texts without an oaid.
    expect(keyOf(order({ ...masked, oaid: 'oaid-home' }, { buyer: { id: 'b-2' } }), byId)).not.toBe(home);
    expect(keyOf(order({ ...masked, oaid: 'oaid-home' }, { shop: 'TM-2' }), byId)).not.toBe(home);
    expect(keyOf(order(masked), byId)).not.toBe(home);
    // Not asked, the id is not read: the masked texts match, as they always have.
    expect(keyOf(order({ ...masked, oaid: 'oaid-office' }))).toBe(
      keyOf(order({ ...masked, oaid: 'oaid-home' })),
    );
    expect(keyOf(order({ ...masked, oaid: 'oaid-home' }))).toBe(keyOf(order(masked)));
    const keys = { warehouse: true, carrier: true, addressee: true, presale: false };
    const o = order({ ...masked, oaid: 'oaid-home' });
    expect(orderMergeKey(o, placed, keys)).toBe(mergeKey(mergeMatch(o, placed, keys)));
    expect(orderMergeKey(o, { ...placed, carrier: 'SF' }, keys)).not.toBe(orderMergeKey(o, placed, keys));
  });

  it('takes in the warehouse, the carrier and presale only when asked to', () => {
    const o = order();
    const none = { warehouse: false, carrier: false, presale: false };
    const other = { warehouse: 'WH-GZ', parcels: [], carrier: 'SF' };
    expect(mergeKey(mergeMatch(o, other, none))).toBe(mergeKey(mergeMatch(o, placed, none)));
    const both = { ...none, warehouse: true, carrier: true };
    expect(mergeKey(mergeMatch(o, other, both))).not.toBe(mergeKey(mergeMatch(o, placed, both)));
    expect(keyOf(o, { ...none, presale: true })).not.toBe(keyOf(o));
  });
});

describe('shipsFrom', () => {
  it('is the warehouse, or the parcels’ warehouses, or null when a parcel has none', () => {
    expect(shipsFrom({ warehouse: 'WH-SH', parcels: [] })).toBe('WH-SH');
    const parcel = (warehouse: string | null) => ({ warehouse, lines: [], reason: 'bulky' });
    expect(shipsFrom({ warehouse: null, parcels: [parcel('WH-TJ'), parcel('WH-SH'), parcel('WH-TJ')] })).toBe(
      'WH-SH+WH-TJ',
    );
    expect(shipsFrom({ warehouse: null, parcels: [parcel('WH-TJ'), parcel(null)] })).toBeNull();
    expect(shipsFrom({ warehouse: null, parcels: [] })).toBeNull();
  });
});

/** Text mixing what JSON escapes, what `\s` drops, every UTF-8 width, pairs and lone surrogates. */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ' ',
        '\t',
        '\n',
        '\r',
        '\v',
        '\f',
        '\u00a0',
        '\u1680',
        '\u2005',
        '\u2028',
        '\u2029',
        '\u202f',
        '\u205f',
        '\u3000',
        '\ufeff',
        '\u200b',
      ),
      fc.constantFrom('"', '\\', '\b', '\u0000', '\u001f', '\u007f', '/', '<'),
      fc.constantFrom('\ud83d', '\udce6', '\ud83d\udce6', '\udbff\udfff', '\ud800'),
      fc.constantFrom('浙', '江', 'é', '\u07ff', '\u0800', '\uffff', 'a', '9'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/**
 * Text JSON writes as it is (no escape, no surrogate), with white space of every kind `\s` has and
 * characters near it that are not white space: the orders the hand-joined key takes.
 */
const plainText = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f'),
      fc.constantFrom(
        '\u3000',
        '\ufeff',
        '\u200b',
        '\u2014',
        '\u201c',
        '\u3001',
        '\uff08',
        '\u0085',
        '\u00a9',
      ),
      fc.constantFrom('浙', '江', '省', '文三路', '90', '号', 'é', 'a', '-', '*', '!', '#', '/', '\u007f'),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

describe('orderMergeKey', () => {
  it('is mergeKey(mergeMatch(…)) byte for byte, over awkward texts and every match option', () => {
    fc.assert(
      fc.property(
        fc.record({
          shop: awkwardText,
          buyer: awkwardText,
          name: awkwardText,
          phone: awkwardText,
          province: awkwardText,
          city: awkwardText,
          district: awkwardText,
          address: awkwardText,
          warehouse: fc.option(awkwardText),
          carrier: fc.option(awkwardText),
          keys: fc.record({ warehouse: fc.boolean(), carrier: fc.boolean(), presale: fc.boolean() }),
        }),
        (v) => {
          const o = {
            shop: v.shop,
            buyer: { id: v.buyer },
            receiver: {
              name: v.name,
              phone: v.phone,
              province: v.province,
              city: v.city,
              district: v.district,
              address: v.address,
            },
          } as unknown as StandardOrder;
          const decision = { warehouse: v.warehouse, parcels: [], carrier: v.carrier };
          expect(orderMergeKey(o, decision, v.keys)).toBe(mergeKey(mergeMatch(o, decision, v.keys)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('takes the hand-joined key for plain texts, and it is mergeKey(mergeMatch(…)) byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(plainText, { minLength: 8, maxLength: 8 }),
        fc.option(plainText),
        fc.option(plainText),
        fc.boolean(),
        ([shop, buyer, name, phone, province, city, district, address], warehouse, carrier, presale) => {
          const o = {
            shop,
            buyer: { id: buyer },
            receiver: { name, phone, province, city, district, address },
          } as unknown as StandardOrder;
          const decision = { warehouse, parcels: [], carrier };
          const keys = { warehouse: true, carrier: true, presale };
          const expected = mergeKey(mergeMatch(o, decision, keys));
          expect(joinedKey(o, warehouse, carrier, presale)).toBe(expected);
          expect(orderMergeKey(o, decision, keys)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('is mergeKey(mergeMatch(…)) for parcels and a surrogate pair split across address parts', () => {
    const o = order({ province: '浙江\ud83d', city: ' \udce6市 ', address: '\ud83d' });
    const parcels = {
      warehouse: null,
      parcels: [{ warehouse: 'WH-TJ', lines: [], reason: 'bulky' }],
      carrier: null,
    };
    const keys = { warehouse: true, carrier: true, presale: true };
    expect(orderMergeKey(o, parcels, keys)).toBe(mergeKey(mergeMatch(o, parcels, keys)));
    expect(orderMergeKey(order(), placed, keys)).toBe(mergeKey(mergeMatch(order(), placed, keys)));
  });
});
