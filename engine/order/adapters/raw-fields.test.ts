import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors/index.ts';
import {
  chinaTime,
  fen,
  locateError,
  quantity,
  rawId,
  recordAt,
  text,
  unwrap,
  withinElement,
  withTown,
  yuan,
} from './raw-fields.ts';

describe('yuan', () => {
  it('reads strings and numbers, rounded to the fen', () => {
    expect(yuan('199.00', 'payment')).toBe(199);
    expect(yuan(' 1,299.50 ', 'payment')).toBe(1299.5);
    expect(yuan(0.1 + 0.2, 'payment')).toBe(0.3);
    expect(yuan(undefined, 'payment')).toBe(0);
    expect(yuan('', 'payment')).toBe(0);
  });

  it('refuses what is not money, naming the field', () => {
    expect(() => yuan('¥199', 'orders.order[0].price')).toThrow(
      /orders\.order\[0\]\.price: "¥199" is not an amount of money/,
    );
    expect(() => yuan({}, 'payment')).toThrow(InputError);
  });
});

describe('fen', () => {
  it('turns whole fen into yuan', () => {
    expect(fen(25800, 'order_amount')).toBe(258);
    expect(fen('3990', 'order_amount')).toBe(39.9);
    expect(fen(1, 'order_amount')).toBe(0.01);
    expect(() => fen(39.9, 'order_amount')).toThrow(/not a whole number of fen/);
  });
});

describe('chinaTime', () => {
  it('reads China local time, unix seconds and zoned ISO as +08:00', () => {
    expect(chinaTime('2025-11-11 00:00:03', 'pay_time')).toBe('2025-11-11T00:00:03+08:00');
    expect(chinaTime('2025/11/11 00:00:03', 'pay_time')).toBe('2025-11-11T00:00:03+08:00');
    expect(chinaTime(1762790403, 'pay_time')).toBe('2025-11-11T00:00:03+08:00');
    expect(chinaTime('1762790403', 'pay_time')).toBe('2025-11-11T00:00:03+08:00');
    expect(chinaTime('2025-11-10T16:00:03Z', 'pay_time')).toBe('2025-11-11T00:00:03+08:00');
  });

  it('treats absent, zero and placeholder dates as no time', () => {
    expect(chinaTime(0, 'pay_time')).toBeNull();
    expect(chinaTime('', 'pay_time')).toBeNull();
    expect(chinaTime(undefined, 'pay_time')).toBeNull();
    expect(chinaTime('0000-00-00 00:00:00', 'pay_time')).toBeNull();
    expect(chinaTime('0001-01-01 00:00:00', 'pay_time')).toBeNull();
  });

  it('refuses impossible or unreadable times', () => {
    expect(() => chinaTime('2025-02-30 10:00:00', 'created')).toThrow(
      /created: "2025-02-30 10:00:00" is not a time/,
    );
    expect(() => chinaTime('yesterday', 'created')).toThrow(InputError);
  });

  it('reads a local time as the Date round trip does, in range or not', () => {
    // The round trip chinaTime takes for local times its fields cannot vouch for.
    const viaDate = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
      const ms = Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3_600_000;
      if (y < 1971) return null;
      if (new Date(ms + 8 * 3_600_000).getUTCDate() !== d) return 'not a time';
      if (ms < Date.UTC(1971, 0, 1)) return null;
      return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    };
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1969, max: 2401 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        (y, mo, d, h, mi, s) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
          const expected = viaDate(y, mo, d, h, mi, s);
          if (expected === 'not a time') expect(() => chinaTime(text, 'created')).toThrow(/is not a time/);
          else expect(chinaTime(text, 'created')).toBe(expected);
        },
      ),
      { numRuns: 20_000 },
    );
    expect(chinaTime('2024-02-29 23:59:59', 'created')).toBe('2024-02-29T23:59:59+08:00');
    expect(chinaTime('2000-02-29 12:00:00', 'created')).toBe('2000-02-29T12:00:00+08:00');
    expect(() => chinaTime('2100-02-29 12:00:00', 'created')).toThrow(/is not a time/);
    expect(chinaTime('2025-11-11 10:60:00', 'created')).toBe('2025-11-11T11:00:00+08:00');
    expect(chinaTime('1971-01-01 07:59:59', 'created')).toBeNull();
  });

  // Found by the route fuzz test: a JD orderStartTime of 1.79e308 answered evaluate/batch with 500.
  it('refuses finite numbers beyond what a Date holds (and past year 9999) as "not a time", an InputError and no RangeError', () => {
    for (const value of [Number.MAX_VALUE, 1e20, '99999999999999999999', 8.64e15]) {
      expect(() => chinaTime(value, 'orderStartTime')).toThrow(InputError);
      expect(() => chinaTime(value, 'orderStartTime')).toThrow(/orderStartTime: .* is not a time/);
    }
    // Within a Date but past year 9999 an ISO time would need six digits and a sign: not a time either.
    expect(() => chinaTime(8.64e15 - 8 * 3_600_000, 'created')).toThrow(/is not a time/);
    expect(chinaTime(253_402_271_999_000, 'created')).toBe('9999-12-31T23:59:59+08:00');
  });
});

