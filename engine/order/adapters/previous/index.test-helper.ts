/**
 * Platform detection and adapter choice, exactly as they were before adapters built the standard order whole (commit 2f43050,
 * issue 18): the oracle `previous.differential.test.ts` compares today's read path with. Not used by
 * the engine; only the imports are changed.
 */
import { type NormaliseContext, normaliseOrder } from '../../normalise.ts';
import type { StandardOrder } from '../../schema.ts';
import { adaptDouyin } from './douyin.test-helper.ts';
import { adaptJd } from './jd.test-helper.ts';
import { adaptTmall } from './tmall.test-helper.ts';

export type AdapterPlatform = 'tmall' | 'jd' | 'douyin' | 'standard';
export type Adapter = (raw: unknown, context?: NormaliseContext) => StandardOrder;

export const ADAPTERS: Readonly<Record<AdapterPlatform, Adapter>> = {
  tmall: adaptTmall,
  jd: adaptJd,
  douyin: adaptDouyin,
  standard: normaliseOrder,
};

/** A raw platform order (or an already standard one) as the standard order; throws InputError naming the bad field. */
export function adaptOrder(
  platform: AdapterPlatform,
  raw: unknown,
  context: NormaliseContext = {},
): StandardOrder {
  return ADAPTERS[platform](raw, context);
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
  const inner = [
    raw,
    (raw as { data?: unknown }).data,
    (raw as { trade?: unknown }).trade,
    (raw as { orderInfo?: unknown }).orderInfo,
  ];
  for (const [platform, keys] of SIGNATURES) {
    if (inner.some((o) => typeof o === 'object' && o !== null && keys.some((k) => k in o))) return platform;
  }
  return undefined;
}

export { adaptDouyin, adaptJd, adaptTmall };
