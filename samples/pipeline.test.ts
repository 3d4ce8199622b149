import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../engine/decision/decision.ts';
import { generateOrders } from '../engine/generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../engine/order/adapters/index.ts';
import type { StandardOrder } from '../engine/order/schema.ts';
import { ENGINE_NAMES, type EngineName } from '../engine/runtime/index.ts';
import { InMemoryState, type StateSnapshot } from '../engine/state/index.ts';
import { demoPipeline, demoStock, loadDemoStrategies, payTime } from './tools/demo-pipeline.ts';

/**
 * The demo client's nine strategies as one pipeline: on a generated double-11 batch, and on
 * hand-written orders for the behaviours a strategy file cannot show alone (a later stage reading
 * what remark parsing, approval or routing decided).
 */
const strategies = loadDemoStrategies();
const catalogue = new Map(strategies.client.skus.map((s) => [s.sku, s]));

// json-rules-engine decides the demo pipeline at a few hundred orders a second here, so the batch
// stays small enough for both engines to run it well inside the test budget.
const BATCH = 1000;
const MIRRORS = 'gift:gifts:double11-gifts:first-1000-mirror:orders';
const BAND_GIFTS = 'gift:gifts:double11-gifts:spend-bands:day:2026-11-11';
/** The promotion has run a while: 30 first-hour mirrors and 40 of the day's band gifts are left. */
const CAPS_NEARLY_USED = { [MIRRORS]: 970, [BAND_GIFTS]: 4960 };

const batch: StandardOrder[] = [
  ...generateOrders({ client: strategies.client, count: BATCH, seed: 'pipeline-test' }),
]
  .map((raw) => adaptOrder(detectPlatform(raw) ?? 'standard', raw))
  .sort((a, b) => payTime(a) - payTime(b));

const startState = (): InMemoryState =>
  new InMemoryState({ ...demoStock(), counters: { ...CAPS_NEARLY_USED } });

