import type { Client, Sku } from '../client/index.ts';
import { InputError } from '../errors/index.ts';
import type { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

/** What buyers put in their baskets, from the client's SKUs: best sellers of each brand most often. */

export interface Item {
  sku: Sku;
  /** The SKU's place in the client's list: a stable number for the platforms' own item ids. */
  itemNo: number;
}

export interface BasketLine {
  item: Item;
  qty: number;
  presale: boolean;
}

const PRESALE_TITLE = /预售|预订/;
const LINE_COUNTS = new Weighted([
  [1, 60],
  [2, 24],
  [3, 10],
  [4, 4],
  [5, 1.5],
  [6, 0.5],
] as const);
const QUANTITIES = new Weighted([
  [1, 72],
  [2, 18],
  [3, 6],
  [4, 1.5],
  [5, 1],
  [6, 0.5],
  [10, 1],
] as const);

export class Catalogue {
  private readonly regular: Weighted<Item>;
  private readonly presale: Weighted<Item>;
  private readonly bulky: Weighted<Item> | undefined;

  constructor(client: Client) {
    const items = client.skus.map((sku, itemNo) => ({ sku, itemNo }));
    // Zero-priced SKUs are gifts: strategies hand them out, buyers do not order them.
    const sellable = items.filter((i) => i.sku.price > 0 && !i.sku.bulky);
    if (sellable.length === 0) {
      throw new InputError('client_unusable', `client "${client.id}" has no priced SKUs to put in orders`, {
        field: 'skus',
      });
    }
    const regular = withPopularity(sellable);
    this.regular = new Weighted(regular);
    const presale = regular.filter(([i]) => PRESALE_TITLE.test(i.sku.name));
    this.presale = new Weighted(presale.length ? presale : regular);
    const bulky = items.filter((i) => i.sku.price > 0 && i.sku.bulky);
    this.bulky = bulky.length ? new Weighted(bulky.map((i) => [i, 1] as const)) : undefined;
  }

  /** A basket of distinct SKUs; a presale basket leads with a presale SKU, a bulky one holds a big item. */
  basket(prng: Prng, kind: { presale: boolean; bulky: boolean }): BasketLine[] {
    const lines: BasketLine[] = [];
    const add = (item: Item, qty: number, presale: boolean) => {
      if (!lines.some((l) => l.item === item)) lines.push({ item, qty, presale });
    };
    if (kind.presale) add(this.presale.pick(prng), prng.chance(0.8) ? 1 : 2, true);
    if (kind.bulky && this.bulky) {
      add(this.bulky.pick(prng), prng.chance(0.95) ? 1 : 2, false);
      if (prng.chance(0.4)) return lines;
    }
    const wanted = kind.presale ? (prng.chance(0.2) ? 2 : 1) : LINE_COUNTS.pick(prng) + lines.length;
    for (let tries = 0; lines.length < wanted && tries < wanted * 3; tries++) {
      add(this.regular.pick(prng), QUANTITIES.pick(prng), false);
    }
    return lines;
  }
}

/** Within each brand the client lists its best sellers first; demand falls off with the rank. */
function withPopularity(items: Item[]): (readonly [Item, number])[] {
  const rankInBrand = new Map<string, number>();
  return items.map((item) => {
    const rank = rankInBrand.get(item.sku.brand) ?? 0;
    rankInBrand.set(item.sku.brand, rank + 1);
    return [item, 1 / (rank + 1) ** 0.7] as const;
  });
}
