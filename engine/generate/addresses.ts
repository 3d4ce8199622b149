import { PLACEHOLDER_CITIES, type Region, regionChildren } from '../order/regions/index.ts';
import { shortNames } from '../order/regions/short-names.ts';
import type { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

/**
 * Receiver addresses over the real GB/T 2260 divisions, weighted by population and by how much each
 * province buys online (the east and south more), with rural towns and villages and the remote west.
 */
export interface Address {
  province: string;
  provinceShort: string;
  provinceCode: string;
  /** The city; '' in a 直辖市, where the province stands for it. */
  city: string;
  /** The city's code, or the 直辖市's placeholder city (1101) or the 省直辖县's own code. */
  cityCode: string;
  /** District or county; '' for a 省直辖县 (仙桃市), which platforms put in the city field. */
  district: string;
  districtCode: string;
  municipality: boolean;
  town: string;
  detail: string;
  rural: boolean;
}

// Population in millions (2020 census) by province code.
const POPULATION = new Map(
  (
    '11:21.9 12:13.9 13:74.6 14:34.9 15:24.0 21:42.6 22:24.1 23:31.9 31:24.9 32:84.7 33:64.6 ' +
    '34:61.0 35:41.5 36:45.2 37:101.5 41:99.4 42:57.8 43:66.4 44:126.0 45:50.1 46:10.1 50:32.1 ' +
    '51:83.7 52:38.6 53:47.2 54:3.6 61:39.5 62:25.0 63:5.9 64:7.2 65:25.9'
  )
    .split(' ')
    .map((entry) => entry.split(':') as [string, string])
    .map(([code, millions]) => [code, Number(millions)] as const),
);
const EAST_COAST = new Set(['11', '12', '31', '32', '33', '35', '44']);
const INLAND_EAST = new Set(['13', '21', '34', '36', '37', '41', '42', '43', '45', '46', '50', '51', '61']);
const onlineShare = (code: string) => (EAST_COAST.has(code) ? 1.8 : INLAND_EAST.has(code) ? 1 : 0.8);

const RURAL_SHARE = 0.22;
const TOWN_STEMS = '城关 新华 太平 永安 东风 红星 石桥 新城 白沙 柳林 桃源 平安 高桥 马坪'.split(' ');
const VILLAGE_STEMS = '王家 李家 张庄 刘庄 陈家湾 石门 上湾 下坪 杨柳 后沟 前进 新庄 马家'.split(' ');
const ROADS =
  '人民路 解放路 建设路 和平路 文化路 胜利路 青年路 幸福路 友谊路 团结路 民主路 滨江路 学府路 工业路'.split(
    ' ',
  );
const ESTATES = '阳光花园 锦绣华庭 翠湖苑 金色家园 世纪新城 和谐家园 中央公馆 幸福里 滨江壹号 书香苑'.split(
  ' ',
);
const WORKPLACES = ['科技园', '软件园', '创业大厦', '国际中心', '商务广场'];

interface CityEntry {
  city: Region;
  districts: readonly Region[];
}

let provinces: Weighted<{ province: Region; cities: Weighted<CityEntry> }> | undefined;

function provinceTable() {
  provinces ??= new Weighted(
    regionChildren().map((province) => {
      const cities = regionChildren(province.code)
        .map((city) => ({ city, districts: regionChildren(city.code) }))
        .filter((c) => c.districts.length > 0);
      // The capital (listed first) and the municipality's own districts draw most of the buyers.
      const weighted = new Weighted(
        cities.map((c, i) => [c, c.city.name === '县' ? 0.3 : i === 0 ? 3 : 1] as const),
      );
      return [
        { province, cities: weighted },
        (POPULATION.get(province.code) ?? 1) * onlineShare(province.code),
      ] as const;
    }),
  );
  return provinces;
}

export function address(prng: Prng): Address {
  const { province, cities } = provinceTable().pick(prng);
  const { city, districts } = cities.pick(prng);
  const district = prng.pick(districts);
  const placeholder = PLACEHOLDER_CITIES.has(city.name);
  const municipality = placeholder && (city.name === '市辖区' || city.name === '县');
  const countyUnderProvince = placeholder && !municipality;
  // 东莞 and 中山 have no districts: their towns stand in for them.
  const districtIsTown = district.code.length > 6;
  const rural = districtIsTown
    ? district.name.endsWith('镇')
    : prng.chance(municipality ? 0.08 : RURAL_SHARE);
  const street = streetAddress(prng, rural, districtIsTown);
  return {
    province: province.name,
    provinceShort: shortNames(province.name)[0] ?? province.name,
    provinceCode: province.code,
    city: municipality ? '' : countyUnderProvince ? district.name : city.name,
    cityCode: countyUnderProvince ? district.code : city.code,
    district: countyUnderProvince ? '' : district.name,
    districtCode: district.code,
    municipality,
    ...street,
    rural,
  };
}

function streetAddress(
  prng: Prng,
  rural: boolean,
  districtIsTown: boolean,
): { town: string; detail: string } {
  if (rural) {
    const town = districtIsTown ? '' : `${prng.pick(TOWN_STEMS)}${prng.chance(0.8) ? '镇' : '乡'}`;
    const village = `${prng.pick(VILLAGE_STEMS)}村`;
    const detail = prng.chance(0.7)
      ? `${village}${prng.between(1, 12)}组${prng.between(1, 88)}号`
      : `${village}村委会旁 小卖部代收`;
    return { town, detail };
  }
  const town = districtIsTown || prng.chance(0.4) ? '' : `${prng.pick(TOWN_STEMS)}街道`;
  const road = `${prng.pick(ROADS)}${prng.between(1, 999)}号`;
  const detail = prng.chance(0.2)
    ? `${road}${prng.pick(WORKPLACES)}${prng.pick(['A', 'B', 'C'])}座${prng.between(2, 28)}${String(prng.between(1, 20)).padStart(2, '0')}`
    : `${road}${prng.pick(ESTATES)}${prng.between(1, 30)}栋${prng.between(1, 6)}单元${prng.between(1, 33)}${String(prng.between(1, 6)).padStart(2, '0')}室`;
  return { town, detail };
}

/** "浙江省杭州市西湖区" as people write it in front of an address; exports often repeat it. */
export function regionPrefix(a: Address): string {
  return a.municipality ? `${a.province}${a.district}` : `${a.province}${a.city}${a.district}`;
}