describe('rawId', () => {
  it('accepts strings and safe integers, refuses numbers that lost digits', () => {
    expect(rawId(' 4012345678901234567 ', 'tid')).toBe('4012345678901234567');
    expect(rawId(2812345678901234, 'tid')).toBe('2812345678901234');
    expect(() => rawId(JSON.parse('4012345678901234567'), 'tid')).toThrow(/beyond 2\^53/);
    expect(() => rawId(undefined, 'tid')).toThrow(/tid: the order id is missing/);
    expect(() => rawId({}, 'tid')).toThrow(/not an order id/);
  });
});

describe('small readers', () => {
  it('read text, quantities, envelopes and towns', () => {
    expect(text(' 你好 🎉 ')).toBe(' 你好 🎉 ');
    expect(text(12)).toBe('12');
    expect(text(null)).toBe('');
    expect(quantity('3', 'num')).toBe(3);
    expect(() => quantity(1.5, 'num')).toThrow(/num: 1.5 is not a quantity/);
    expect(() => quantity(0, 'num')).toThrow(InputError);
    expect(unwrap({ a: { b: { id: 1 } } }, [['x'], ['a', 'b']])).toEqual({ id: 1 });
    expect(unwrap({ id: 1 }, [['a', 'b']])).toEqual({ id: 1 });
    expect(withTown('西溪街道', '文三路1号')).toBe('西溪街道文三路1号');
    expect(withTown('西溪街道', '西溪街道文三路1号')).toBe('西溪街道文三路1号');
    expect(withTown('', '文三路1号')).toBe('文三路1号');
  });
});

describe('locateError', () => {
  const thrown = (body: () => unknown): unknown => {
    try {
      body();
    } catch (error) {
      return error;
    }
    return expect.unreachable();
  };

  it('adds the order and line to an InputError, keeping what it already says', () => {
    const error = locateError(
      thrown(() => yuan('x', 'payment')),
      4,
      'A1',
    );
    expect((error as InputError).toJSON()).toMatchObject({
      code: 'order_invalid',
      field: 'payment',
      orderId: 'A1',
      line: 4,
    });
  });

  it("puts the line first, then the order, then the error's own location, which wins", () => {
    const own = new InputError('order_invalid', 'x', { field: 'f', line: 9, orderId: 'B2' });
    expect((locateError(own, 4, 'A1') as InputError).location).toEqual({
      line: 9,
      orderId: 'B2',
      field: 'f',
    });
    expect(Object.keys((locateError(own, 4, 'A1') as InputError).location)).toEqual([
      'line',
      'orderId',
      'field',
    ]);
    const bare = new InputError('order_invalid', 'x', { field: 'f' });
    expect(Object.keys((locateError(bare, undefined, undefined) as InputError).location)).toEqual(['field']);
  });

  it('lets other errors through untouched', () => {
    const bug = new TypeError('bug');
    expect(locateError(bug, 1, 'A1')).toBe(bug);
  });
});

describe('withinElement', () => {
  it('names a field of a list element from the order, as the whole path given would', () => {
    const error = withinElement(
      thrown(() => quantity('two', 'num')),
      'orders.order',
      1,
    ) as InputError;
    const direct = thrown(() => quantity('two', 'orders.order[1].num')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect([error.code, error.message, error.location]).toEqual([
      direct.code,
      direct.message,
      direct.location,
    ]);
  });

  it('passes other errors through untouched', () => {
    const bug = new TypeError('a bug');
    expect(withinElement(bug, 'lines', 0)).toBe(bug);
    const other = new InputError('not_json', 'not JSON', { line: 3 });
    expect(withinElement(other, 'lines', 0)).toBe(other);
  });
});

describe('recordAt', () => {
  it('gives a record, and names the element when it is none', () => {
    const line = { num: 1 };
    expect(recordAt(line, 'orders.order', 0)).toBe(line);
    const error = thrown(() => recordAt(7, 'itemInfoList', 2)) as InputError;
    expect([error.message, error.location]).toEqual([
      'itemInfoList[2]: expected an object, got 7',
      { field: 'itemInfoList[2]' },
    ]);
  });
});

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}