describe(`the demo pipeline on ${BATCH} generated double-11 orders in pay-time order`, () => {
  const runs = new Map<EngineName, { decisions: Decision[]; state: StateSnapshot }>();
  beforeAll(async () => {
    for (const engine of ENGINE_NAMES) {
      const pipeline = demoPipeline(strategies, engine, { state: startState() });
      const decisions: Decision[] = [];
      for (const order of batch) decisions.push(await pipeline.decide(order));
      runs.set(engine, { decisions, state: pipeline.state.snapshot() });
    }
  }, 60_000);
  const reference = () => runs.get('reference')!.decisions;

  it('approves, holds or flags every order, each hold with a reason and a message', () => {
    for (const engine of ENGINE_NAMES) {
      const { decisions } = runs.get(engine)!;
      expect(decisions.map((d) => d.orderId)).toEqual(batch.map((o) => o.id));
      for (const d of decisions) {
        expect(['approved', 'held', 'flagged'], d.orderId).toContain(d.status);
        expect(d.status === 'held', d.orderId).toBe(d.holds.length > 0);
        for (const hold of d.holds) {
          expect(hold.reason, d.orderId).toMatch(/\S/);
          expect(hold.message ?? '', `${d.orderId} ${hold.reason}`).toMatch(/\S/);
        }
      }
    }
  });

  it('decides identically on both engines', () => {
    expect(runs.get('compiled')!.decisions).toEqual(reference());
    expect(runs.get('compiled')!.state).toEqual(runs.get('reference')!.state);
  });

  it('exercises every stage: holds of several kinds, gifts, splits, substitutions, carrier levels platform to warehouse', () => {
    const decisions = reference();
    const holdReasons = new Set(decisions.flatMap((d) => d.holds.map((h) => h.reason)));
    expect([...holdReasons]).toEqual(
      expect.arrayContaining(['unpaid', 'refund_pending', 'duplicate_order', 'dont_ship_yet', 'stock_short']),
    );
    const share = (test: (d: Decision) => boolean) => decisions.filter(test).length / decisions.length;
    expect(share((d) => d.status === 'approved')).toBeGreaterThan(0.3);
    expect(share((d) => d.status === 'held')).toBeLessThan(0.25);
    expect(share((d) => d.gifts.length > 0)).toBeGreaterThan(0.3);
    expect(share((d) => d.parcels.length > 0)).toBeGreaterThan(0.01);
    expect(decisions.some((d) => d.substitutions.length > 0)).toBe(true);
    expect(decisions.some((d) => d.merge?.joined)).toBe(true);
    const levels = new Set(
      decisions.flatMap((d) =>
        d.events.filter((e) => e.type === 'carrier.explain').map((e) => e.params?.level as string),
      ),
    );
    expect([...levels]).toEqual(
      expect.arrayContaining(['platform', 'remark', 'sku', 'shop', 'area', 'warehouse', 'cheapest']),
    );
  });

  // Held by remark parsing or approval: the gift stage's gate keeps these out of every promotion.
  const heldBeforeGifts = (d: Decision) =>
    d.holds.some((h) => h.strategyId === 'remark' || h.strategyId === 'approval');
  // The big gift box's rule is exclusive and comes first: its orders never reach the other rules.
  const reachesDouble11Rules = (o: StandardOrder, d: Decision) =>
    !heldBeforeGifts(d) && !o.lines.some((l) => l.sku === 'BULKY-GIFTBOX-XL');
  const onDouble11 = (o: StandardOrder, end = '2026-11-12T00:00:00+08:00') =>
    o.paidAt !== null &&
    Date.parse(o.paidAt) >= Date.parse('2026-11-11T00:00:00+08:00') &&
    Date.parse(o.paidAt) < Date.parse(end);
  /** The orders that took from a capped counter are exactly the first qualifying ones, in processing order. */
  const expectFirstQualifying = (
    qualifies: (o: StandardOrder, d: Decision) => boolean,
    key: string,
    left: number,
  ) => {
    const decisions = reference();
    const qualifying = batch.filter((o, i) => qualifies(o, decisions[i]!)).map((o) => o.id);
    expect(qualifying.length).toBeGreaterThan(left);
    const took = decisions
      .filter((d) => d.consumed.some((c) => c.kind === 'counter' && c.key === key))
      .map((d) => d.orderId);
    expect(took).toEqual(qualifying.slice(0, left));
    expect(runs.get('reference')!.state.counters[key]).toBe(
      CAPS_NEARLY_USED[key as keyof typeof CAPS_NEARLY_USED] + left,
    );
  };
  const gave = (d: Decision, sku: string, nodeId: string) =>
    d.gifts.some((g) => g.sku === sku && g.nodeId === nodeId);

  it('gives the last 30 first-hour mirrors to the first 30 qualifying orders, and then no more', () => {
    const firstHour = (o: StandardOrder) => onDouble11(o, '2026-11-11T01:00:00+08:00');
    expectFirstQualifying((o, d) => reachesDouble11Rules(o, d) && firstHour(o), MIRRORS, 30);
    expect(reference().filter((d) => gave(d, 'GIFT-MIRROR', 'double11-gifts'))).toHaveLength(30);
  });

  it("gives the day's last 40 band gifts to the first 40 orders paying 199 or more; later ones get the fallback", () => {
    const reachesBand = (o: StandardOrder, d: Decision) =>
      reachesDouble11Rules(o, d) && onDouble11(o) && o.amounts.paid >= 199;
    expectFirstQualifying(reachesBand, BAND_GIFTS, 40);
    const decisions = reference();
    const lastCapped = decisions.findLastIndex((d) =>
      d.consumed.some((c) => c.kind === 'counter' && c.key === BAND_GIFTS),
    );
    const later = batch.map((o, i) => ({ o, d: decisions[i]! })).slice(lastCapped + 1);
    const fallbacks = later.filter(({ o, d }) => reachesBand(o, d) && o.amounts.paid < 399);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const { d } of fallbacks) expect(gave(d, 'GIFT-COTTON', 'double11-gifts'), d.orderId).toBe(true);
  });

  it('gives the sample kit a remark asks for once per buyer, and never to an order held before gifts', () => {
    const decisions = reference();
    const byBuyer = new Map<string, number>();
    decisions.forEach((d, i) => {
      if (!gave(d, 'GIFT-SAMPLE-KIT', 'sample-on-request')) return;
      const buyer = batch[i]!.buyer.id;
      byBuyer.set(buyer, (byBuyer.get(buyer) ?? 0) + 1);
    });
    expect(byBuyer.size).toBeGreaterThan(0);
    expect([...byBuyer.values()].every((n) => n === 1)).toBe(true);
    expect(decisions.filter((d) => heldBeforeGifts(d) && d.gifts.length > 0)).toEqual([]);
  });
});

