import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from './safe-json.ts';

describe('parseJsonSafely', () => {
  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const parsed = parseJsonSafely(
      '{"a": {"__proto__": {"x": 1}, "b": [{"constructor": {"prototype": {"y": 2}}, "c": 3}]}, "prototype": 4}',
    );
    expect(parsed).toEqual({ a: { b: [{ c: 3 }] } });
    expect(Object.keys((parsed as { a: object }).a)).toEqual(['b']);
  });

  it('drops them when spelled with escapes too', () => {
    expect(parseJsonSafely('{"\\u005f_proto__": {"x": 1}, "ok": "\\u4e2d"}')).toEqual({ ok: '中' });
  });

  it('parses ordinary JSON as JSON.parse does', () => {
    const text = '{"carrier":"SF","qty":3,"tags":["vip",null],"note":"不要放驿站"}';
    expect(parseJsonSafely(text)).toEqual(JSON.parse(text));
  });
});
