import { describe, expect, it } from 'vitest';
import { captureInputError, readRawFixture } from './fixtures.test-helper.ts';
import { type AdapterPlatform, adaptOrder, detectPlatform } from './index.ts';
import { orderPage } from './order-page.ts';

const tmallTrade = () => {
  const { trade_fullinfo_get_response } = readRawFixture('tmall-two-lines-presale') as {
    trade_fullinfo_get_response: { trade: Record<string, unknown> };
  };
  return trade_fullinfo_get_response.trade;
};
const jdOrder = () => readRawFixture('jd-cod');
const douyinOrder = () => readRawFixture('douyin-cod-municipality');
const pddOrder = () => readRawFixture('pdd-presale-deposit');

/** Pages as the list APIs answer them (TOP's trades.sold.get, JD's order.search, Douyin's order.searchList). */
const PAGES: { name: string; platform: AdapterPlatform; api: string | undefined; page: () => unknown }[] = [
  {
    name: 'taobao.trades.sold.get',
    platform: 'tmall',
    api: 'taobao.trades.sold.get',
    page: () => ({
      trades_sold_get_response: {
        total_results: 2,
        has_next: false,
        trades: { trade: [tmallTrade(), tmallTrade()] },
      },
    }),
  },
  {
    name: 'taobao.trades.sold.increment.get',
    platform: 'tmall',
    api: 'taobao.trades.sold.increment.get',
    page: () => ({
      trades_sold_increment_get_response: { total_results: 1, trades: { trade: [tmallTrade()] } },
    }),
  },
  {
    name: 'an SDK’s trades',
    platform: 'tmall',
    api: undefined,
    page: () => ({ total_results: 1, trades: { trade: [tmallTrade()] } }),
  },
  {
    name: 'jingdong.pop.order.search',
    platform: 'jd',
    api: 'jingdong.pop.order.search',
    page: () => ({
      jingdong_pop_order_search_responce: {
        code: '0',
        searchorderinfo_result: {
          apiResult: { success: true },
          orderTotal: 2,
          orderInfoList: [jdOrder(), jdOrder()],
        },
      },
    }),
  },
  {
    name: 'jingdong.pop.order.enSearch',
    platform: 'jd',
    api: 'jingdong.pop.order.enSearch',
    page: () => ({
      jingdong_pop_order_enSearch_responce: { searchorderinfo_result: { orderInfoList: [jdOrder()] } },
    }),
  },
  {
    name: 'order.searchList',
    platform: 'douyin',
    api: 'order.searchList',
    page: () => ({
      code: 10000,
      msg: 'success',
      data: { page: 0, size: 20, total: 2, shop_order_list: [douyinOrder(), douyinOrder()] },
    }),
  },
  {
    name: 'pdd.order.list.get',
    platform: 'pdd',
    api: 'pdd.order.list.get',
    page: () => ({ order_list_get_response: { has_next: false, order_list: [pddOrder(), pddOrder()] } }),
  },
  {
    name: 'pdd.order.number.list.increment.get',
    platform: 'pdd',
    api: 'pdd.order.number.list.increment.get',
    page: () => ({
      order_sn_increment_get_response: { total_count: 1, has_next: false, order_sn_list: [pddOrder()] },
    }),
  },
  {
    name: 'an SDK’s Pinduoduo orders',
    platform: 'pdd',
    api: undefined,
    page: () => ({ total_count: 1, order_list: [pddOrder()] }),
  },
];

/** What jq reads at a path. */
const at = (value: unknown, path: readonly string[]) =>
  path.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value);

describe('orderPage', () => {
  it.each(PAGES)('knows a page of $name, and its orders are where it says', ({ platform, api, page }) => {
    const raw = page();
    const found = orderPage(raw)!;
    expect(found).toMatchObject({ platform, api });
    const orders = at(raw, found.path) as unknown[];
    expect(found.count).toBe(orders.length);
    for (const order of orders) expect(adaptOrder(detectPlatform(order)!, order).platform).toBe(platform);
  });

  it('knows an empty TOP page, which leaves its list out, and an empty Douyin page', () => {
    expect(orderPage({ trades_sold_get_response: { total_results: 0, has_next: false } })).toMatchObject({
      platform: 'tmall',
      count: 0,
    });
    expect(orderPage({ code: 10000, data: { total: 0, shop_order_list: [] } })).toMatchObject({
      platform: 'douyin',
      count: 0,
    });
  });

  it('is no page for an order, wrapped or bare, or for what is not an object', () => {
    const douyinDetail = { code: 10000, data: { shop_order_detail: douyinOrder() } };
    for (const raw of [
      readRawFixture('tmall-two-lines-presale'),
      tmallTrade(),
      jdOrder(),
      douyinOrder(),
      douyinDetail,
    ])
      expect(orderPage(raw)).toBeUndefined();
    expect(orderPage({ trades: 'none' })).toBeUndefined();
    expect(orderPage([jdOrder()])).toBeUndefined();
    expect(orderPage(null)).toBeUndefined();
  });
});

describe('adaptOrder given a page', () => {
  it.each(PAGES)(
    'names a page of $name, its count and the jq to take its orders out',
    ({ platform, page }) => {
      const raw = page();
      const { count, path } = orderPage(raw)!;
      const jqPath = path.map((key) => `.${key}`).join('');
      for (const adapter of [platform, 'standard'] as const) {
        const error = captureInputError(() => adaptOrder(adapter, raw, { line: 7 }));
        expect(error.code).toBe('order_page');
        expect(error.location).toEqual({ line: 7 });
        expect(error.message).toContain(`a page of ${count} `);
        expect(error.message).toContain(`jq -c '${jqPath}[]'`);
      }
    },
  );

  it('still names the field of an order that is not a page', () => {
    const error = captureInputError(() => adaptOrder('jd', readRawFixture('jd-missing-order-id')));
    expect(error.code).not.toBe('order_page');
    expect(error.location.field).toEqual(expect.any(String));
  });
});
