import { describe, expect, it } from 'vitest';
import { resolveAddress } from './resolve-address.ts';

const codes = (a: ReturnType<typeof resolveAddress>) => [a.provinceCode, a.cityCode, a.districtCode];
const names = (a: ReturnType<typeof resolveAddress>) => [a.province, a.city, a.district];

describe('resolveAddress', () => {
  it('resolves full and short names level by level', () => {
    const full = resolveAddress({ province: '浙江省', city: '杭州市', district: '西湖区' });
    expect(codes(full)).toEqual(['33', '3301', '330106']);
    expect(full.issues).toEqual([]);
    const short = resolveAddress({ province: '浙江', city: '杭州', district: '西湖' });
    expect(names(short)).toEqual(['浙江省', '杭州市', '西湖区']);
    expect(codes(short)).toEqual(['33', '3301', '330106']);
  });

  it('resolves a district name that exists in several places within its parent', () => {
    expect(resolveAddress({ province: '吉林省', city: '长春市', district: '朝阳区' }).districtCode).toBe(
      '220104',
    );
    expect(resolveAddress({ province: '北京', city: '北京市', district: '朝阳区' }).districtCode).toBe(
      '110105',
    );
    expect(resolveAddress({ province: '辽宁', city: '朝阳市', district: '双塔区' }).cityCode).toBe('2113');
  });

  it.each([
    ['北京', '北京市', '朝阳区', ['11', '1101', '110105']],
    ['上海市', '上海市', '浦东新区', ['31', '3101', '310115']],
    ['上海', '市辖区', '徐汇区', ['31', '3101', '310104']],
    ['天津', '天津', '滨海新区', ['12', '1201', '120116']],
    ['重庆', '重庆市', '渝中区', ['50', '5001', '500103']],
    ['重庆', '重庆市', '城口县', ['50', '5002', '500229']],
    ['重庆', '县', '城口县', ['50', '5002', '500229']],
    ['上海', '', '黄浦区', ['31', '3101', '310101']],
  ])('municipality %s / %s / %s', (province, city, district, expected) => {
    const a = resolveAddress({ province, city, district });
    expect(codes(a)).toEqual(expected);
    expect(a.issues).toEqual([]);
  });

  it('takes a municipality district given as the city (上海 / 浦东新区 / "")', () => {
    const a = resolveAddress({ province: '上海', city: '浦东新区', district: '' });
    expect(names(a)).toEqual(['上海市', '市辖区', '浦东新区']);
    expect(codes(a)).toEqual(['31', '3101', '310115']);
    expect(a.issues).toEqual([]);
  });

  it('ignores a sub-district label when the city field already held the district (JD: 北京 / 朝阳区 / 三环到四环之间)', () => {
    const a = resolveAddress({ province: '北京', city: '朝阳区', district: '三环到四环之间' });
    expect(codes(a)).toEqual(['11', '1101', '110105']);
    expect(a.issues).toEqual([]);
  });

  it('places a county-level city directly under its province (湖北 / 仙桃市)', () => {
    const a = resolveAddress({ province: '湖北省', city: '仙桃市', district: '' });
    expect(names(a)).toEqual(['湖北省', '省直辖县级行政区划', '仙桃市']);
    expect(codes(a)).toEqual(['42', '4290', '429004']);
  });

  it('matches 东莞 towns, also by their short form', () => {
    expect(resolveAddress({ province: '广东', city: '东莞市', district: '南城街道' }).districtCode).toBe(
      '441900004',
    );
    expect(resolveAddress({ province: '广东', city: '东莞', district: '南城区' }).district).toBe('南城街道');
  });

  it('reports a short district name that fits two districts of the city', () => {
    const a = resolveAddress({ province: '甘肃', city: '临夏州', district: '临夏' });
    expect(codes(a)).toEqual(['62', '6229', '']);
    expect(a.issues[0]!.message).toBe(
      'The receiver\'s district "临夏" fits more than one district of 临夏回族自治州, 甘肃省',
    );
    expect(resolveAddress({ province: '甘肃', city: '临夏州', district: '临夏县' }).districtCode).toBe(
      '622921',
    );
  });

  it('infers the city from a district that is unique in the province', () => {
    const a = resolveAddress({ province: '浙江省', city: '', district: '西湖区' });
    expect(codes(a)).toEqual(['33', '3301', '330106']);
  });

  it('reports a district that is ambiguous without its city', () => {
    const a = resolveAddress({ province: '江苏省', city: '', district: '鼓楼区' });
    expect(codes(a)).toEqual(['32', '', '']);
    expect(a.issues.map((i) => [i.code, i.field])).toEqual([
      ['region_missing', 'receiver.city'],
      ['region_unknown', 'receiver.district'],
    ]);
    expect(a.issues[1]!.message).toBe(
      'The receiver\'s district "鼓楼区" fits more than one district of 江苏省',
    );
  });

  it('keeps unknown text, leaves codes empty and names the value in the issue', () => {
    const a = resolveAddress({ province: '火星省', city: '奥林匹斯市', district: '' });
    expect(names(a)).toEqual(['火星省', '奥林匹斯市', '']);
    expect(codes(a)).toEqual(['', '', '']);
    expect(a.issues).toEqual([
      {
        code: 'region_unknown',
        field: 'receiver.province',
        message: 'The receiver\'s province "火星省" is not a province of China',
      },
      { code: 'region_missing', field: 'receiver.district', message: "The receiver's district is missing" },
    ]);
  });

  it('reports an unknown city and district against their parent', () => {
    const city = resolveAddress({ province: '浙江', city: '长春市', district: '朝阳区' });
    expect(codes(city)).toEqual(['33', '', '']);
    expect(city.issues).toEqual([
      {
        code: 'region_unknown',
        field: 'receiver.city',
        message: 'The receiver\'s city "长春市" is not a city of 浙江省',
      },
    ]);
    const district = resolveAddress({ province: '浙江', city: '宁波', district: '西湖区' });
    expect(codes(district)).toEqual(['33', '3302', '']);
    expect(district.issues[0]).toMatchObject({ code: 'region_unknown', field: 'receiver.district' });
    expect(district.issues[0]!.message).toBe(
      'The receiver\'s district "西湖区" is not a district of 宁波市, 浙江省',
    );
  });

  it('reports a municipality city that needs its district', () => {
    const a = resolveAddress({ province: '重庆', city: '重庆市', district: '' });
    expect(codes(a)).toEqual(['50', '', '']);
    expect(a.issues.map((i) => i.code)).toEqual(['region_unknown', 'region_missing']);
    const beijing = resolveAddress({ province: '北京', city: '北京市', district: '' });
    expect(codes(beijing)).toEqual(['11', '1101', '']);
    expect(beijing.issues).toEqual([
      { code: 'region_missing', field: 'receiver.district', message: "The receiver's district is missing" },
    ]);
  });

  it('reports everything missing when given nothing', () => {
    const a = resolveAddress({});
    expect(a.issues.map((i) => `${i.code} ${i.field}`)).toEqual([
      'region_missing receiver.province',
      'region_missing receiver.city',
      'region_missing receiver.district',
    ]);
  });
});
