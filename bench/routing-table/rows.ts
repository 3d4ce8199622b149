/**
 * A 40-row first-hit warehouse routing table as an OMS consultant sets one up: platform-forced
 * rows first, then SKU and weight exceptions, remote areas, city-level rows, province-level rows,
 * platform rows and a default. Each engine under test is built from these rows.
 */
export interface RoutingRow {
  name: string;
  warehouse: string;
  platforms?: string[];
  type?: string;
  provinces?: string[];
  cities?: string[];
  /** Inclusive lower bound on the paid amount. */
  amountMin?: number;
  /** Exclusive upper bound on the paid amount. */
  amountMax?: number;
  skusAny?: string[];
  /** Inclusive lower bound on the parcel weight. */
  weightMin?: number;
}

const EAST = ['31', '32', '33', '34'];

export const ROUTING_ROWS: readonly RoutingRow[] = [
  { name: 'jd-cod', warehouse: 'WH-JD', platforms: ['jd'], type: 'cod' },
  {
    name: 'douyin-sf-only',
    warehouse: 'WH-DY-SF',
    platforms: ['douyin'],
    skusAny: ['SF-ONLY-1', 'SF-ONLY-2'],
  },
  { name: 'presale', warehouse: 'WH-PRESALE', skusAny: ['PRE-1001', 'PRE-1002', 'PRE-1003'] },
  { name: 'bulky', warehouse: 'WH-BULKY', weightMin: 30 },
  { name: 'remote-west', warehouse: 'WH-LZ', provinces: ['65', '54', '63', '64'] },
  { name: 'hangzhou-vip', warehouse: 'WH-HZ-VIP', cities: ['3301'], amountMin: 2000 },
  { name: 'hangzhou', warehouse: 'WH-HZ', cities: ['3301', '3302', '3303'] },
  { name: 'shanghai-big', warehouse: 'WH-SH-A', cities: ['3101'], amountMin: 500 },
  { name: 'shanghai', warehouse: 'WH-SH-B', cities: ['3101'] },
  { name: 'suzhou-nanjing', warehouse: 'WH-SZ', cities: ['3201', '3205'] },
  { name: 'guangzhou-shenzhen', warehouse: 'WH-GZ', cities: ['4401', '4403'], amountMax: 3000 },
  { name: 'guangzhou-shenzhen-vip', warehouse: 'WH-GZ-VIP', cities: ['4401', '4403'] },
  { name: 'beijing', warehouse: 'WH-BJ', cities: ['1101'] },
  { name: 'tianjin', warehouse: 'WH-TJ', cities: ['1201'] },
  { name: 'chengdu', warehouse: 'WH-CD', cities: ['5101'] },
  { name: 'chongqing', warehouse: 'WH-CQ', cities: ['5001'] },
  { name: 'wuhan', warehouse: 'WH-WH', cities: ['4201'] },
  { name: 'xian', warehouse: 'WH-XA', cities: ['6101'] },
  { name: 'jinan-qingdao', warehouse: 'WH-JN', cities: ['3701', '3702'] },
  { name: 'zhengzhou', warehouse: 'WH-ZZ', cities: ['4101'] },
  { name: 'changsha', warehouse: 'WH-CS', cities: ['4301'] },
  { name: 'fuzhou-xiamen', warehouse: 'WH-XM', cities: ['3501', '3502'] },
  { name: 'shenyang-dalian', warehouse: 'WH-SY', cities: ['2101', '2102'] },
  { name: 'kunming', warehouse: 'WH-KM', cities: ['5301'] },
  { name: 'hefei', warehouse: 'WH-HF', cities: ['3401'] },
  { name: 'nanchang', warehouse: 'WH-NC', cities: ['3601'] },
  { name: 'east-big', warehouse: 'WH-EAST-BIG', provinces: EAST, amountMin: 1000 },
  { name: 'east', warehouse: 'WH-EAST', provinces: EAST },
  { name: 'south', warehouse: 'WH-SOUTH', provinces: ['44', '45', '46', '35'] },
  { name: 'north', warehouse: 'WH-NORTH', provinces: ['11', '12', '13', '14', '15'] },
  { name: 'north-east', warehouse: 'WH-NE', provinces: ['21', '22', '23'] },
  { name: 'south-west', warehouse: 'WH-SW', provinces: ['50', '51', '52', '53'] },
  { name: 'central-big', warehouse: 'WH-CENTRAL-BIG', provinces: ['41', '42', '43', '36'], amountMin: 800 },
  { name: 'central', warehouse: 'WH-CENTRAL', provinces: ['41', '42', '43', '36'] },
  { name: 'shandong', warehouse: 'WH-JN', provinces: ['37'] },
  { name: 'north-west', warehouse: 'WH-NW', provinces: ['61', '62'] },
  { name: 'pdd-cheap', warehouse: 'WH-CHEAP', platforms: ['pdd'], amountMax: 50 },
  { name: 'tmall-taobao', warehouse: 'WH-TM', platforms: ['tmall', 'taobao'] },
  { name: 'heavy-default', warehouse: 'WH-HEAVY', weightMin: 10 },
  { name: 'default', warehouse: 'WH-DEFAULT' },
];
