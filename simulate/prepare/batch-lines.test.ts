import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchLines } from './batch-lines.ts';

const plain = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\n');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Text of a few lines: any script, emoji, and characters whose UTF-16 holds a 0x0A byte (上 is U+4E0A). */
const lines = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('上', 'ਊ', '\r', '', ' ', '\ufeff')), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''))
  .chain((text) => fc.array(fc.nat(text.length), { maxLength: 4 }).map((cuts) => insertNewlines(text, cuts)));

function insertNewlines(text: string, cuts: number[]): string {
  let out = text;
  for (const at of cuts.sort((a, b) => b - a)) out = `${out.slice(0, at)}\n${out.slice(at)}`;
  return out;
}

describe('batchLines', () => {
  it('gives the lines TextDecoder and split give, for text of any script', () => {
    fc.assert(
      fc.property(lines, (text) => {
        const bytes = utf8(text);
        expect(batchLines(bytes)).toEqual(plain(bytes));
      }),
    );
  });

  it('gives what TextDecoder gives for any bytes, invalid UTF-8 included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(batchLines(bytes)).toEqual(plain(bytes));
      }),
    );
  });

  it('drops a leading byte-order mark as TextDecoder does, and keeps one further in', () => {
    const bytes = utf8('\ufeff{"a":"北京"}\n\ufeff{"b":1}\n');
    expect(batchLines(bytes)).toEqual(['{"a":"北京"}', '\ufeff{"b":1}', '']);
  });

  it('reads a view into a larger buffer, and leaves an encoded lone surrogate to TextDecoder', () => {
    const whole = utf8('xx{"城市":"上海 🎉"}\n{"b":1}yy');
    expect(batchLines(whole.subarray(2, whole.length - 2))).toEqual(['{"城市":"上海 🎉"}', '{"b":1}']);
    const broken = new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d, 0x0a]);
    expect(batchLines(broken)).toEqual(plain(broken));
  });
});
