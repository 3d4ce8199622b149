import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factValueArb } from '../differential/fact-arbitraries.ts';
import { UnsupportedFactError } from './compile-errors.ts';
import { emitLoad } from './emit-load.ts';
import type { Facts } from './fact-accessor.ts';
import { resolvePath } from './jsonpath.ts';
import { simplePathSegments } from './simple-path.ts';
import { compileSource, SourcePool } from './source-pool.ts';
import { isNumeric } from './standard-operators.ts';

/** The generated load for one read, returning its slot. */
function loader(fact: string, segments: readonly string[] | undefined): (facts: Facts) => unknown {
  const pool = new SourcePool();
  const body = `return function (f, s) {\n${emitLoad([{ fact, segments }], pool)}\nreturn s[0];\n};`;
  const load = compileSource<(f: Facts, s: unknown[]) => unknown>(
    pool,
    { isArray: Array.isArray, isNumeric, hasOwn: Object.hasOwn },
    body,
  );
  return (facts) => load(facts, []);
}

/** almanac.factValue with json-rules-engine's default path resolver, synchronously. */
function almanacValue(facts: Facts, fact: string, path: string): unknown {
  if (!Object.hasOwn(facts, fact)) return undefined;
  const value = facts[fact];
  return value !== null && typeof value === 'object' ? resolvePath(value, path) : value;
}

describe('simplePathSegments', () => {
  it.each([
    ['$.a', ['a']],
    ['$.receiver.provinceCode', ['receiver', 'provinceCode']],
    ['$.lines[0].sku', ['lines', '0', 'sku']],
    ["$['收货人']['省']", ['收货人', '省']],
    ['$.length', ['length']],
  ])('%s follows own properties %j', (path, segments) => {
    expect(simplePathSegments(path)).toEqual(segments);
  });

  it.each([
    '$',
    'a.b',
    'constructor',
    '$.*',
    '$..a',
    '$.a[*]',
    '$[0:2]',
    '$[0,1]',
    '$[?(@.a)]',
    '$.a^',
    '$.a~',
    '$.@string()',
  ])('%s is left to jsonpath-plus', (path) => expect(simplePathSegments(path)).toBeUndefined());
});

const segmentArb = fc.constantFrom(
  'province',
  'city',
  'code',
  'tags',
  '0',
  '1',
  'length',
  'sku',
  'constructor',
  '__proto__',
  'toString',
);

describe('emitLoad', () => {
  it('reads a simple path as json-rules-engine does, for any fact value', () => {
    fc.assert(
      fc.property(
        factValueArb,
        fc.array(segmentArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (value, segments, brackets, present) => {
          const path = brackets ? `$${segments.map((s) => `['${s}']`).join('')}` : `$.${segments.join('.')}`;
          expect(simplePathSegments(path)).toEqual(segments);
          const facts: Facts = present ? { doc: value } : {};
          expect(loader('doc', segments)(facts)).toStrictEqual(almanacValue(facts, 'doc', path));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('walks own properties of objects of any prototype, and of primitives, as jsonpath-plus does', () => {
    class Box {
      province = '上海';
      get city() {
        return '杭州';
      }
    }
    const inherited = Object.assign(Object.create({ province: '浙江省', city: { code: '3301' } }), {
      code: 1,
    });
    const values: unknown[] = [
      Object.assign(Object.create(null), { province: { code: '31' }, length: 2 }),
      new Box(),
      inherited,
      ['a', { code: 5 }],
      'text',
      new Map([['province', 1]]),
      { province: 'abc', city: 7 },
    ];
    const paths = [
      ['province'],
      ['province', 'code'],
      ['city'],
      ['city', 'code'],
      ['length'],
      ['1', 'code'],
      ['size'],
    ];
    for (const value of values) {
      for (const segments of paths) {
        const facts: Facts = { doc: value };
        const path = `$.${segments.join('.')}`;
        expect(loader('doc', segments)(facts), path).toStrictEqual(almanacValue(facts, 'doc', path));
      }
    }
  });

  it('finds no own property Object.prototype gained after the code was made', () => {
    const load = loader('doc', ['polluted']);
    const facts: Facts = { doc: { province: '上海' } };
    (Object.prototype as Record<string, unknown>).polluted = 'inherited';
    try {
      expect(load(facts)).toBeUndefined();
      expect(load({ doc: { polluted: 'own' } })).toBe('own');
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('reads only own facts when the name is also an Object.prototype member', () => {
    expect(loader('toString', undefined)({})).toBeUndefined();
    expect(loader('__proto__', undefined)(JSON.parse('{"__proto__": 7}'))).toBe(7);
  });

  it('refuses a fact json-rules-engine would call or await', () => {
    expect(() => loader('amount', undefined)({ amount: () => 1 })).toThrow(UnsupportedFactError);
    expect(() => loader('amount', ['x'])({ amount: Promise.resolve(1) })).toThrow(UnsupportedFactError);
  });
});
