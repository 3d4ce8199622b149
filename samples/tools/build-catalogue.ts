/**
 * Builds the demo client's SKUs from real Tmall cosmetics listings (double-11 2016 snapshots):
 * the best sellers of each brand, with their real titles and prices. Rewrites only `skus` in
 * samples/clients/demo/client.json, the same way every run.
 *
 *   node --import tsx samples/tools/build-catalogue.ts
 *
 * The CSV stays in ../shared/data beside the repository; it is never copied in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { categoryOf, weightKgOf } from './derive-sku.ts';
import { EXTRA_SKUS } from './extra-skus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CSV = `${ROOT}../shared/data/tmall-cosmetics-catalogue-2016.csv`;
const CLIENT = `${ROOT}samples/clients/demo/client.json`;
const PER_BRAND = 9;

/** Shop name in the CSV (店名) → the merchant code prefix; also the order brands appear in. */
const BRANDS: Readonly<Record<string, string>> = {
  自然堂: 'CHANDO',
  佰草集: 'HERBORIST',
  相宜本草: 'INOHERB',
  美加净: 'MAXAM',
  欧珀莱: 'AUPRES',
  悦诗风吟: 'INNISFREE',
  兰芝: 'LANEIGE',
  雪花秀: 'SULWHASOO',
  欧莱雅: 'LOREAL',
  兰蔻: 'LANCOME',
  植村秀: 'SHU',
  薇姿: 'VICHY',
  雅诗兰黛: 'ESTEE',
  倩碧: 'CLINIQUE',
  娇兰: 'GUERLAIN',
  资生堂: 'SHISEIDO',
  SKII: 'SKII',
  玉兰油: 'OLAY',
  妮维雅: 'NIVEA',
  雅漾: 'AVENE',
  美宝莲: 'MAYBELLINE',
  蜜丝佛陀: 'MAXFACTOR',
};

interface Listing {
  date: number;
  id: string;
  title: string;
  price: number;
  sales: number;
  comments: number;
  brand: string;
}

function readListings(path: string): Listing[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  if (header !== 'update_time,id,title,price,sale_count,comment_count,店名') {
    throw new Error(`${path}: unexpected header ${header}`);
  }
  return rows
    .filter((row) => row.trim())
    .map((row) => {
      const cells = row.split(',');
      // No field is quoted; a comma inside a title would leave extra cells in the middle.
      const [date = '', id = ''] = cells;
      const [price, sales, comments, brand = ''] = cells.slice(-4);
      const [y, m, d] = date.split('/').map(Number);
      return {
        date: (y ?? 0) * 10_000 + (m ?? 0) * 100 + (d ?? 0),
        id,
        title: cells.slice(2, -4).join(',').trim(),
        price: Number(price),
        sales: sales ? Number(sales) : -1,
        comments: comments ? Number(comments) : -1,
        brand,
      };
    });
}

/** Each listing as of its latest snapshot (a later row of the same day wins). */
function latest(listings: Listing[]): Listing[] {
  const byId = new Map<string, Listing>();
  for (const l of listings) {
    const seen = byId.get(l.id);
    if (!seen || l.date >= seen.date) byId.set(l.id, l);
  }
  return [...byId.values()];
}

const bySales = (a: Listing, b: Listing) =>
  b.sales - a.sales || b.comments - a.comments || (a.id < b.id ? -1 : 1);

function bestSellers(listings: Listing[]): { code: string; listing: Listing }[] {
  const unknown = [...new Set(listings.map((l) => l.brand))].filter((b) => !(b in BRANDS));
  if (unknown.length) throw new Error(`no merchant code for brands ${unknown.join(', ')}`);
  return Object.entries(BRANDS).flatMap(([brand, prefix]) => {
    const titles = new Set<string>();
    return listings
      .filter((l) => l.brand === brand && l.price > 0)
      .sort(bySales)
      .filter((l) => !titles.has(l.title) && titles.add(l.title))
      .slice(0, PER_BRAND)
      .map((listing, i) => ({ code: `${prefix}-${String(i + 1).padStart(4, '0')}`, listing }));
  });
}

const picked = bestSellers(latest(readListings(CSV))).map(({ code, listing }) => ({
  sku: code,
  name: listing.title,
  brand: listing.brand,
  category: categoryOf(listing.title),
  price: listing.price,
  weightKg: weightKgOf(listing.title),
}));

const client = JSON.parse(readFileSync(CLIENT, 'utf8'));
client.skus = [...picked, ...EXTRA_SKUS];
writeFileSync(CLIENT, `${JSON.stringify(client, null, 2)}\n`);
process.stdout.write(`${CLIENT}: ${picked.length} listed SKUs + ${EXTRA_SKUS.length} extras\n`);
