import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './decode-utf8.ts';

const plain = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('gives what TextDecoder gives for text of any script, emoji and stray marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = utf8(text);
        expect(decodeUtf8(bytes)).toBe(plain(bytes));
      }),
    );
  });

  it('gives what TextDecoder gives for any bytes, invalid UTF-8 included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(plain(bytes));
      }),
    );
  });

  it('drops a leading byte-order mark as TextDecoder does, and keeps one further in', () => {
    const bytes = utf8('\ufeff{"a":"北京"}\n\ufeff{"b":1}');
    expect(decodeUtf8(bytes)).toBe('{"a":"北京"}\n\ufeff{"b":1}');
  });

  it('reads a view into a larger buffer, lone surrogates and all', () => {
    const whole = utf8('xx{"城市":"上海 🎉"}yy');
    const view = whole.subarray(2, whole.length - 2);
    expect(decodeUtf8(view)).toBe('{"城市":"上海 🎉"}');
    const broken = new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d]); // an encoded lone surrogate
    expect(decodeUtf8(broken)).toBe(plain(broken));
  });
});
