import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClient } from '../../client/index.ts';
import { InputError } from '../../errors/index.ts';
import { generateOrders } from '../../generate/generate-orders.ts';
import { DATETIME_WITH_OFFSET } from '../fast-parse.ts';
import { parseOrderJson } from '../raw-json.ts';
import { adaptOrder, detectPlatform } from './index.ts';
import * as previous from './previous/index.test-helper.ts';
import * as previousFields from './previous/raw-fields.test-helper.ts';
import { chinaTime, yuan } from './raw-fields.ts';

/**
 * Today's read path (adapters that build the standard order whole, `normaliseBuilt`, the readers'
 * character paths) against the one before it, kept verbatim in `previous/`: the same standard order,
 * key order included, or the same error — class, code, message and location — for generated orders,
 * their TOP twins with numeric ids, broken texts and raw orders with fields set to what platforms
 * (or anyone posting JSON) might send.
 */

const clientFile = new URL('../../../samples/clients/demo/client.json', import.meta.url);
const client = parseClient(JSON.parse(readFileSync(clientFile, 'utf8')), clientFile.pathname);

type Raw = Record<string, unknown>;
const generated = [...generateOrders({ client, count: 600, seed: 'previous-differential' })] as Raw[];

/** A Tmall trade as TOP sends it: 19-digit ids as JSON numbers, no `*_str` twins. */
function topText(raw: Raw): string {
  const { tid_str: _, ...trade } = raw;
  const lines = (trade.orders as { order: Raw[] }).order.map(({ oid_str: __, ...line }) => line);
  return JSON.stringify({ ...trade, orders: { order: lines } }).replace(/"(tid|oid)":"(\d+)"/g, '"$1":$2');
}

type Side = { adaptOrder: typeof adaptOrder; detectPlatform: typeof detectPlatform };
const today: Side = { adaptOrder, detectPlatform };
// The read path before knew no Pinduoduo orders; the orders compared here come from the other platforms.
const before: Side = {
  adaptOrder: previous.adaptOrder as Side['adaptOrder'],
  detectPlatform: previous.detectPlatform,
};

function outcome(run: () => unknown): string {
  try {
    // -0 written as such: JSON would print it as 0.
    return `ok ${JSON.stringify(run(), (_, v) => (Object.is(v, -0) ? '-0' : v))}`;
  } catch (error) {
    if (error instanceof InputError) {
      return `InputError ${error.code} ${error.message} ${JSON.stringify(error.location)}`;
    }
    return `${(error as Error).name} ${(error as Error).message}`;
  }
}

/** Read as a simulation reads a line: parsed, detected, adapted; each side gets its own copy. */
const readRaw = (side: Side, raw: unknown, line: number) =>
  outcome(() => side.adaptOrder(side.detectPlatform(raw) ?? 'standard', structuredClone(raw), { line }));
const readText = (side: Side, text: string, line: number) =>
  outcome(() => {
    const raw = parseOrderJson(text);
    return side.adaptOrder(side.detectPlatform(raw) ?? 'standard', raw, { line });
  });

