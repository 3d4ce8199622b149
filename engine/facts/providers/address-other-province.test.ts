import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactAddress, namesOtherProvince } from './address-other-province.ts';

const SHANGHAI = '31';
const NANJING_PROVINCE = '32'; // 江苏

describe('namesOtherProvince', () => {
  it.each([
    ['a full provincial name', '江苏省苏州市工业园区星湖街 328 号', SHANGHAI],
    ['a short name followed by one of its cities', '江苏苏州园区星湖街328号', SHANGHAI],
    ['an autonomous region by its full name', '内蒙古自治区呼和浩特市新城区', SHANGHAI],
    ['a municipality followed by one of its districts', '上海市浦东新区张江路 1 号', NANJING_PROVINCE],
    ['a short name with its district, in full-width spacing', '北京　朝阳区建国路 88 号', SHANGHAI],
  ])('holds for %s', (_case, address, own) => {
    expect(namesOtherProvince(address, own)).toBe(true);
  });

  it.each([
    ['a road named after a province (上海的江苏路)', '长宁区江苏路 458 号', SHANGHAI],
    ['a road named after a city-province (南京的北京东路)', '玄武区北京东路 41 号', NANJING_PROVINCE],
    ['西藏南路 and 四川北路 in 上海', '黄浦区西藏南路 1 号近四川北路', SHANGHAI],
    ['a market named after a municipality', '鼓楼区上海市场 3 楼', NANJING_PROVINCE],
    ['海南 inside 上海南路', '上海南路 12 号', NANJING_PROVINCE],
    ['the receiver’s own province in full', '上海市黄浦区人民大道 200 号', SHANGHAI],
    ['a university named after a province', '浙江大学紫金港校区', SHANGHAI],
  ])('does not hold for %s', (_case, address, own) => {
    expect(namesOtherProvince(address, own)).toBe(false);
  });

  it('answers the same for an address with and without its spaces (scanned as is, or compacted first)', () => {
    const cases: [string, string, boolean][] = [
      ['代收点转寄江苏苏州园区星湖街 328 号', SHANGHAI, true],
      ['小区门口内蒙古自治区驻沪办', SHANGHAI, true],
      ['长宁区江苏路 458 号', SHANGHAI, false],
      ['鼓楼区上海市场 3 楼', NANJING_PROVINCE, false],
    ];
    for (const [address, own, holds] of cases) {
      expect(namesOtherProvince(address, own), address).toBe(holds);
      expect(namesOtherProvince(address.replaceAll(' ', ''), own), address).toBe(holds);
      expect(namesOtherProvince(`${address.replaceAll(' ', '')} `, own), address).toBe(holds);
    }
  });

  it('answers for any address what it answers for its compact form', () => {
    const pieces = fc.constantFrom(
      '江苏',
      '苏州',
      '省',
      '上海',
      '市场',
      '路',
      '内蒙古自治区',
      '呼和浩特',
      '3',
      ' ',
      '\u3000',
      '１',
      'Ａ',
      '，',
      '号',
    );
    const own = fc.constantFrom(SHANGHAI, NANJING_PROVINCE, '44');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), own, (parts, province) => {
        const address = parts.join('');
        expect(namesOtherProvince(address, province)).toBe(
          namesOtherProvince(compactAddress(address), province),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('does not guess when the receiver’s province is unknown', () => {
    expect(namesOtherProvince('江苏省苏州市', '')).toBe(false);
  });
});

describe('compactAddress', () => {
  const compacted = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

  it('is NFKC without whitespace, for texts of ideographs, ASCII, full-width forms, spaces and marks', () => {
    const pieces = fc.constantFrom(
      '江苏',
      '路',
      '3',
      'A',
      ' ',
      '\t',
      '\u3000',
      '１',
      'Ａ',
      '，',
      '\u00a0',
      'e\u0301',
      '\u0301',
      '\u2f00',
      '\uf900',
      '가',
      '\u1100\u1161',
      '号',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(compactAddress(text)).toBe(compacted(text));
      }),
    );
  });

  it('leaves every printable ASCII character and CJK unified ideograph as NFKC does, on its own and in pairs', () => {
    const stable: string[] = [];
    for (let code = 0x21; code < 0x7f; code++) stable.push(String.fromCharCode(code));
    for (let code = 0x4e00; code <= 0x9fff; code++) stable.push(String.fromCharCode(code));
    for (const char of stable) expect(compactAddress(char)).toBe(compacted(char));
    for (let i = 0; i + 1 < stable.length; i += 7) {
      const pair = stable[i]! + stable[i + 1]!;
      expect(compactAddress(pair)).toBe(compacted(pair));
    }
  });
});
