import { InputError } from '../../errors/index.ts';
import { isRecord } from './raw-fields.ts';

/** A platform's list answer (a page of orders), where one order was expected. */
export interface OrderPage {
  platform: 'tmall' | 'jd' | 'douyin' | 'pdd' | 'kuaishou' | 'xiaohongshu' | 'channels';
  /** The API that answers with this page, when its response envelope says so. */
  api: string | undefined;
  /** Where the page keeps its orders. */
  path: readonly string[];
  /** How many orders it holds. */
  count: number;
  /** The API that answers with each order, when the page lists only ids. */
  fetchEach?: string;
}

interface PageShape {
  platform: OrderPage['platform'];
  api?: string;
  path: readonly string[];
  /** Its envelope is only ever a list answer, which leaves the list out when empty (TOP's `total_results: 0`). */
  emptyOmitsList?: true;
  /** A key beside the list that tells this page from another platform's with the list at the same path. */
  beside?: string;
  /** The API that answers with each order, when the page lists only ids. */
  fetchEach?: string;
}

/**
 * The list APIs an OMS pulls orders with, in their documented response envelopes and as SDKs hand
 * back their content. People save these pages as they come; each holds many orders.
 */
const PAGE_SHAPES: readonly PageShape[] = [
  {
    platform: 'tmall',
    api: 'taobao.trades.sold.get',
    path: ['trades_sold_get_response', 'trades', 'trade'],
    emptyOmitsList: true,
  },
  {
    platform: 'tmall',
    api: 'taobao.trades.sold.increment.get',
    path: ['trades_sold_increment_get_response', 'trades', 'trade'],
    emptyOmitsList: true,
  },
  {
    platform: 'tmall',
    api: 'taobao.trades.sold.incrementv.get',
    path: ['trades_sold_incrementv_get_response', 'trades', 'trade'],
    emptyOmitsList: true,
  },
  { platform: 'tmall', path: ['trades', 'trade'] },
  {
    platform: 'jd',
    api: 'jingdong.pop.order.search',
    path: ['jingdong_pop_order_search_responce', 'searchorderinfo_result', 'orderInfoList'],
    emptyOmitsList: true,
  },
  {
    platform: 'jd',
    api: 'jingdong.pop.order.enSearch',
    path: ['jingdong_pop_order_enSearch_responce', 'searchorderinfo_result', 'orderInfoList'],
    emptyOmitsList: true,
  },
  { platform: 'jd', path: ['searchorderinfo_result', 'orderInfoList'] },
  { platform: 'jd', path: ['orderInfoList'] },
  // Douyin's `data` envelope also wraps one order (order.orderDetail): only a list present makes a page.
  { platform: 'douyin', api: 'order.searchList', path: ['data', 'shop_order_list'] },
  { platform: 'douyin', path: ['shop_order_list'] },
  { platform: 'pdd', api: 'pdd.order.list.get', path: ['order_list_get_response', 'order_list'] },
  {
    platform: 'pdd',
    api: 'pdd.order.number.list.increment.get',
    path: ['order_sn_increment_get_response', 'order_sn_list'],
  },
  { platform: 'pdd', path: ['order_list'] },
  { platform: 'pdd', path: ['order_sn_list'] },
  // Xiaohongshu's page counts pages where Kuaishou's keeps a cursor; both keep orders in orderList.
  {
    platform: 'xiaohongshu',
    api: 'order.getOrderList',
    path: ['data', 'orderList'],
    beside: 'maxPageNo',
  },
  { platform: 'xiaohongshu', path: ['orderList'], beside: 'maxPageNo' },
  { platform: 'kuaishou', api: 'open.order.cursor.list', path: ['data', 'orderList'] },
  { platform: 'kuaishou', path: ['orderList'] },
  {
    platform: 'channels',
    api: '/channels/ec/order/list/get',
    path: ['order_id_list'],
    fetchEach: '/channels/ec/order/get',
  },
];

const NOUNS: Readonly<Record<OrderPage['platform'], [one: string, many: string]>> = {
  tmall: ['Tmall / Taobao trade', 'Tmall / Taobao trades'],
  jd: ['JD order', 'JD orders'],
  douyin: ['Douyin shop order', 'Douyin shop orders'],
  pdd: ['Pinduoduo order', 'Pinduoduo orders'],
  kuaishou: ['Kuaishou order', 'Kuaishou orders'],
  xiaohongshu: ['Xiaohongshu order', 'Xiaohongshu orders'],
  channels: ['WeChat Channels order id', 'WeChat Channels order ids'],
};

/**
 * The page `raw` is, when it is one: a list response in its envelope, or the list an SDK hands back.
 */
export function orderPage(raw: unknown): OrderPage | undefined {
  if (!isRecord(raw)) return undefined;
  for (const shape of PAGE_SHAPES) {
    const { path, emptyOmitsList, beside } = shape;
    if (!Object.hasOwn(raw, path[0]!)) continue;
    let parent: unknown;
    let at: unknown = raw;
    for (const key of path) {
      parent = at;
      at = isRecord(at) && Object.hasOwn(at, key) ? at[key] : undefined;
    }
    if (beside !== undefined && !(isRecord(parent) && Object.hasOwn(parent, beside))) continue;
    if (Array.isArray(at)) return pageOf(shape, at.length);
    if (at === undefined && emptyOmitsList && isRecord(raw[path[0]!])) return pageOf(shape, 0);
  }
  return undefined;
}

function pageOf({ platform, api, path, fetchEach }: PageShape, count: number): OrderPage {
  const page: OrderPage = { platform, api, path, count };
  if (fetchEach !== undefined) page.fetchEach = fetchEach;
  return page;
}

/**
 * The error for a page given as an order: what it is, where its orders are, and the commands that
 * take one out (what `run` and `evaluate` decide) or write them all one a line (what `simulate` and
 * history uploads read); for a page of ids, the API that answers with each order instead.
 */
export function orderPageError(page: OrderPage, line?: number): InputError {
  const from = page.api ? ` from ${page.api}` : '';
  const noun = NOUNS[page.platform][page.count === 1 ? 0 : 1];
  const jqPath = page.path.map((key) => `.${key}`).join('');
  const where = line === undefined ? {} : { line };
  if (page.fetchEach !== undefined) {
    return new InputError(
      'order_page',
      `a page of ${page.count} ${noun}${from}, not an order: it lists only ids (at ${jqPath}). ` +
        `Fetch each order with ${page.fetchEach} and give its answers, one a line`,
      where,
    );
  }
  return new InputError(
    'order_page',
    `a page of ${page.count} ${noun}${from}, not one order: its orders are at ${jqPath}. ` +
      `Take one with jq '${jqPath}[0]', or write them all one a line with jq -c '${jqPath}[]'`,
    where,
  );
}
