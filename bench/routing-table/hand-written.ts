import type { RoutingOrder } from './orders.ts';

/**
 * The routing table as a developer would write it by hand: one `if` per row, first match wins.
 * The benchmark's baseline; checked equal to the other engines on every order before timing.
 */
const EAST = new Set(['31', '32', '33', '34']);
const SOUTH = new Set(['44', '45', '46', '35']);
const NORTH = new Set(['11', '12', '13', '14', '15']);
const NORTH_EAST = new Set(['21', '22', '23']);
const SOUTH_WEST = new Set(['50', '51', '52', '53']);
const CENTRAL = new Set(['41', '42', '43', '36']);
const REMOTE = new Set(['65', '54', '63', '64']);

const hasAny = (skus: readonly string[], wanted: readonly string[]) =>
  skus.some((sku) => wanted.includes(sku));

export function routeByHand(order: RoutingOrder): { warehouse: string; row: string } {
  const { platform, type, skus } = order;
  const { provinceCode: province, cityCode: city } = order.receiver;
  const paid = order.amounts.paid;
  const weight = order.totals.weightKg;

  if (platform === 'jd' && type === 'cod') return { warehouse: 'WH-JD', row: 'jd-cod' };
  if (platform === 'douyin' && hasAny(skus, ['SF-ONLY-1', 'SF-ONLY-2']))
    return { warehouse: 'WH-DY-SF', row: 'douyin-sf-only' };
  if (hasAny(skus, ['PRE-1001', 'PRE-1002', 'PRE-1003'])) return { warehouse: 'WH-PRESALE', row: 'presale' };
  if (weight >= 30) return { warehouse: 'WH-BULKY', row: 'bulky' };
  if (REMOTE.has(province)) return { warehouse: 'WH-LZ', row: 'remote-west' };
  switch (city) {
    case '3301':
      if (paid >= 2000) return { warehouse: 'WH-HZ-VIP', row: 'hangzhou-vip' };
      return { warehouse: 'WH-HZ', row: 'hangzhou' };
    case '3302':
    case '3303':
      return { warehouse: 'WH-HZ', row: 'hangzhou' };
    case '3101':
      if (paid >= 500) return { warehouse: 'WH-SH-A', row: 'shanghai-big' };
      return { warehouse: 'WH-SH-B', row: 'shanghai' };
    case '3201':
    case '3205':
      return { warehouse: 'WH-SZ', row: 'suzhou-nanjing' };
    case '4401':
    case '4403':
      if (paid < 3000) return { warehouse: 'WH-GZ', row: 'guangzhou-shenzhen' };
      return { warehouse: 'WH-GZ-VIP', row: 'guangzhou-shenzhen-vip' };
    case '1101':
      return { warehouse: 'WH-BJ', row: 'beijing' };
    case '1201':
      return { warehouse: 'WH-TJ', row: 'tianjin' };
    case '5101':
      return { warehouse: 'WH-CD', row: 'chengdu' };
    case '5001':
      return { warehouse: 'WH-CQ', row: 'chongqing' };
    case '4201':
      return { warehouse: 'WH-WH', row: 'wuhan' };
    case '6101':
      return { warehouse: 'WH-XA', row: 'xian' };
    case '3701':
    case '3702':
      return { warehouse: 'WH-JN', row: 'jinan-qingdao' };
    case '4101':
      return { warehouse: 'WH-ZZ', row: 'zhengzhou' };
    case '4301':
      return { warehouse: 'WH-CS', row: 'changsha' };
    case '3501':
    case '3502':
      return { warehouse: 'WH-XM', row: 'fuzhou-xiamen' };
    case '2101':
    case '2102':
      return { warehouse: 'WH-SY', row: 'shenyang-dalian' };
    case '5301':
      return { warehouse: 'WH-KM', row: 'kunming' };
    case '3401':
      return { warehouse: 'WH-HF', row: 'hefei' };
    case '3601':
      return { warehouse: 'WH-NC', row: 'nanchang' };
  }
  if (EAST.has(province)) {
    return paid >= 1000
      ? { warehouse: 'WH-EAST-BIG', row: 'east-big' }
      : { warehouse: 'WH-EAST', row: 'east' };
  }
  if (SOUTH.has(province)) return { warehouse: 'WH-SOUTH', row: 'south' };
  if (NORTH.has(province)) return { warehouse: 'WH-NORTH', row: 'north' };
  if (NORTH_EAST.has(province)) return { warehouse: 'WH-NE', row: 'north-east' };
  if (SOUTH_WEST.has(province)) return { warehouse: 'WH-SW', row: 'south-west' };
  if (CENTRAL.has(province)) {
    return paid >= 800
      ? { warehouse: 'WH-CENTRAL-BIG', row: 'central-big' }
      : { warehouse: 'WH-CENTRAL', row: 'central' };
  }
  if (province === '37') return { warehouse: 'WH-JN', row: 'shandong' };
  if (province === '61' || province === '62') return { warehouse: 'WH-NW', row: 'north-west' };
  if (platform === 'pdd' && paid < 50) return { warehouse: 'WH-CHEAP', row: 'pdd-cheap' };
  if (platform === 'tmall' || platform === 'taobao') return { warehouse: 'WH-TM', row: 'tmall-taobao' };
  if (weight >= 10) return { warehouse: 'WH-HEAVY', row: 'heavy-default' };
  return { warehouse: 'WH-DEFAULT', row: 'default' };
}
