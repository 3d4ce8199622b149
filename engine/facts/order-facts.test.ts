import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClient } from '../client/index.ts';
import { generateOrders } from '../generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../order/adapters/index.ts';
import type { StandardOrder } from '../order/schema.ts';
import { InMemoryState } from '../state/index.ts';
import {
  type FactContext,
  factsBuilder,
  generatedFactsBuilder,
  orderFacts,
  type StageView,
} from './index.ts';
import { FACT_PROVIDERS } from './providers/index.ts';

const clientFile = new URL('../../samples/clients/demo/client.json', import.meta.url);
const client = parseClient(JSON.parse(readFileSync(clientFile, 'utf8')), clientFile.pathname);
const orders = [...generateOrders({ client, count: 60, seed: 'order-facts' })].map((raw, i) =>
  adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: i + 1 }),
);
const view: StageView = {
  status: 'approved',
  warehouse: null,
  carrier: null,
  tags: [],
  holds: [],
  gifts: [],
  merged: false,
};
const now = new Date('2026-11-12T00:00:00Z');
const contextOf = (order: StandardOrder): FactContext => ({ order, client, state: new InMemoryState(), now });

/** The facts as they were assembled before the builder: one Object.assign of the parts. */
function assembled(context: FactContext, providers = FACT_PROVIDERS) {
  const computed: Record<string, unknown> = {};
  for (const provider of providers) computed[provider.path] = provider.compute(context);
  return Object.assign({}, context.order, { extracted: {}, decision: view }, computed);
}

describe('orderFacts', () => {
  it('has the keys, in the order, and the values of the order, extracted, decision and computed facts', () => {
    for (const order of orders) {
      const facts = orderFacts(contextOf(order), {}, view);
      const expected = assembled(contextOf(order));
      expect(Object.keys(facts)).toEqual(Object.keys(expected));
      expect(facts).toEqual(expected);
    }
  });

  it.each([
    ['without generated code', factsBuilder],
    ['with generated code', generatedFactsBuilder],
  ])('computes only the facts asked for, and keeps a field the order lacks absent (%s)', (_, builder) => {
    const providers = FACT_PROVIDERS.filter((p) => p.path === 'skus' || p.path === 'minutesSincePaid');
    const { paidAt: _paidAt, ...unpaid } = orders[0]!;
    const context = contextOf(unpaid as StandardOrder);
    const facts = builder(providers)(context, {}, view);
    expect(Object.keys(facts)).toEqual(Object.keys(assembled(context, providers)));
    expect(Object.hasOwn(facts, 'paidAt')).toBe(false);
    expect(Object.hasOwn(facts, 'outOfStockSkus')).toBe(false);
    expect(facts.skus).toEqual([...new Set(orders[0]!.lines.map((l) => l.sku))]);
  });

  it('builds the same facts with and without generated code', () => {
    for (const order of orders) {
      const plain = factsBuilder(FACT_PROVIDERS)(contextOf(order), {}, view);
      const generated = generatedFactsBuilder(FACT_PROVIDERS)(contextOf(order), {}, view);
      expect(Object.keys(generated)).toEqual(Object.keys(plain));
      expect(generated).toEqual(plain);
    }
  });

  it('copies orders of any other shape as Object.assign does (generated code copies standard ones by a literal)', () => {
    const order = orders[0]!;
    const symbol = Symbol('extra');
    const { id, ...rest } = order;
    const inherited = Object.assign(Object.create({ inheritedField: 1 }), order) as StandardOrder;
    const hidden = { ...order };
    Object.defineProperty(hidden, 'hiddenField', { value: 1, enumerable: false });
    const shapes: [string, StandardOrder][] = [
      ['standard', order],
      ['an extra field', { ...order, extraField: 'x' } as StandardOrder],
      ['its fields in another order', { ...rest, id } as StandardOrder],
      ['an extra field and a symbol key', { ...order, extraField: 'x', [symbol]: 'x' } as StandardOrder],
      ['an inherited enumerable field', inherited],
      ['a non-enumerable field', hidden],
    ];
    for (const [, shape] of shapes) {
      const context = contextOf(shape);
      const facts = generatedFactsBuilder(FACT_PROVIDERS)(context, {}, view);
      const expected = assembled(context);
      expect(Reflect.ownKeys(facts)).toEqual(Reflect.ownKeys(expected));
      expect(facts).toEqual(expected);
      expect(Object.getPrototypeOf(facts)).toBe(Object.prototype);
    }
  });

  it('leaves out a symbol key of an order with the standard fields, which no reader of the facts sees', () => {
    const symbol = Symbol('extra');
    const context = contextOf({ ...orders[0]!, [symbol]: 'x' } as StandardOrder);
    const facts = generatedFactsBuilder(FACT_PROVIDERS)(context, {}, view);
    const expected = assembled(context);
    expect(Object.getOwnPropertySymbols(facts)).toEqual([]);
    expect(Object.keys(facts)).toEqual(Object.keys(expected));
    expect({ ...facts }).toEqual(Object.fromEntries(Object.entries(expected)));
  });

  it('generates one function per list of providers', () => {
    expect(generatedFactsBuilder(FACT_PROVIDERS)).toBe(generatedFactsBuilder(FACT_PROVIDERS));
  });
});
