import type { Shop } from '../client/index.ts';
import { type Address, address } from './addresses.ts';
import { type Invoice, invoice } from './invoice.ts';
import { douyinOpenId, jdPin, type Person, person, tmallOpenUid } from './people.ts';
import type { SourcePlatform } from './platform-mix.ts';
import type { Prng } from './prng.ts';
import type { Weighted } from './weighted.ts';

/**
 * Buyers, some of whom come back (so "first order per buyer" rules have something to tell apart).
 * A buyer is rebuilt from the seed and their number whenever they order again, so remembering them
 * costs nothing: memory stays flat however many orders are written.
 */
export interface Buyer {
  index: number;
  platform: SourcePlatform;
  shop: Shop;
  person: Person;
  /** The platform's id for them: Tmall buyer_open_uid, JD pin, Douyin doudian_open_id. */
  platformId: string;
  address: Address;
  /** The title they put on invoices, when they ask for one. */
  invoice: Invoice;
}

export interface PlatformShops {
  platform: SourcePlatform;
  shops: readonly Shop[];
}

const RETURNING_SHARE = 0.3;
const PLATFORM_IDS: Readonly<Record<SourcePlatform, (prng: Prng) => string>> = {
  tmall: tmallOpenUid,
  taobao: tmallOpenUid,
  jd: jdPin,
  douyin: douyinOpenId,
};

export class Buyers {
  private seen = 0;

  constructor(
    private readonly root: Prng,
    private readonly platforms: Weighted<PlatformShops>,
  ) {}

  /** A new buyer, or now and then one who has ordered before. */
  next(prng: Prng): Buyer {
    const index = this.seen > 0 && prng.chance(RETURNING_SHARE) ? prng.int(this.seen) : this.seen++;
    return this.buyer(index);
  }

  private buyer(index: number): Buyer {
    const prng = this.root.fork(index);
    const { platform, shops } = this.platforms.pick(prng);
    const home = address(prng);
    const city = home.municipality ? home.provinceShort : home.city.replace(/市$/, '');
    return {
      index,
      platform,
      shop: prng.pick(shops),
      person: person(prng),
      platformId: PLATFORM_IDS[platform](prng),
      address: home,
      invoice: invoice(prng, city, home.cityCode.padEnd(6, '0')),
    };
  }
}
