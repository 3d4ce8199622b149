import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64, fnv1a64OfPlainJson } from './fnv.ts';

/** FNV-1a 64 of the UTF-8 bytes TextEncoder gives, with BigInt: the definition. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Whether the text holds a backslash or a control character (what JSON.stringify escapes), a
 * surrogate, or U+FFFD (what TextEncoder makes of a lone surrogate). */
function notPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return true;
  }
  return false;
}

describe('fnv1a64', () => {
  it('gives the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes TextEncoder gives, for every width and for lone surrogates', () => {
    const texts = [
      'é',
      '浙江省杭州市',
      '📦 emoji',
      'a\ud800b',
      'end\udc00',
      '\udbff\udfff',
      '\u07ff\u0800\uffff',
    ];
    for (const text of texts) expect(fnv1a64(text)).toBe(reference(text));
  });

  it('is FNV-1a 64 of the UTF-8 bytes, over random texts of every width', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary-ascii' }),
        ),
        (text) => {
          expect(fnv1a64(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
        expect(fnv1a64(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fnv1a64OfPlainJson', () => {
  const values = fc.array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('浙江省 杭州市', 'a\u3000b', '\ufeff', '“引号”', '（一）', '\u2014', 'x\u00a0y', 'é'),
      fc.constant(null),
      fc.boolean(),
    ),
    { maxLength: 8 },
  );

  it('hashes JSON.stringify’s text exactly when nothing in it is escaped, a surrogate or (when asked) white space', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (list, noSpace) => {
        const text = JSON.stringify(list);
        const quotes = 2 * list.filter((v) => typeof v === 'string').length;
        const plain = !notPlain(text) && !(noSpace && /\s/.test(text));
        expect(fnv1a64OfPlainJson(text, quotes, noSpace)).toBe(plain ? reference(text) : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a text with more or fewer quote marks than the joiner wrote', () => {
    expect(fnv1a64OfPlainJson('["a","b"]', 4, false)).toBe(reference('["a","b"]'));
    expect(fnv1a64OfPlainJson('["a","b"]', 2, false)).toBeUndefined();
    expect(fnv1a64OfPlainJson('["a","b"]', 6, false)).toBeUndefined();
    // A value with a quote in it, joined by hand: five quote marks where the joiner wrote four.
    expect(fnv1a64OfPlainJson('["a"","b"]', 4, false)).toBeUndefined();
  });

  it('tells every code unit apart: plain, JSON-escaped or surrogate, and white space as /\\s/ has it', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      const text = `["a${c}b"]`;
      const escaped = notPlain(c) || c === '"';
      const space = /\s/.test(c);
      const hash = escaped ? undefined : reference(text);
      if (fnv1a64OfPlainJson(text, 2, false) !== hash)
        throw new Error(`U+${code.toString(16)} without noSpace`);
      if (fnv1a64OfPlainJson(text, 2, true) !== (space ? undefined : hash)) {
        throw new Error(`U+${code.toString(16)} with noSpace`);
      }
    }
  });
});
