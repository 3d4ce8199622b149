import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClient } from '../client/index.ts';
import { generateOrders } from '../generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from './adapters/index.ts';
import { DATETIME_WITH_OFFSET, fastParseStandardOrder } from './fast-parse.ts';
import { StandardOrderSchema } from './schema.ts';

/** The fast path's answer must be zod's, key order included; or none, leaving the verdict to zod. */
function expectAsZod(input: unknown): 'fast' | 'zod' {
  const fast = fastParseStandardOrder(structuredClone(input));
  const zod = StandardOrderSchema.safeParse(structuredClone(input));
  if (fast === undefined) return 'zod';
  expect(zod.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  return 'fast';
}

const clientFile = new URL('../../samples/clients/demo/client.json', import.meta.url);
const client = parseClient(JSON.parse(readFileSync(clientFile, 'utf8')), clientFile.pathname);

const standardOrders = () =>
  [...generateOrders({ client, count: 300, seed: 'fast-parse' })].map((raw, i) =>
    adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: i + 1 }),
  );

const minimal = {
  id: 'SO-1',
  platform: 'other',
  createdAt: '2025-11-11T00:00:03+08:00',
  amounts: { total: 100 },
  receiver: {},
  lines: [{ sku: 'A', qty: 2, price: 30 }],
};

/** Values of every kind a field could wrongly hold, and the edges of the right kind. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', ' ', 'paid', 'tmall', 'none', 'refunded', true, false, 0, -1, 1.5),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0, [], {}, ['x'], [undefined]),
  fc.constantFrom('2026-11-11T00:00:00+08:00', '2026-02-30T00:00:00+08:00', '2026-11-11 00:00:00'),
  fc.constantFrom('2026-11-11T00:00:00Z', '2026-11-11T24:00:00+08:00', '2024-02-29T12:00:00.5-03:00'),
  fc.string(),
  fc.double(),
  fc.integer(),
);

/** Every path into an order the schema names, so a mutation can land on each. */
const PATHS: readonly (readonly (string | number)[])[] = [
  ...Object.keys(StandardOrderSchema.shape).map((key) => [key]),
  ...['total', 'paid', 'freight', 'discount', 'refund'].map((key) => ['amounts', key]),
  ...['id', 'nick', 'memberLevel'].map((key) => ['buyer', key]),
  ...Object.keys(StandardOrderSchema.shape.receiver.shape).map((key) => ['receiver', key]),
  ...['qty', 'lines', 'weightKg'].map((key) => ['totals', key]),
  ...[
    'sku',
    'name',
    'qty',
    'price',
    'weightKg',
    'volumeL',
    'category',
    'isGift',
    'isPresale',
    'refundStatus',
  ].map((key) => ['lines', 0, key]),
  ['lines', 0],
  ['labels', 0],
  ['issues', 0],
  ['issues', 0, 'code'],
];

function withValue(order: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(order) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = typeof key === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('fastParseStandardOrder', () => {
  it('tests datetimes with the pattern the schema uses', () => {
    const schemaPattern = (
      StandardOrderSchema.shape.createdAt as unknown as { _zod: { def: { pattern: RegExp } } }
    )._zod.def.pattern;
    expect(DATETIME_WITH_OFFSET.source).toBe(schemaPattern.source);
  });

  it('knows every field of the schema, so a new field cannot be dropped unnoticed', () => {
    expect(Object.keys(fastParseStandardOrder(minimal)!)).toEqual(Object.keys(StandardOrderSchema.shape));
  });

  it('gives what zod gives for every order the adapters make', () => {
    const verdicts = standardOrders().map(expectAsZod);
    expect(verdicts.every((v) => v === 'fast')).toBe(true);
  });

  it('gives what zod gives, or leaves it to zod, whatever a field holds', () => {
    const orders = [minimal, ...standardOrders().slice(0, 20)];
    fc.assert(
      fc.property(
        fc.constantFrom(...orders),
        fc.array(fc.tuple(fc.constantFrom(...PATHS), anyValue), { minLength: 1, maxLength: 3 }),
        (order, mutations) => {
          let mutated: unknown = order;
          for (const [path, value] of mutations) mutated = withValue(mutated, path, value);
          expectAsZod(mutated);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('takes an order without lines (an order-level export) as zod does', () => {
    expect(expectAsZod({ ...minimal, lines: [] })).toBe('fast');
  });

  it('leaves what is not plain data to zod', () => {
    expect(fastParseStandardOrder(null)).toBeUndefined();
    expect(fastParseStandardOrder([minimal])).toBeUndefined();
    expect(fastParseStandardOrder(Object.assign(Object.create(null), minimal))).toBeUndefined();
  });
});
