import { describe, expect, it } from 'vitest';
import { findRegion, isWithin, regionChildren, regionPath } from './region-index.ts';

describe('findRegion', () => {
  it.each([
    ['33', '33', '浙江省', 'province'],
    ['3301', '3301', '杭州市', 'city'],
    ['330106', '330106', '西湖区', 'district'],
    ['330000', '33', '浙江省', 'province'],
    ['330100', '3301', '杭州市', 'city'],
    ['上海', '31', '上海市', 'province'],
    ['上海市', '31', '上海市', 'province'],
    ['内蒙古', '15', '内蒙古自治区', 'province'],
    ['内蒙古自治区', '15', '内蒙古自治区', 'province'],
    ['广西', '45', '广西壮族自治区', 'province'],
    ['广西壮族自治区', '45', '广西壮族自治区', 'province'],
    ['新疆', '65', '新疆维吾尔自治区', 'province'],
    ['新疆维吾尔自治区', '65', '新疆维吾尔自治区', 'province'],
    ['宁夏', '64', '宁夏回族自治区', 'province'],
    ['西藏', '54', '西藏自治区', 'province'],
    ['杭州', '3301', '杭州市', 'city'],
    ['杭州市', '3301', '杭州市', 'city'],
    ['恩施州', '4228', '恩施土家族苗族自治州', 'city'],
    [' 浙江 省 ', '33', '浙江省', 'province'],
  ])('%s → %s %s', (query, code, name, level) => {
    expect(findRegion(query)).toMatchObject({ code, name, level });
  });

  it('gives a district its parent city', () => {
    expect(findRegion('西湖区')).toEqual({
      code: '330106',
      name: '西湖区',
      level: 'district',
      parentCode: '3301',
    });
  });

  it('prefers the province when a city has the same short name', () => {
    expect(findRegion('吉林')?.code).toBe('22');
    expect(findRegion('吉林市')?.code).toBe('2202');
  });

  it('resolves an ambiguous name to the lowest code, or within the given ancestor', () => {
    expect(findRegion('朝阳区')?.code).toBe('110105');
    expect(findRegion('朝阳区', '22')?.code).toBe('220104');
    expect(findRegion('鼓楼区', '3203')?.code).toBe('320302');
    expect(findRegion('330106', '44')).toBeUndefined();
  });

  it('does not answer for placeholders, unknown names or codes', () => {
    expect(findRegion('市辖区')).toBeUndefined();
    expect(findRegion('火星')).toBeUndefined();
    expect(findRegion('99')).toBeUndefined();
    expect(findRegion('')).toBeUndefined();
  });
});

describe('isWithin', () => {
  it('follows the code hierarchy, a region counting as within itself', () => {
    expect(isWithin('330106', '33')).toBe(true);
    expect(isWithin('330106', '3301')).toBe(true);
    expect(isWithin('330106', '330106')).toBe(true);
    expect(isWithin('3301', '33')).toBe(true);
    expect(isWithin('330106', '3302')).toBe(false);
    expect(isWithin('33', '3301')).toBe(false);
    expect(isWithin('441900004', '4419')).toBe(true);
  });

  it('accepts padded six-digit codes and rejects malformed ancestors', () => {
    expect(isWithin('330106', '330000')).toBe(true);
    expect(isWithin('330106', '330100')).toBe(true);
    expect(isWithin('330106', '3')).toBe(false);
    expect(isWithin('330106', '')).toBe(false);
    expect(isWithin('', '33')).toBe(false);
  });
});

describe('regionPath', () => {
  it('lists province → city → district', () => {
    expect(regionPath('330106').map((r) => r.name)).toEqual(['浙江省', '杭州市', '西湖区']);
    expect(regionPath('110105').map((r) => r.code)).toEqual(['11', '1101', '110105']);
    expect(regionPath('33').map((r) => r.name)).toEqual(['浙江省']);
    expect(regionPath('999999')).toEqual([]);
  });
});

describe('regionChildren', () => {
  it('lists the 31 mainland provinces and the children of a region', () => {
    expect(regionChildren()).toHaveLength(31);
    expect(regionChildren('50').map((r) => r.name)).toEqual(['市辖区', '县']);
    expect(regionChildren('3301').some((r) => r.name === '西湖区')).toBe(true);
  });
});
