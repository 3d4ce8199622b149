import fc from 'fast-check';
import { parse as parseLossless } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { mayHoldUnsafeInteger, parseOrderJson, quoteUnsafeIntegers } from './raw-json.ts';

/** lossless-json, a maintained lossless parser, as the oracle: unsafe integers as their digits, the rest as JSON.parse. */
const oracle = (text: string) =>
  parseLossless(text, null, {
    parseNumber: (literal) => {
      const value = Number(literal);
      return Number.isSafeInteger(value) || !/^-?\d+$/.test(literal) ? value : literal;
    },
    onDuplicateKey: ({ newValue }) => newValue,
  });

/** The pattern `mayHoldUnsafeInteger` replaced: a 16-digit number where a value starts. */
const LONG_NUMBER = /[:,[][ \t\n\r]*-?\d{16}/;

// Fragments of JSON and of broken JSON: separators, quotes, escapes, whitespace, signs, long and short digit runs.
const jsonFragment = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    ':',
    ',',
    '[',
    ']',
    '{',
    '}',
    ' ',
    '\n',
    '\t',
    '\r',
    '-',
    '0',
    '.',
    'e',
    'a',
    '中',
  ),
  fc.bigInt({ min: 0n, max: 10n ** 22n }).map((n) => n.toString()),
  fc.constantFrom('9007199254740991', '9007199254740992', '-9007199254740992', '1234567890123456'),
  // Whole pieces: escaped quotes and backslashes in strings, candidates in value positions.
  fc.constantFrom('"\\""', '"\\\\"', '\\"', '": ', ':12345678901234567890,', ', -98765432109876543210]'),
);

const noUnsafeInteger = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isSafeInteger(value) || !Number.isInteger(value)
    : typeof value !== 'object' || value === null || Object.values(value).every(noUnsafeInteger);

