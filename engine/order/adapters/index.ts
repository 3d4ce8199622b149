import { type NormaliseContext, normaliseOrder } from '../normalise.ts';
import type { StandardOrder } from '../schema.ts';
import { adaptDouyin } from './douyin.ts';
import { adaptJd } from './jd.ts';
import { orderPage, orderPageError } from './order-page.ts';
import { adaptTmall } from './tmall.ts';

export type AdapterPlatform = 'tmall' | 'jd' | 'douyin' | 'standard';
export type Adapter = (raw: unknown, context?: NormaliseContext) => StandardOrder;

export const ADAPTERS: Readonly<Record<AdapterPlatform, Adapter>> = {
  tmall: adaptTmall,
  jd: adaptJd,
  douyin: adaptDouyin,
  standard: normaliseOrder,
};

/**
 * A raw platform order (or an already standard one) as the standard order; throws InputError naming
 * the bad field, or, for a page of orders from a platform's list API, saying so.
 */
export function adaptOrder(
  platform: AdapterPlatform,
  raw: unknown,
  context: NormaliseContext = {},
): StandardOrder {
  try {
    return ADAPTERS[platform](raw, context);
  } catch (error) {
    // Looked for only once the order is refused: an order read as it should be pays nothing for it.
    const page = orderPage(raw);
    throw page ? orderPageError(page, context.line) : error;
  }
}

// Keys only one platform's orders (or their response envelopes) have.
const SIGNATURES: readonly [AdapterPlatform, readonly string[]][] = [
  ['tmall', ['tid', 'tid_str', 'receiver_state', 'trade_fullinfo_get_response']],
  ['jd', ['consigneeInfo', 'itemInfoList', 'venderId', 'jingdong_pop_order_get_responce']],
  ['douyin', ['sku_order_list', 'post_addr', 'shop_order_id', 'shop_order_detail']],
  ['standard', ['lines']],
];

/** Best guess of which adapter a raw order needs, from keys only one platform uses; undefined when none fits. */
export function detectPlatform(raw: unknown): AdapterPlatform | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  // The order itself, then where envelopes and exports nest it; read once, looked into per platform.
  const { data, trade, orderInfo } = raw as { data?: unknown; trade?: unknown; orderInfo?: unknown };
  for (const [platform, keys] of SIGNATURES) {
    if (
      hasAnyKey(raw, keys) ||
      hasAnyKey(data, keys) ||
      hasAnyKey(trade, keys) ||
      hasAnyKey(orderInfo, keys)
    ) {
      return platform;
    }
  }
  return undefined;
}

function hasAnyKey(value: unknown, keys: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const key of keys) if (key in value) return true;
  return false;
}

export { type OrderPage, orderPage, orderPageError } from './order-page.ts';
export { adaptDouyin, adaptJd, adaptTmall };
