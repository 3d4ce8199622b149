import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClient } from '../client/index.ts';
import { generateOrders } from '../generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../order/adapters/index.ts';
import { projectFields } from '../order/project-fields.ts';
import { compileProjection } from './order-projection.ts';

const clientFile = new URL('../../samples/clients/demo/client.json', import.meta.url);
const client = parseClient(JSON.parse(readFileSync(clientFile, 'utf8')), clientFile.pathname);
const orders = [...generateOrders({ client, count: 200, seed: 'order-projection' })].map((raw, i) =>
  adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: i + 1 }),
);

/** Same value and the same key order at every depth: what JSON.stringify sends is what projectFields gave. */
function expectSame(order: unknown, paths: string[]): void {
  const compiled = compileProjection(paths)(order);
  const reference = projectFields(order, paths);
  expect(compiled).toStrictEqual(reference);
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
}

// The reads of the sample plugins and of typical manifests, scalar paths and others mixed.
const READS = [
  ['receiver.province', 'receiver.address', 'receiver.phone'],
  ['id', 'buyerMessage', 'sellerMemo'],
  ['receiver.phone', 'id', 'receiver.province', 'amounts.paid', 'amounts.total'],
  ['lines.sku', 'lines.qty'],
  ['receiver', 'receiver.phone'],
  ['receiver.phone', 'receiver'],
  ['receiver.province.length', 'nothing.here', 'buyer.nick', 'paidAt'],
  ['amounts', 'id', 'id'],
];

describe('compileProjection', () => {
  it('gives projectFields’ answer for generated orders and typical reads', () => {
    for (const paths of READS) for (const order of orders) expectSame(order, paths);
  });

  it('copies JSON’s scalars as JSON would: NaN and Infinity as null, -0 as 0, undefined and functions left out', () => {
    const order = {
      a: { nan: Number.NaN, inf: -Infinity, zero: -0, none: undefined, fn: () => 1, nil: null, yes: false },
      b: 'text',
    };
    const paths = ['a.nan', 'a.inf', 'a.zero', 'a.none', 'a.fn', 'a.nil', 'a.yes', 'b', 'a.missing'];
    expectSame(order, paths);
    expect(Object.is((compileProjection(paths)(order).a as Record<string, unknown>).zero, 0)).toBe(true);
  });

  it('replaces and extends earlier fields as projectFields merges them', () => {
    const order = { a: { b: 1, c: { d: 'x', e: [1, 2] } }, f: [{ g: 1 }, { g: 2, h: 3 }] };
    for (const paths of [
      ['a.b', 'a.c.d', 'a.c.e'],
      ['a.c.d', 'a', 'a.b'],
      ['a.b', 'a.b.c', 'a.c.d', 'a.b'],
      ['f.g', 'f.h', 'a.c.e'],
      ['a.c.e.length', 'a.c.d.length'],
      ['toString', 'a.hasOwnProperty'],
    ]) {
      expectSame(order, paths);
    }
  });

  it('reads own fields only, and throws where projectFields throws', () => {
    const order = Object.assign(Object.create({ inherited: 'no' }), { id: 'T1', n: 1n });
    expectSame(order, ['id', 'inherited']);
    expect(() => compileProjection(['n'])(order)).toThrow(TypeError);
    expect(() => projectFields(order, ['n'])).toThrow(TypeError);
    expect(() => compileProjection(['__proto__.polluted'])(order)).toThrow(RangeError);
    expect(() => compileProjection(['a..b'])(order)).toThrow(RangeError);
  });

  it('walks whatever the order is', () => {
    for (const order of [null, undefined, 'text', 7, [{ id: 1 }], { id: new Date(0) }]) {
      expectSame(order, ['id', 'receiver.province']);
    }
  });
});
