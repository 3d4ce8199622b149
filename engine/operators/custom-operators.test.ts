import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { between, containsAll, containsAny, inRegion, matchesRegex } from './custom-operators.ts';
import { registerOperators } from './register-operators.ts';

describe('containsAny / containsAll', () => {
  it('search text facts as text, so remark keywords work', () => {
    expect(containsAny('亲，麻烦发顺丰！😊', ['顺丰', 'SF'])).toBe(true);
    expect(containsAny('走京东', ['顺丰', 'SF'])).toBe(false);
    expect(containsAll('加急 顺丰', ['加急', '顺丰'])).toBe(true);
    expect(containsAll('加急', ['加急', '顺丰'])).toBe(false);
  });

  it('search list facts by element', () => {
    expect(containsAny(['SKU-1', 'SKU-2'], ['SKU-2', 'SKU-9'])).toBe(true);
    expect(containsAny(['SKU-12'], ['SKU-1'])).toBe(false);
    expect(containsAll(['A', 'B', 'C'], ['A', 'C'])).toBe(true);
  });

  it('are false for missing facts and empty lists, never throw', () => {
    expect(containsAny(undefined, ['a'])).toBe(false);
    expect(containsAny(null, ['a'])).toBe(false);
    expect(containsAll(['a'], [])).toBe(false);
    expect(containsAny(42, [42])).toBe(true);
  });
});

describe('matchesRegex', () => {
  it('matches patterns and bracket codes, with flags', () => {
    expect(matchesRegex('{W:SF} 老客户', '\\{W:SF\\}')).toBe(true);
    expect(matchesRegex('please ship sf', { pattern: 'SF', flags: 'i' })).toBe(true);
    expect(matchesRegex('please ship sf', 'SF')).toBe(false);
  });

  it('is false for a broken pattern or a non-text fact', () => {
    expect(matchesRegex('abc', '([a-z')).toBe(false);
    expect(matchesRegex({ a: 1 }, '.')).toBe(false);
    expect(matchesRegex(undefined, '.*')).toBe(false);
  });

  it('gives the same answer on every call even with a global flag', () => {
    expect([1, 2, 3].map(() => matchesRegex('aaa', { pattern: 'a', flags: 'g' }))).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('between', () => {
  it('is inclusive and accepts numeric strings like json-rules-engine does', () => {
    expect(between(100, [100, 200])).toBe(true);
    expect(between(200, [100, 200])).toBe(true);
    expect(between('150.5', [100, 200])).toBe(true);
    expect(between(200.01, [100, 200])).toBe(false);
    expect(between('', [0, 1])).toBe(false);
    expect(between(5, [1])).toBe(false);
  });
});

describe('inRegion', () => {
  const hangzhou = { provinceCode: '33', cityCode: '3301', districtCode: '330106' };

  it('matches a region and everything under it, by name or code', () => {
    expect(inRegion(hangzhou, ['浙江'])).toBe(true);
    expect(inRegion(hangzhou, ['浙江省'])).toBe(true);
    expect(inRegion(hangzhou, ['3301'])).toBe(true);
    expect(inRegion(hangzhou, ['330106'])).toBe(true);
    expect(inRegion(hangzhou, ['330105'])).toBe(false);
    expect(inRegion(hangzhou, ['上海', '江苏'])).toBe(false);
  });

  it('accepts a code or a name as the fact', () => {
    expect(inRegion('310115', ['上海'])).toBe(true);
    expect(inRegion('广西', ['45'])).toBe(true);
  });

  it('is false for unknown regions and missing facts', () => {
    expect(inRegion({ provinceCode: '', cityCode: '', districtCode: '' }, ['浙江'])).toBe(false);
    expect(inRegion(hangzhou, ['火星'])).toBe(false);
    expect(inRegion(undefined, ['浙江'])).toBe(false);
  });
});

describe('registerOperators', () => {
  it('lets a plain json-rules-engine Engine run our operators', async () => {
    const engine = registerOperators(new Engine([], { allowUndefinedFacts: true }));
    engine.addRule({
      conditions: {
        all: [
          { fact: 'remarks', operator: 'containsAny', value: ['顺丰'] },
          { fact: 'receiver', operator: 'inRegion', value: ['33'] },
          { fact: 'total', operator: 'between', value: [100, 300] },
        ],
      },
      event: { type: 'carrier', params: { carrier: 'SF' } },
    });
    const { events } = await engine.run({
      remarks: '发顺丰',
      receiver: { provinceCode: '33', cityCode: '', districtCode: '' },
      total: 278,
    });
    expect(events).toEqual([{ type: 'carrier', params: { carrier: 'SF' } }]);
    const none = await engine.run({ remarks: '发顺丰', receiver: { provinceCode: '31' }, total: 278 });
    expect(none.events).toEqual([]);
  });
});
