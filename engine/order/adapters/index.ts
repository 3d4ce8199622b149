import { InputError } from '../../errors/index.ts';
import { type NormaliseContext, normaliseOrder } from '../normalise.ts';
import type { StandardOrder } from '../schema.ts';
import { apiErrorAnswer, apiErrorAnswerError } from './api-error.ts';
import { adaptChannels } from './channels.ts';
import { adaptDouyin } from './douyin.ts';
import { adaptJd } from './jd.ts';
import { adaptKuaishou } from './kuaishou.ts';
import { orderPage, orderPageError } from './order-page.ts';
import { adaptPdd } from './pdd.ts';
import { type AdapterPlatform, PLATFORM_NAMES } from './platforms.ts';
import { adaptTmall } from './tmall.ts';
import { adaptXiaohongshu } from './xiaohongshu.ts';

export type Adapter = (raw: unknown, context?: NormaliseContext) => StandardOrder;

export const ADAPTERS: Readonly<Record<AdapterPlatform, Adapter>> = {
  tmall: adaptTmall,
  jd: adaptJd,
  douyin: adaptDouyin,
  pdd: adaptPdd,
  kuaishou: adaptKuaishou,
  xiaohongshu: adaptXiaohongshu,
  channels: adaptChannels,
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
    throw notAnOrder(raw, context.line) ?? otherPlatform(platform, raw, error, context.line) ?? error;
  }
}

/**
 * An order refused as the platform it was said to be, whose keys are another platform's (`--platform
 * jd` given for a Tmall trade): the error says so, with what the adapter said, rather than leave the
 * reader to work out why a Tmall trade has no `orderId`. Undefined when detection agrees or finds none.
 */
function otherPlatform(
  platform: AdapterPlatform,
  raw: unknown,
  error: unknown,
  line: number | undefined,
): InputError | undefined {
  if (!(error instanceof InputError)) return undefined;
  const detected = detectPlatform(raw);
  if (detected === undefined || detected === platform) return undefined;
  return new InputError(
    'platform_mismatch',
    `not a ${PLATFORM_NAMES[platform]} order (${error.message}): its keys are a ${PLATFORM_NAMES[detected]} ` +
      `order's. Leave the platform out to detect it, or say ${detected}`,
    line === undefined ? {} : { line },
  );
}

/**
 * What `raw` is when it is not an order but another answer of the platforms' APIs: a page of
 * orders, or an error. Looked for only once an order is refused, so one read as it should be pays
 * nothing for it.
 */
export function notAnOrder(raw: unknown, line?: number): InputError | undefined {
  const page = orderPage(raw);
  if (page) return orderPageError(page, line);
  const said = apiErrorAnswer(raw);
  return said === undefined ? undefined : apiErrorAnswerError(said, line);
}

// Keys only one platform's orders (or their response envelopes) have.
const SIGNATURES: readonly [AdapterPlatform, readonly string[]][] = [
  ['tmall', ['tid', 'tid_str', 'receiver_state', 'trade_fullinfo_get_response', 'trade_get_response']],
  [
    'jd',
    [
      'consigneeInfo',
      'itemInfoList',
      'venderId',
      'jingdong_pop_order_get_responce',
      'jingdong_pop_order_enGet_responce',
    ],
  ],
  ['douyin', ['sku_order_list', 'post_addr', 'shop_order_id', 'shop_order_detail']],
  ['pdd', ['order_sn', 'order_info_get_response']],
  ['kuaishou', ['orderBaseInfo', 'orderItemInfo']],
  ['standard', ['lines']],
  // After the standard order, so that no other order pays for looking for them. WeChat's answers
  // carry errcode at the top, the order itself under `order`, which is not looked into.
  ['xiaohongshu', ['skuList', 'orderAfterSalesStatus']],
  ['channels', ['order_detail', 'errcode']],
];

/** Best guess of which adapter a raw order needs, from keys only one platform uses; undefined when none fits. */
export function detectPlatform(raw: unknown): AdapterPlatform | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  // The order itself, then where envelopes and exports nest it; read once, looked into per platform.
  const { data, trade, orderInfo, order_info } = raw as {
    data?: unknown;
    trade?: unknown;
    orderInfo?: unknown;
    order_info?: unknown;
  };
  for (const [platform, keys] of SIGNATURES) {
    if (
      hasAnyKey(raw, keys) ||
      hasAnyKey(data, keys) ||
      hasAnyKey(trade, keys) ||
      hasAnyKey(orderInfo, keys) ||
      hasAnyKey(order_info, keys)
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

export {
  ADAPTER_PLATFORM_NAMES,
  ADAPTER_PLATFORMS,
  type AdapterPlatform,
  adapterPlatform,
} from './platforms.ts';
export { adaptChannels, adaptDouyin, adaptJd, adaptKuaishou, adaptPdd, adaptTmall, adaptXiaohongshu };
