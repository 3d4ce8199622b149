import type { Client } from '../client/index.ts';
import { Buyers, type PlatformShops } from './buyers.ts';
import { Catalogue } from './catalogue.ts';
import { type OrderPlan, planOrder } from './order-plan.ts';
import { type PlatformMix, type SourcePlatform, shopsByPlatform } from './platform-mix.ts';
import { Prng } from './prng.ts';
import { renderDouyin } from './render/douyin.ts';
import { renderJd } from './render/jd.ts';
import { renderTmall } from './render/tmall.ts';
import { Weighted } from './weighted.ts';

export interface GenerateOptions {
  client: Client;
  count: number;
  seed: string;
  /** Weights per platform; the default is DEFAULT_MIX over the platforms the client has shops on. */
  mix?: PlatformMix | undefined;
}

export type RawOrder = Record<string, unknown>;

const RENDER: Readonly<Record<SourcePlatform, (plan: OrderPlan, prng: Prng) => RawOrder>> = {
  tmall: renderTmall,
  taobao: renderTmall,
  jd: renderJd,
  douyin: renderDouyin,
};

/** Platforms and OMS pulls send the same order again now and then. */
const DUPLICATE_SHARE = 0.005;
/** Duplicates repeat one of the last few orders, so only these are kept. */
const RECENT = 256;
// An odd multiplier prime to 10: seq → serial is one-to-one below 10^10, and ids do not count up.
const SERIAL_STEP = 7919;
const SERIALS = 1e10;

/**
 * Raw platform orders, one at a time and only when asked for: nothing is kept but the last few
 * orders (for duplicates) and a count of buyers, so 10 M orders take as little memory as 10.
 * The same client, count, seed and mix give the same orders, in the same order. A mix or client
 * that cannot work throws InputError here, before the first order is asked for.
 */
export function generateOrders(options: GenerateOptions): Generator<RawOrder> {
  const platforms = new Weighted(
    shopsByPlatform(options.client, options.mix).map((e) => [e, e.weight] as const),
  );
  return orders(options, platforms, new Catalogue(options.client));
}

function* orders(
  options: GenerateOptions,
  platforms: Weighted<PlatformShops>,
  catalogue: Catalogue,
): Generator<RawOrder> {
  const prng = Prng.fromSeed(`ordergraph-generate:${options.seed}`);
  const buyers = new Buyers(prng, platforms);
  const serialBase = prng.int(SERIALS);
  const recent: RawOrder[] = [];
  let kept = 0;
  for (let seq = 0; seq < options.count; seq++) {
    if (recent.length > 0 && prng.chance(DUPLICATE_SHARE)) {
      yield prng.pick(recent);
      continue;
    }
    const buyer = buyers.next(prng);
    const plan = planOrder(prng, (seq * SERIAL_STEP + serialBase) % SERIALS, buyer, catalogue);
    const order = RENDER[buyer.platform](plan, prng);
    recent[kept++ % RECENT] = order;
    yield order;
  }
}
