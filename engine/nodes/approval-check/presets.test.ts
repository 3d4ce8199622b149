import { describe, expect, it } from 'vitest';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';
import { InMemoryState } from '../../state/index.ts';
import { checkHolds, checkStrategy, client, order } from './check-harness.test-helper.ts';

const atMinutesAfterPayment = (minutes: number) => (o: { paidAt: string | null; createdAt: string }) =>
  new Date(Date.parse(o.paidAt ?? o.createdAt) + minutes * 60_000);

describe.each(ENGINE_NAMES)('approval check presets decide orders (%s engine)', (engine) => {
  it('unpaid: unpaid and part-paid orders, never cash on delivery', async () => {
    const orders = [
      order({ payStatus: 'unpaid', paidAt: null }),
      order({ payStatus: 'partPaid' }),
      order({ payStatus: 'unpaid', paidAt: null, type: 'cod' }),
      order(),
    ];
    expect(await checkHolds(engine, 'unpaid', {}, orders)).toEqual([true, true, false, false]);
  });

  it('refundPending: pending by default, the statuses chosen otherwise', async () => {
    const orders = [order({ refundStatus: 'pending' }), order({ refundStatus: 'refunded' }), order()];
    expect(await checkHolds(engine, 'refundPending', {}, orders)).toEqual([true, false, false]);
    expect(await checkHolds(engine, 'refundPending', { statuses: ['refunded'] }, orders)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('address: missing, unresolved, naming another province; encrypted only when ticked', async () => {
    const receiver = (r: Record<string, string>) => ({
      receiver: { province: '上海', city: '上海市', district: '黄浦区', address: '人民大道 200 号', ...r },
    });
    const orders = [
      order(receiver({ address: '' })),
      order(receiver({ district: '不存在区' })),
      order(receiver({ address: '江苏省苏州市工业园区星湖街 328 号' })),
      order(receiver({ address: '长宁区江苏路 458 号' })),
      order(receiver({ address: '人民大道***' })),
    ];
    expect(await checkHolds(engine, 'address', {}, orders)).toEqual([true, true, true, false, false]);
    expect(
      await checkHolds(
        engine,
        'address',
        { missing: false, incomplete: false, otherProvince: false, encrypted: true },
        orders,
      ),
    ).toEqual([false, false, false, false, true]);
  });

  it('ruralKeyword: a rural word in the address, unless an exception names a city estate', async () => {
    const at = (address: string) =>
      order({ receiver: { province: '河南', city: '周口市', district: '鹿邑县', address } });
    const orders = [at('太清宫镇李庄村 3 组'), at('曹杨新村 8 号'), at('人民路 1 号')];
    expect(await checkHolds(engine, 'ruralKeyword', {}, orders)).toEqual([true, false, false]);
    expect(await checkHolds(engine, 'ruralKeyword', { keywords: ['庄'], except: [] }, orders)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('remarkPresent: text in the sources ticked, white space does not count', async () => {
    const orders = [
      order({ buyerMessage: '  ' }),
      order({ buyerMessage: '请发顺丰' }),
      order({ sellerMemo: '{OK}' }),
    ];
    expect(await checkHolds(engine, 'remarkPresent', {}, orders)).toEqual([false, true, true]);
    expect(await checkHolds(engine, 'remarkPresent', { sellerMemo: false }, orders)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('sellerFlag: any colour, or only the colours listed', async () => {
    const orders = [order({ sellerFlag: 'red' }), order({ sellerFlag: 'blue' }), order()];
    expect(await checkHolds(engine, 'sellerFlag', {}, orders)).toEqual([true, true, false]);
    expect(await checkHolds(engine, 'sellerFlag', { colours: ['blue'] }, orders)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('cod and invoice', async () => {
    const orders = [
      order({ type: 'cod', payStatus: 'unpaid', paidAt: null }),
      order({ invoiceRequested: true }),
    ];
    expect(await checkHolds(engine, 'cod', {}, orders)).toEqual([true, false]);
    expect(await checkHolds(engine, 'invoice', {}, orders)).toEqual([false, true]);
  });

  it('range: between, minimum only, maximum only, outside', async () => {
    const orders = [100, 5000, 9000].map((total) => order({ amounts: { total, paid: total } }));
    expect(await checkHolds(engine, 'range', { min: 5000 }, orders)).toEqual([false, true, true]);
    expect(await checkHolds(engine, 'range', { max: 100 }, orders)).toEqual([true, false, false]);
    expect(await checkHolds(engine, 'range', { min: 100, max: 5000 }, orders)).toEqual([true, true, false]);
    expect(await checkHolds(engine, 'range', { min: 100, max: 5000, outside: true }, orders)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('range: weight and qty read the order totals', async () => {
    const heavy = order({ lines: [{ sku: 'LIP-01', qty: 30, price: 200, weightKg: 1 }] });
    expect(await checkHolds(engine, 'range', { measure: 'weightKg', min: 20 }, [heavy, order()])).toEqual([
      true,
      false,
    ]);
    expect(await checkHolds(engine, 'range', { measure: 'qty', min: 10 }, [heavy, order()])).toEqual([
      true,
      false,
    ]);
  });

  it('priceBelowFloor: a share of the catalogue price, or a floor per SKU; gift lines never count', async () => {
    const sold = (price: number, extra: object[] = []) =>
      order({ lines: [{ sku: 'LIP-01', qty: 1, price }, ...extra] });
    const gift = { sku: 'MASK-01', qty: 1, price: 0, isGift: true };
    const orders = [sold(100), sold(150), sold(150, [gift])];
    expect(await checkHolds(engine, 'priceBelowFloor', { percent: 60 }, orders)).toEqual([
      true,
      false,
      false,
    ]);
    expect(
      await checkHolds(engine, 'priceBelowFloor', { floors: [{ sku: 'LIP-01', price: 160 }] }, orders),
    ).toEqual([true, true, true]);
    expect(
      await checkHolds(engine, 'priceBelowFloor', { floors: [{ sku: 'MASK-01', price: 50 }] }, orders),
    ).toEqual([false, false, false]);
  });

  it('priceBelowFloor: a floor for a SKU code with a dot in it, and the price it read in the trace', async () => {
    const set = (price: number) => order({ lines: [{ sku: 'SET.2026', qty: 1, price }] });
    const floors = { floors: [{ sku: 'SET.2026', price: 250 }] };
    expect(await checkHolds(engine, 'priceBelowFloor', floors, [set(199), set(299)])).toEqual([true, false]);
    const traced = createPipeline(
      [checkStrategy('priceBelowFloor', { floors: [{ sku: 'LIP-01', price: 150 }] })],
      {
        client,
        engine,
        trace: true,
      },
    );
    const decision = await traced.decide(order({ lines: [{ sku: 'LIP-01', qty: 1, price: 120 }] }));
    expect(decision.trace?.[0]?.facts).toEqual({ 'unitPrices.LIP-01': 120 });
  });

  it('duplicateOrder: the same order id decided again', async () => {
    const orders = [order(), order({ id: 'T-1002' }), order()];
    expect(await checkHolds(engine, 'duplicateOrder', {}, orders)).toEqual([false, false, true]);
  });

  it('blacklist: buyer id, phone, address text', async () => {
    const params = { buyerIds: ['bad-buyer'], phones: ['139****0000'], addressContains: ['刷单'] };
    const orders = [
      order({ buyer: { id: 'bad-buyer' } }),
      order({
        receiver: {
          province: '上海',
          city: '上海市',
          district: '黄浦区',
          phone: '139****0000',
          address: 'x',
        },
      }),
      order({ receiver: { province: '上海', city: '上海市', district: '黄浦区', address: '刷单工作室' } }),
      order(),
    ];
    expect(await checkHolds(engine, 'blacklist', params, orders)).toEqual([true, true, true, false]);
  });

  it('outOfStock: tracked stock short in every warehouse; one untracked warehouse can always supply', async () => {
    const two = order({ lines: [{ sku: 'LIP-01', qty: 2, price: 200 }] });
    const short = () => new InMemoryState({ stock: { 'WH-SH': { 'LIP-01': 1 }, 'WH-GZ': { 'LIP-01': 0 } } });
    expect(await checkHolds(engine, 'outOfStock', {}, [two, order()], { state: short() })).toEqual([
      true,
      false,
    ]);
    expect(await checkHolds(engine, 'outOfStock', { skus: ['LIP-01'] }, [two], { state: short() })).toEqual([
      true,
    ]);
    const untrackedInGz = new InMemoryState({ stock: { 'WH-SH': { 'LIP-01': 1 } } });
    expect(await checkHolds(engine, 'outOfStock', {}, [two], { state: untrackedInGz })).toEqual([false]);
  });

  it('skuNotMapped: a line SKU the catalogue does not have', async () => {
    const unknown = order({ lines: [{ sku: 'TMALL-998877', qty: 1, price: 10 }] });
    expect(await checkHolds(engine, 'skuNotMapped', {}, [unknown, order()])).toEqual([true, false]);
  });

  it('waitAfterPayment: while fewer than N minutes passed since payment by the pipeline clock', async () => {
    const unpaid = order({ payStatus: 'unpaid', paidAt: null });
    const decide = (minutes: number) =>
      checkHolds(engine, 'waitAfterPayment', { minutes: 30 }, [order(), unpaid], {
        clock: atMinutesAfterPayment(minutes),
      });
    expect(await decide(10)).toEqual([true, false]);
    expect(await decide(30)).toEqual([false, false]);
  });
});