// --- behaviours on hand-written orders ------------------------------------------------------

const PLACES = {
  hangzhou: ['浙江省', '杭州市', '西湖区', '文三路 478 号华星时代广场 A 座 1201'],
  beijing: ['北京市', '北京市', '朝阳区', '建国路 88 号 SOHO 现代城 2 号楼 1503'],
  changsha: ['湖南省', '长沙市', '岳麓区', '麓山南路 932 号 8 栋 302'],
  urumqi: ['新疆维吾尔自治区', '乌鲁木齐市', '天山区', '解放北路 88 号 2 单元 301'],
  xining: ['青海省', '西宁市', '城东区', '八一中路 56 号 3 单元 202'],
  lhasa: ['西藏自治区', '拉萨市', '城关区', '北京中路 45 号'],
} as const;

type Line = [sku: string, qty: number, extra?: Record<string, unknown>];

/** A paid Tmall flagship order from a returning buyer, paid on double-11 morning, with catalogue lines. */
function order(
  id: string,
  lines: Line[],
  overrides: Record<string, unknown> = {},
  place: keyof typeof PLACES = 'hangzhou',
) {
  const [province, city, district, address] = PLACES[place];
  const orderLines = lines.map(([sku, qty, extra]) => {
    const item = catalogue.get(sku)!;
    return {
      sku,
      name: item.name,
      qty,
      price: item.price,
      weightKg: item.weightKg,
      category: item.category,
      ...extra,
    };
  });
  const total = orderLines.reduce((sum, l) => sum + l.price * l.qty, 0);
  return adaptOrder('standard', {
    id,
    platform: 'tmall',
    shop: 'demo-tmall-flagship',
    createdAt: '2026-11-11T09:59:30+08:00',
    paidAt: '2026-11-11T10:00:00+08:00',
    amounts: { total, paid: total },
    buyer: { id: `buyer-${id}`, nick: '小王', memberLevel: 1 },
    receiver: { name: '王*', phone: '138****5678', province, city, district, address },
    lines: orderLines,
    ...overrides,
  });
}

/** A shopper who has ordered before, so first-order gifts stay out of the way. */
const returning = (ids: string[]) => Object.fromEntries(ids.map((id) => [`buyer-${id}`, 2]));

const rawJdCod = (orderId: string, remark: string) =>
  adaptOrder('jd', {
    orderId,
    venderId: 'demo-jd-store',
    orderType: '22',
    payType: '1-货到付款',
    orderState: 'WAIT_SELLER_STOCK_OUT',
    orderTotalPrice: '420.00',
    orderSellerPrice: '420.00',
    orderPayment: '420.00',
    freightPrice: '0.00',
    orderStartTime: '2026-11-11 09:12:45',
    orderRemark: remark,
    venderRemark: '',
    pin: 'jd_5a1b2c3d4e',
    consigneeInfo: {
      fullname: '刘**',
      mobile: '137****9876',
      fullAddress: '广东深圳市南山区科技园南区高新南七道10号',
      province: '广东',
      city: '深圳市',
      county: '南山区',
    },
    itemInfoList: [
      {
        skuId: '100000082053',
        outerSkuId: 'LANCOME-0001',
        skuName: '兰蔻清滢柔肤水',
        itemTotal: '1',
        jdPrice: '420.00',
      },
    ],
  });