describe('parseOrderJson', () => {
  it('keeps every digit of an integer past 2^53, as a string, and nothing else changes', () => {
    const text =
      '{"tid": 3456789012345678901, "orders": {"order": [{"oid": 3456789012345678902, "num": 2, "price": "159.00"}]},' +
      ' "safe": 9007199254740991, "edge": 9007199254740992, "negative": -12345678901234567890, "fee": 1.5, "big": 1e21}';
    expect(parseOrderJson(text)).toEqual({
      tid: '3456789012345678901',
      orders: { order: [{ oid: '3456789012345678902', num: 2, price: '159.00' }] },
      safe: 9007199254740991,
      edge: '9007199254740992',
      negative: '-12345678901234567890',
      fee: 1.5,
      big: 1e21,
    });
  });

  it('leaves text without a 16-digit number to JSON.parse, and long digits inside strings alone', () => {
    expect(mayHoldUnsafeInteger('{"tid_str": "4012345678901234567", "num_iid": 612345678901}')).toBe(false);
    expect(mayHoldUnsafeInteger('{"tid":\n\t4012345678901234567}')).toBe(true);
    expect(mayHoldUnsafeInteger('[1, -4012345678901234567]')).toBe(true);
    const inStrings = [
      '{"memo": "tid: 4012345678901234567, ok", "tid": 4012345678901234567}',
      '{"memo": "say \\"x\\": 4012345678901234567}", "n": [4012345678901234568]}',
      '{"memo": "ends in a backslash \\\\", "tid": 4012345678901234567}',
    ];
    expect(inStrings.map(parseOrderJson)).toEqual([
      { memo: 'tid: 4012345678901234567, ok', tid: '4012345678901234567' },
      { memo: 'say "x": 4012345678901234567}', n: ['4012345678901234568'] },
      { memo: 'ends in a backslash \\', tid: '4012345678901234567' },
    ]);
  });

  it('quotes only integer tokens: a leading zero, a fraction or an exponent stays for JSON.parse', () => {
    const text =
      '{"a": 01234567890123456789, "b": 12345678901234567.5, "c": 12345678901234567e2, "d": 12345678901234567}';
    expect(quoteUnsafeIntegers(text)).toBe(
      '{"a": 01234567890123456789, "b": 12345678901234567.5, "c": 12345678901234567e2, "d": "12345678901234567"}',
    );
    expect(() => parseOrderJson(text)).toThrow(SyntaxError);
    const fractionAndExponent = '{"b": 12345678901234567.5, "c": 12345678901234567e2}';
    expect(parseOrderJson(fractionAndExponent)).toEqual(JSON.parse(fractionAndExponent));
    // A number where a key belongs stays a number, so the text stays what it was: not JSON.
    expect(() => parseOrderJson('{"a": 1, 12345678901234567890}')).toThrow(SyntaxError);
  });

  it('reads as JSON.parse does: the last duplicate key wins, __proto__ is an own key', () => {
    const parsed = parseOrderJson(
      '{"tid": 3456789012345678901, "a": 1, "a": 2, "__proto__": {"x": 1}}',
    ) as Record<string, unknown>;
    expect(parsed.a).toBe(2);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['tid', 'a', '__proto__']);
  });

  it("refuses text that is not JSON with JSON.parse's own message, on either path", () => {
    const messageOf = (text: string) => {
      try {
        parseOrderJson(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'parsed';
    };
    for (const text of ['{"tid": 3456789012345678901,}', '{"tid": 34,}', '', '{"a": 1234567890123456789']) {
      expect(messageOf(text)).toBe(
        (() => {
          try {
            JSON.parse(text);
          } catch (error) {
            return (error as Error).message;
          }
          return 'parsed';
        })(),
      );
    }
  });

  it('gives what JSON.parse gives wherever no integer passes 2^53', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter(noUnsafeInteger), (value) => {
        const text = JSON.stringify(value);
        expect(parseOrderJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads what lossless-json reads, strings with quotes, colons and backslashes around long integers included', () => {
    const unsafe = fc.bigInt({ min: 2n ** 53n, max: 10n ** 22n }).map((n) => n.toString());
    // Strings that look like JSON inside: quotes, backslashes, separators and long digit runs.
    const tricky = fc
      .array(fc.oneof(fc.constantFrom('"', '\\', ':', ',', '[', ']', '{', '}', ' ', 'a'), unsafe), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''));
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        unsafe.map((digits) => ({ raw: digits })),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        tricky,
        fc.constantFrom(true, false, null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const write = (v: unknown): string =>
      v !== null && typeof v === 'object' && 'raw' in v
        ? `\n ${(v as { raw: string }).raw}`
        : Array.isArray(v)
          ? `[${v.map(write).join(',')}]`
          : v !== null && typeof v === 'object'
            ? `{${Object.entries(v)
                .map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`)
                .join(', ')}}`
            : JSON.stringify(v);
    fc.assert(
      // Within an array: a whole text that is one bare number is no order, and is left to JSON.parse.
      fc.property(fc.array(value, { maxLength: 3 }), (v) => {
        const text = write(v);
        expect(parseOrderJson(text)).toEqual(oracle(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches JSON.parse on every value but the unsafe integers, which it keeps as digits', () => {
    const unsafe = fc.bigInt({ min: 2n ** 53n, max: 10n ** 25n }).map((n) => n.toString());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), unsafe, fc.integer())), (entries) => {
        const text = `[${entries.map(([s, digits, n]) => `{"s":${JSON.stringify(s)},"id":${digits},"n":${n}}`).join(',')}]`;
        expect(parseOrderJson(text)).toEqual(entries.map(([s, id, n]) => ({ s, id, n })));
      }),
      { numRuns: 200 },
    );
  });

  it('quotes exactly what the regex scan it replaced quoted, on any text, JSON or not', () => {
    fc.assert(
      fc.property(fc.array(jsonFragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(quoteUnsafeIntegers(text)).toBe(regexQuote(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseOrderJson against the path it replaced, on broken and odd text', () => {
  /** The previous parseOrderJson: quote by the regex scan, parse, and on failure JSON.parse's own error. */
  const previous = (text: string): unknown => {
    if (!LONG_NUMBER.test(text)) return JSON.parse(text);
    try {
      return JSON.parse(regexQuote(text));
    } catch (error) {
      JSON.parse(text);
      throw error;
    }
  };
  const outcome = (read: (text: string) => unknown, text: string) => {
    try {
      return { value: read(text) };
    } catch (error) {
      return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  };
  const trade = JSON.stringify({
    tid: 'TID',
    status: 'WAIT_SELLER_SEND_GOODS',
    buyer_message: '请尽快发货 😀',
    seller_memo: 'memo',
    orders: { order: [{ oid: 'OID', num: 2, price: '260.00', title: '植村秀洁颜油' }] },
  })
    .replace('"TID"', '4348746786362062271')
    .replace('"OID"', '4348746786362062272');
  // Edits that break or stretch the text: truncation, bad and odd escapes, lone and paired surrogates,
  // a BOM, duplicate keys, deep nesting, huge numbers, long digits inside strings.
  const edit = fc.oneof(
    fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          '\\x',
          '\\u12',
          '\\uD83D',
          '\\uDE00',
          '\\uD83D\\uDE00',
          '\ud83d',
          '\\"',
          '\\\\',
          '"',
          ',',
          ':',
          ' 12345678901234567890',
          ': 98765432109876543210,',
          '1e400',
          '-0',
          '\ufeff',
        ),
      )
      .map(([n, piece]) => (t: string) => {
        const at = n % (t.length + 1);
        return t.slice(0, at) + piece + t.slice(at);
      }),
    fc.constantFrom(
      (t: string) => `\ufeff${t}`,
      (t: string) =>
        t.replace('"seller_memo":"memo"', '"seller_memo":"memo","seller_memo":12345678901234567890'),
      (t: string) => t.replace('"tid":', '"tid":4348746786362062271,"tid":'),
      (t: string) => t.replace('"memo"', '"tid: 4348746786362062271, ok"'),
      (t: string) => t.replace('"memo"', `${'['.repeat(3000)}1${']'.repeat(3000)}`),
      (t: string) => t.replace('"memo"', `${'['.repeat(200)}99999999999999999999${']'.repeat(200)}`),
      (t: string) => t.replace('"memo"', '1'.repeat(400)),
      (t: string) => t.replace('"memo"', '"\\u0000\\n\\t"'),
    ),
  );
  it('finds a possible unsafe integer exactly where the pattern it replaced finds one', () => {
    fc.assert(
      fc.property(fc.array(jsonFragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(mayHoldUnsafeInteger(text)).toBe(LONG_NUMBER.test(text));
        expect(outcome(parseOrderJson, text)).toEqual(outcome(previous, text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same value, or the same error, as before', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 3 }), (edits) => {
        const text = edits.reduce((t, f) => f(t), trade);
        expect(outcome(parseOrderJson, text)).toEqual(outcome(previous, text));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The previous implementation (a regex for the candidates, `indexOf` for the quotes before each), as the oracle. */
function regexQuote(text: string): string {
  const candidate = /([:,[][ \t\n\r]*)(-?[1-9]\d{15,})(?=[ \t\n\r]*[,\]}])/g;
  const escaped = (quote: number) => {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    return backslashes % 2 === 1;
  };
  let out = '';
  let copied = 0;
  let scanned = 0;
  let inString = false;
  for (let match = candidate.exec(text); match !== null; match = candidate.exec(text)) {
    for (let q = text.indexOf('"', scanned); q !== -1 && q < match.index; q = text.indexOf('"', q + 1)) {
      inString = inString ? escaped(q) : true;
    }
    scanned = match.index;
    const digits = match[2]!;
    if (inString || Number.isSafeInteger(Number(digits))) continue;
    const at = match.index + match[1]!.length;
    out += `${text.slice(copied, at)}"${digits}"`;
    copied = at + digits.length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