const LONG = '9'.repeat(400);
/** What a field could hold instead: wrong kinds, the edges of the right kind, table keys that are no status. */
const JUNK: readonly unknown[] = [
  ...[undefined, null, true, false, {}, [], [{}], { order: [] }, { name: '浙江省' }, { name: 1 }],
  ...[0, -0, -1, 1, 2, 3, 5, 12, 1.5, 2 ** 53, 2 ** 53 + 2, 1e12, 1e15, 1e308, 1_762_790_403],
  ...[
    '',
    ' ',
    '0',
    '-0',
    '1',
    '2',
    '103',
    '12.',
    '.5',
    '-',
    '1e3',
    '-12.50',
    '007.10',
    '1,299.00',
    ' 12.50 ',
  ],
  ...[`1${'0'.repeat(400)}`, `${LONG}.00`, `-${LONG}`, '１２', '٣', 'constructor', '__proto__', 'toString'],
  ...[
    '2025-11-11 00:00:03',
    '2025/11/11 00:00:03',
    '2025-11/11T00:00:03',
    '2025-11-11T00:00:03',
    ' 2025-11-11 00:00:03',
  ],
  ...[
    '2025-02-30 10:00:00',
    '2025-11-11 24:00:00',
    '2025-11-11 23:59:60',
    '2025-11-11 10:60:00',
    '2024-02-29 12:00:00',
  ],
  ...[
    '2100-02-29 12:00:00',
    '2000-02-29 12:00:00',
    '1971-01-01 08:00:00',
    '1971-12-31 23:59:59',
    '1972-01-01 00:00:00',
  ],
  ...[
    '9999-12-31 23:59:59',
    '0000-00-00 00:00:00',
    '2025-11-11 00:00:03.5',
    '2025-11-10T16:00:03Z',
    '2025-1-11 00:00:03',
  ],
  ...[
    '2025-11-11 0:00:03',
    '2025-11-11  00:00:0',
    '+025-11-11 00:00:03',
    '2025-11-11 00:00:03 ',
    '1762790403',
  ],
  ...[
    'WAIT_BUYER_PAY',
    'LOCKED',
    'PAUSE',
    'TRADE_CLOSED',
    'B',
    ' c ',
    'step',
    'cod',
    'FRONT_PAID_FINAL_NOPAID',
  ],
  ...[
    'SUCCESS',
    'WAIT_SELLER_AGREE',
    '1-货到付款',
    '预售',
    '不需要',
    '{"297":"1"}',
    '北京',
    '北京市',
    '朝阳区',
  ],
];

/** Every path into the value that can be set or deleted (object keys and array indexes). */
function paths(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths((value as Raw)[key], [...prefix, key])]);
}

function mutate(raw: Raw, edits: readonly [number, number][]): Raw {
  const copy = structuredClone(raw);
  for (const [at, junk] of edits) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[at % all.length]!;
    let parent = copy as Raw;
    for (const key of path.slice(0, -1)) parent = parent[key] as Raw;
    const last = path.at(-1)!;
    const value = JUNK[junk % JUNK.length];
    if (value === undefined && !Array.isArray(parent)) delete parent[last];
    else parent[last] = structuredClone(value);
  }
  return copy;
}

