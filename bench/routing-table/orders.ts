import divisions from '../../engine/order/regions/divisions.json' with { type: 'json' };

/** The facts a routing rule reads, shaped like the standard order's fields. */
export interface RoutingOrder {
  id: string;
  platform: string;
  type: string;
  receiver: { provinceCode: string; cityCode: string; districtCode: string };
  amounts: { total: number; paid: number };
  skus: string[];
  totals: { qty: number; weightKg: number };
}

interface Division {
  code: string;
  children?: Division[];
}

/** mulberry32: small, fast and good enough to make the same orders on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every real district with its city and province (GB/T 2260). */
function districts(): RoutingOrder['receiver'][] {
  const out: RoutingOrder['receiver'][] = [];
  for (const province of divisions as Division[]) {
    for (const city of province.children ?? []) {
      for (const district of city.children ?? [{ code: city.code }]) {
        out.push({ provinceCode: province.code, cityCode: city.code, districtCode: district.code });
      }
    }
  }
  return out;
}

/** Where most parcels go: big cities' districts get half of all orders. */
const BUSY_CITIES = ['3101', '1101', '4401', '4403', '3301', '3201', '5101', '5001', '4201', '3205'];
const PLATFORMS = ['tmall', 'tmall', 'taobao', 'jd', 'jd', 'douyin', 'pdd', 'pdd', 'kuaishou', 'xiaohongshu'];
const SKUS = ['A-100', 'A-200', 'B-300', 'C-400', 'C-401', 'D-500', 'E-600', 'F-700', 'G-800', 'H-900'];
const RARE_SKUS = ['PRE-1001', 'PRE-1002', 'SF-ONLY-1', 'SF-ONLY-2'];

export function routingOrders(count: number, seed = 20_240_611): RoutingOrder[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const all = districts();
  const busy = all.filter((d) => BUSY_CITIES.includes(d.cityCode));
  const orders: RoutingOrder[] = [];
  for (let i = 0; i < count; i++) {
    const receiver = random() < 0.5 ? pick(busy) : pick(all);
    const lines = 1 + Math.floor(random() * 4);
    const skus: string[] = [];
    for (let l = 0; l < lines; l++) {
      const sku = random() < 0.04 ? pick(RARE_SKUS) : pick(SKUS);
      if (!skus.includes(sku)) skus.push(sku);
    }
    const total = Math.round(Math.exp(2 + random() * 6.5) * 100) / 100; // ≈ 7 … 5,000 yuan
    const weightKg = Math.round((random() < 0.05 ? 30 + random() * 40 : 0.1 + random() * 15) * 10) / 10;
    const roll = random();
    orders.push({
      id: `O${String(i).padStart(6, '0')}`,
      platform: pick(PLATFORMS),
      type: roll < 0.05 ? 'cod' : roll < 0.1 ? 'presale' : 'normal',
      receiver: { ...receiver },
      amounts: { total, paid: Math.round(total * (random() < 0.2 ? 0.9 : 1) * 100) / 100 },
      skus,
      totals: { qty: lines, weightKg },
    });
  }
  return orders;
}
