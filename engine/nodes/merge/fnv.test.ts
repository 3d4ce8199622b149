import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64, isSpace, JsonFnv1a64 } from './fnv.ts';

/** FNV-1a 64 of the UTF-8 bytes TextEncoder gives, with BigInt: the definition. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Whether the text holds a backslash or a control character (what JSON.stringify escapes) or a surrogate. */
function notPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
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

/** JsonFnv1a64's hash of `["…"]` around text[from, to), or undefined when it says the text is not plain. */
function hashed(text: string, dropSpace: boolean, from = 0, to = text.length): string | undefined {
  const hash = new JsonFnv1a64();
  hash.ascii('["');
  if (!hash.text(text, from, to, dropSpace)) return undefined;
  hash.ascii('"]');
  return hash.hex();
}

describe('JsonFnv1a64', () => {
  it('hashes JSON.stringify’s text exactly when no value is escaped or holds a surrogate', () => {
    const values = fc.array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.constantFrom(
          '浙江省 杭州市',
          'a\u3000b',
          '\ufeff',
          '“引号”',
          '（一）',
          '\u2014',
          'x\u00a0y',
          'é',
          '\ufffd',
        ),
        fc.constant(null),
        fc.boolean(),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(values, (list) => {
        const hash = new JsonFnv1a64();
        let plain = true;
        hash.ascii('[');
        list.forEach((value, i) => {
          if (i > 0) hash.ascii(',');
          if (typeof value !== 'string') hash.ascii(String(value));
          else {
            hash.ascii('"');
            plain &&= hash.text(value, 0, value.length, false);
            hash.ascii('"');
          }
        });
        hash.ascii(']');
        const text = JSON.stringify(list);
        expect(plain ? hash.hex() : undefined).toBe(notPlain(text) ? undefined : reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('tells every code unit apart: plain, JSON-escaped or surrogate, and white space as /\\s/ has it', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      const escaped = code === 0x22 || notPlain(c);
      const space = /\s/.test(c);
      if (isSpace(code) !== space) throw new Error(`U+${code.toString(16)} isSpace`);
      const hash = escaped ? undefined : reference(`["a${c}b"]`);
      if (hashed(`a${c}b`, false) !== hash) throw new Error(`U+${code.toString(16)} kept`);
      if (hashed(`a${c}b`, true) !== (space ? reference('["ab"]') : hash)) {
        throw new Error(`U+${code.toString(16)} with white space dropped`);
      }
    }
  });

  it('hashes only text[from, to), and starts again after reset', () => {
    expect(hashed('xx浙江yy', false, 2, 4)).toBe(reference('["浙江"]'));
    const hash = new JsonFnv1a64();
    hash.ascii('junk');
    hash.reset();
    hash.ascii('a');
    expect(hash.hex()).toBe('af63dc4c8601ec8c');
  });
});