describe('the read path against the previous one', () => {
  it('gives the same standard orders for generated orders and their TOP twins with numeric ids', () => {
    let twins = 0;
    generated.forEach((raw, i) => {
      const text = JSON.stringify(raw);
      expect(readText(today, text, i + 1)).toBe(readText(before, text, i + 1));
      if ('tid' in raw) {
        twins++;
        const top = topText(raw);
        const read = readText(today, top, i + 1);
        expect(read).toBe(readText(before, top, i + 1));
        expect(read).toMatch(/^ok /);
      }
    });
    expect(twins).toBeGreaterThan(200);
  });

  it('gives the same order or the same error for raw orders with up to four fields changed or removed', () => {
    let errors = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.nat(generated.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('bare', 'enveloped'),
        (which, edits, shape) => {
          const raw = mutate(generated[which]!, edits);
          const input = shape === 'bare' ? raw : envelope(raw);
          const got = readRaw(today, input, which + 1);
          runs++;
          if (!got.startsWith('ok ')) errors++;
          expect(got).toBe(readRaw(before, input, which + 1));
        },
      ),
      { numRuns: 6000 },
    );
    // Both kinds are exercised: orders read and orders refused.
    expect(errors).toBeGreaterThan(runs / 10);
    expect(errors).toBeLessThan(runs * 0.9);
  });

  it('gives the same order or the same error for broken texts of orders and TOP twins', () => {
    const texts = generated.flatMap((raw) =>
      'tid' in raw ? [JSON.stringify(raw), topText(raw)] : [JSON.stringify(raw)],
    );
    const inserts = ['"', '\\', ',', ':1234567890123456789012,', '\uFEFF', '}'];
    // Members put last in an object: a duplicate key that wins, or one no adapter reads.
    const members = [
      ',"status":"constructor"',
      ',"num":0',
      ',"price":"1e999"',
      ',"created":"2025-02-29 00:00:00"',
    ];
    const kinds = inserts.length + members.length;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.nat(kinds), (which, at, kind) => {
        const text = texts[which]!;
        let broken: string;
        if (kind < inserts.length) {
          const cut = at % text.length;
          broken = text.slice(0, cut) + inserts[kind] + text.slice(cut);
        } else if (kind < kinds) {
          const closes = [...text.matchAll(/\}/g)].map((m) => m.index);
          const cut = closes[at % closes.length]!;
          broken = text.slice(0, cut) + members[kind - inserts.length] + text.slice(cut);
        } else {
          broken = text.slice(0, at % text.length);
        }
        expect(readText(today, broken, which + 1)).toBe(readText(before, broken, which + 1));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The envelope each platform's API wraps its order in. */
function envelope(raw: Raw): unknown {
  if ('tid' in raw || 'tid_str' in raw) return { trade_fullinfo_get_response: { trade: raw } };
  if ('orderId' in raw) return { jingdong_pop_order_get_responce: { orderDetailInfo: { orderInfo: raw } } };
  return { data: { shop_order_detail: raw } };
}

describe('the readers against the previous ones', () => {
  const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n });
  const piece = fc.oneof(
    fc.constantFrom('-', '/', ' ', 'T', ':', '.', ',', 'Z', '+08:00', '\t', '٣'),
    digits(1).map((d) => d.join('')),
    digits(2).map((d) => d.join('')),
    digits(4).map((d) => d.join('')),
  );
  /** Date-like text: well-formed times with one part changed, and free runs of the parts. */
  const timeLike = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 1960, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('-', '/'),
        fc.constantFrom('-', '/'),
        fc.constantFrom(' ', 'T', '  '),
      )
      .map(([y, mo, d, h, mi, s, a, b, t]) => {
        const p = (n: number, w = 2) => String(n).padStart(w, '0');
        return `${p(y, 4)}${a}${p(mo)}${b}${p(d)}${t}${p(h)}:${p(mi)}:${p(s)}`;
      }),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  );

  /** Douyin's unix seconds (and milliseconds), around 1971 and year 10000 too. */
  const unixTime = fc.oneof(
    fc.integer({ min: -1e10, max: 3e11 }),
    fc.double({ min: -1e9, max: 3e14, noNaN: true }),
    fc.integer({ min: 0, max: 3e11 }).map(String),
    fc.constantFrom(31_507_199, 31_507_200, 31_536_000, 253_402_271_999, 253_402_272_000, 1e12 - 1, 1e12),
  );

  it('chinaTime: the same time, or the same error, as before; and only times the schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(timeLike, unixTime), (text) => {
        const now = outcome(() => chinaTime(text, 'created'));
        expect(now).toBe(outcome(() => previousFields.chinaTime(text, 'created')));
        if (now.startsWith('ok "')) expect(DATETIME_WITH_OFFSET.test(JSON.parse(now.slice(3)))).toBe(true);
      }),
      { numRuns: 30_000 },
    );
  });

  it('yuan: the same amount, or the same error, as before', () => {
    const moneyLike = fc.oneof(
      fc
        .array(fc.constantFrom(...'0123456789', '.', '-', ',', ' ', 'e', '+', '٣'), { maxLength: 10 })
        .map((c) => c.join('')),
      fc.double().map(String),
      // Money as platforms write it, up to and past the 13 whole digits read by their characters.
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.constantFrom('', '.', '.5', '.05', '.99', '.995'))
        .map(([whole, fraction]) => `${whole}${fraction}`),
      fc.constantFrom(`1${'0'.repeat(400)}`, `${LONG}.99`, '-', '-.5', '5.', '0.005', '1.005', '-0'),
    );
    fc.assert(
      fc.property(moneyLike, (text) => {
        expect(outcome(() => yuan(text, 'payment'))).toBe(
          outcome(() => previousFields.yuan(text, 'payment')),
        );
      }),
      { numRuns: 30_000 },
    );
  });
});