describe.each(ENGINE_NAMES)('the demo pipeline on hand-written orders (%s engine)', (engine) => {
  /** One order through a fresh pipeline: the demo stock, or the state given instead of parts of it. */
  const decide = (o: StandardOrder, state: Partial<StateSnapshot> = {}, at?: Date) => {
    const fresh = new InMemoryState({ ...demoStock(), ...state });
    return demoPipeline(strategies, engine, at ? { state: fresh, at } : { state: fresh }).decide(o);
  };
  const buyers = (ids: string[]) => ({ buyers: returning(ids) });

  it('honours {W:SF} in the seller memo and 发顺丰 in the buyer message', async () => {
    const memo = await decide(
      order('P-01', [['CHANDO-0006', 1]], { sellerMemo: '{W:SF}' }),
      buyers(['P-01']),
    );
    expect(memo).toMatchObject({ status: 'approved', warehouse: 'WH-SH', carrier: 'SF' });
    const message = await decide(order('P-02', [['CHANDO-0006', 1]], { buyerMessage: '麻烦发顺丰，谢谢' }));
    expect(message).toMatchObject({ status: 'flagged', carrier: 'SF', extracted: { carrierRequest: 'SF' } });
    expect(message.flags.map((f) => f.reason)).toEqual(['remark_review']);
  });

  it("ships the warehouse's own carrier when nothing asks for another: Hangzhou → Shanghai → ZTO", async () => {
    const d = await decide(order('P-03', [['CHANDO-0006', 1]]), buyers(['P-03']));
    expect(d).toMatchObject({ status: 'approved', warehouse: 'WH-SH', carrier: 'ZTO', holds: [], flags: [] });
  });

  it('lets the platform-forced carrier beat the remark: JD cash on delivery asking 发顺丰 ships JD', async () => {
    const d = await decide(rawJdCod('300224020489', '发顺丰'));
    expect(d).toMatchObject({ carrier: 'JD', warehouse: 'WH-GZ', extracted: { carrierRequest: 'SF' } });
    expect(d.flags.map((f) => f.reason)).toEqual(['cod', 'remark_review']);
    expect(d.holds).toEqual([]);
  });

  it('skips a remark request the carrier cannot deliver: 发韵达 to Urumqi ships EMS', async () => {
    const d = await decide(order('P-04', [['CHANDO-0006', 1]], { buyerMessage: '发韵达' }, 'urumqi'));
    expect(d).toMatchObject({ warehouse: 'WH-XA', carrier: 'EMS' });
    const explain = d.events.find((e) => e.type === 'carrier.explain')!.params!;
    expect(explain).toMatchObject({ level: 'area', skipped: [{ level: 'remark', carrier: 'YUNDA' }] });
  });

  it('ships remote provinces EMS', async () => {
    for (const place of ['urumqi', 'xining', 'lhasa'] as const) {
      const d = await decide(order(`P-05-${place}`, [['CHANDO-0006', 1]], {}, place));
      expect(d.carrier, place).toBe('EMS');
      expect(d.tags, place).toContain('偏远地区');
    }
  });

  it('holds an unpaid order and gives it no gift', async () => {
    const d = await decide(order('P-06', [['SULWHASOO-0005', 1]], { payStatus: 'unpaid', paidAt: null }));
    expect(d).toMatchObject({ status: 'held', gifts: [] });
    expect(d.holds.map((h) => h.reason)).toEqual(['unpaid']);
  });

  it('holds an order with a refund under way, and takes the urgent tag off', async () => {
    const d = await decide(
      order(
        'P-07',
        [
          ['CHANDO-0006', 1],
          ['CHANDO-0002', 1, { refundStatus: 'pending' }],
        ],
        {
          refundStatus: 'pending',
          buyerMessage: '加急',
        },
      ),
    );
    expect(d.holds.map((h) => h.reason)).toEqual(['refund_pending']);
    expect(d.tags).toContain('退款中');
    expect(d.tags).not.toContain('加急');
  });

  it('splits an order no single warehouse can fill into parcels, each from its own warehouse', async () => {
    const stock = {
      'WH-SH': { 'SKII-0003': 0, 'LANCOME-0008': 0 },
      'WH-WH': { 'SKII-0003': 1, 'LANCOME-0008': 1 },
      'WH-GZ': { 'SKII-0003': 2, 'LANCOME-0008': 0 },
    };
    const d = await decide(
      order(
        'P-08',
        [
          ['SKII-0003', 2],
          ['LANCOME-0008', 1],
        ],
        {},
        'changsha',
      ),
      { stock },
    );
    expect(d.holds).toEqual([]);
    expect(d.parcels.map((p) => p.warehouse)).toEqual(['WH-WH', 'WH-GZ']);
    expect(d.parcels.flatMap((p) => p.lines.filter((l) => l.sku === 'SKII-0003').map((l) => l.qty))).toEqual([
      1, 1,
    ]);
    // Gifts ride in the first parcel; every unit placed was taken from that warehouse's stock.
    expect(d.consumed).toEqual(
      expect.arrayContaining([
        { kind: 'stock', warehouse: 'WH-WH', sku: 'SKII-0003', qty: 1 },
        { kind: 'stock', warehouse: 'WH-GZ', sku: 'SKII-0003', qty: 1 },
      ]),
    );
    expect(d.carrier).toBe('SF');
  });

  it('holds a big item no bulky warehouse has, as the routing strategy says', async () => {
    const { stock } = demoStock();
    stock['WH-TJ-BULK']!['BULKY-FRIDGE-25L'] = 0;
    stock['WH-SH']!['BULKY-FRIDGE-25L'] = 0;
    const d = await decide(order('P-09', [['BULKY-FRIDGE-25L', 1]], {}, 'beijing'), { stock });
    expect(d.status).toBe('held');
    // Approval sees it out everywhere; routing names the shortage; the pipeline adds its generic no_warehouse.
    expect(d.holds.map((h) => h.reason)).toEqual(['out_of_stock', 'stock_short', 'no_warehouse']);
  });

  it('ships a fridge from Tianjin by DBL, masks and gifts riding in its parcel, the lipstick apart', async () => {
    const d = await decide(
      order(
        'P-10',
        [
          ['BULKY-FRIDGE-10L', 1],
          ['CHANDO-0004', 2],
          ['LANCOME-0009', 1],
        ],
        {},
        'beijing',
      ),
      buyers(['P-10']),
    );
    expect(d).toMatchObject({ status: 'approved', warehouse: 'WH-TJ-BULK', carrier: 'DBL' });
    expect(d.gifts.map((g) => g.sku)).toEqual(['GIFT-POUCH', 'GIFT-COTTON']);
    expect(d.parcels.map((p) => [p.warehouse, p.lines.map((l) => `${l.sku}×${l.qty}`)])).toEqual([
      ['WH-TJ-BULK', ['BULKY-FRIDGE-10L×1', 'CHANDO-0004×2', 'GIFT-POUCH×1', 'GIFT-COTTON×1']],
      ['WH-TJ-BULK', ['LANCOME-0009×1']],
    ]);
    expect(d.tags).toEqual(expect.arrayContaining(['大件', '有赠品']));
  });

  it('swaps the sold-out remover set for two single bottles, which routing then places', async () => {
    const d = await decide(order('P-11', [['MAYBELLINE-0009', 1]]), buyers(['P-11']));
    expect(d.substitutions.map((s) => `${s.from}→${s.to}×${s.qty}`)).toEqual([
      'MAYBELLINE-0009→MAYBELLINE-0001×2',
    ]);
    expect(d).toMatchObject({ status: 'approved', warehouse: 'WH-SH', carrier: 'ZTO' });
  });

  it('holds what the remarks ask to hold: 先别发 and 地址改成, and tags what they note', async () => {
    const wait = await decide(order('P-12', [['CHANDO-0006', 1]], { buyerMessage: '先别发，等我通知 [急]' }));
    expect(wait.holds.map((h) => h.reason)).toEqual(['dont_ship_yet']);
    expect(wait.gifts).toEqual([]);
    const move = await decide(
      order('P-13', [['CHANDO-0006', 1]], {
        buyerMessage: '地址改成：上海市浦东新区张杨路 500 号 不要放驿站',
      }),
    );
    expect(move.holds.map((h) => h.reason)).toEqual(['address_change']);
    expect(move.tags).toContain('有配送要求');
  });

  it('gives the sample kit a remark asks for, once per buyer, and tags an urgent remark', async () => {
    const pipeline = demoPipeline(strategies, engine, {
      state: new InMemoryState({ buyers: returning(['P-14']) }),
    });
    const first = await pipeline.decide(
      order('P-14', [['CHANDO-0002', 1]], { buyerMessage: '记得送小样哦，加急' }),
    );
    expect(first.gifts.map((g) => `${g.sku}@${g.nodeId}`)).toEqual(['GIFT-SAMPLE-KIT@sample-on-request']);
    expect(first.tags).toContain('加急');
    const again = await pipeline.decide(
      order('P-14b', [['CHANDO-0002', 1]], {
        buyerMessage: '再送点小样',
        buyer: { id: 'buyer-P-14', memberLevel: 1 },
      }),
    );
    expect(again.gifts).toEqual([]);
  });

  it('flags a remark conflict and ships what the seller memo says', async () => {
    const d = await decide(
      order('P-15', [['CHANDO-0006', 1]], { buyerMessage: '发顺丰', sellerMemo: '{W:EMS}' }),
    );
    expect(d.flags.map((f) => f.reason)).toEqual(['remark_conflict', 'remark_review']);
    expect(d.carrier).toBe('EMS');
  });

  it('gives a first-order gift to the first order of a new buyer only', async () => {
    const pipeline = demoPipeline(strategies, engine);
    const buyer = { id: 'buyer-new', nick: '新客', memberLevel: 0 };
    const first = await pipeline.decide(order('P-16', [['CHANDO-0002', 1]], { buyer }));
    const second = await pipeline.decide(order('P-16b', [['CHANDO-0002', 1]], { buyer }));
    expect(first.gifts.map((g) => g.sku)).toEqual(['GIFT-MASK-3']);
    expect(second.gifts).toEqual([]);
  });

  it('holds the same platform order pushed twice', async () => {
    const pipeline = demoPipeline(strategies, engine);
    const o = order('P-17', [['CHANDO-0006', 1]]);
    expect((await pipeline.decide(o)).holds).toEqual([]);
    expect((await pipeline.decide(o)).holds.map((h) => h.reason)).toEqual(['duplicate_order']);
  });

  it('holds a fresh order for 10 minutes after payment so it can merge, released when they are up', async () => {
    const d = await decide(order('P-18', [['CHANDO-0006', 1]]), {}, new Date('2026-11-11T10:04:00+08:00'));
    expect(d.holds.map((h) => [h.reason, h.releaseAt, h.autoReleaseMinutes])).toEqual([
      ['merge_wait', '2026-11-11T02:10:00.000Z', 6],
    ]);
  });

  it("merges a buyer's orders to one address paid within 4 hours, held for the merge wait or not", async () => {
    const pipeline = demoPipeline(strategies, engine, { at: new Date('2026-11-11T10:05:00+08:00') });
    const buyer = { id: 'buyer-merge', nick: '小王', memberLevel: 1 };
    const paid = (id: string, paidAt: string, overrides: Record<string, unknown> = {}) =>
      pipeline.decide(order(id, [['CHANDO-0006', 1]], { buyer, paidAt, ...overrides }));
    const first = await paid('P-19', '2026-11-11T10:00:00+08:00');
    expect(first.holds.map((h) => h.reason)).toEqual(['merge_wait']);
    expect(first.merge).toMatchObject({ joined: false, size: 1, closesAt: '2026-11-11T06:00:00.000Z' });
    const second = await paid('P-19b', '2026-11-11T13:59:00+08:00');
    expect(second.merge).toMatchObject({ group: first.merge!.group, joined: true, size: 2 });
    const refunding = await paid('P-19c', '2026-11-11T11:00:00+08:00', { refundStatus: 'pending' });
    expect(refunding.holds.map((h) => h.reason)).toContain('refund_pending');
    expect(refunding.merge).toBeUndefined();
    const later = await paid('P-19d', '2026-11-11T14:00:00+08:00');
    expect(later.merge).toMatchObject({ joined: false, size: 1 });
    expect(later.merge!.group).toBe(first.merge!.group);
  });

  it('never merges a COD order', async () => {
    const d = await decide(rawJdCod('9100000001', ''));
    expect(d.merge).toMatchObject({ group: null, excluded: 'cod' });
  });
});
