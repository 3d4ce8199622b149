import { describe, expect, it } from 'vitest';
import type { Decision } from '../../decision/decision.ts';
import { InMemoryState } from '../../state/index.ts';
import { applyEvent, testOrder } from '../gift/apply-event.test-helper.ts';

const receiver = {
  name: '王*',
  phone: '138****5678',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 1 号',
};
/** A paid order of buyer-1 to the same door, paid at `hhmm` China time on double-11. */
const paidAt = (hhmm: string, overrides: Record<string, unknown> = {}) =>
  testOrder({ id: `O-${hhmm}`, paidAt: `2026-11-11T${hhmm}:00+08:00`, receiver, ...overrides });
const merge = (params: Record<string, unknown> = {}) => ({
  type: 'merge',
  params: { windowHours: 2, ...params },
});
const placed = (warehouse: string, carrier: string) => (d: Decision) => {
  d.warehouse = warehouse;
  d.carrier = carrier;
};

describe('the merge event', () => {
  it('opens a group, then joins orders paid within the window; a later one opens the next group', () => {
    const state = new InMemoryState();
    const first = applyEvent(merge(), paidAt('10:00'), state);
    const second = applyEvent(merge(), paidAt('11:59'), state);
    const late = applyEvent(merge(), paidAt('12:00'), state);
    expect(first.merge).toEqual({
      group: expect.stringMatching(/^[0-9a-f]{16}$/),
      joined: false,
      size: 1,
      closesAt: '2026-11-11T04:00:00.000Z',
      strategyId: 's',
      nodeId: 'n',
    });
    expect(second.merge).toMatchObject({ group: first.merge!.group, joined: true, size: 2 });
    expect(late.merge).toMatchObject({ group: first.merge!.group, joined: false, size: 1 });
    expect(late.merge!.closesAt).toBe('2026-11-11T06:00:00.000Z');
  });

  it('matches masked receivers by their open addressee id when asked, and by their texts when not', () => {
    const masked = { ...receiver, name: '王**', phone: '*******5678', address: '文三路**号' };
    const to = (hhmm: string, oaid: string) => paidAt(hhmm, { receiver: { ...masked, oaid } });
    const byId = merge({ match: { addressee: true } });
    const state = new InMemoryState();
    const home = applyEvent(byId, to('10:00', 'oaid-home'), state);
    const office = applyEvent(byId, to('10:10', 'oaid-office'), state);
    const homeAgain = applyEvent(byId, to('10:20', 'oaid-home'), state);
    expect(office.merge).toMatchObject({ joined: false, size: 1 });
    expect(office.merge!.group).not.toBe(home.merge!.group);
    expect(homeAgain.merge).toMatchObject({ group: home.merge!.group, joined: true, size: 2 });
    const texts = new InMemoryState();
    applyEvent(merge(), to('10:00', 'oaid-home'), texts);
    expect(applyEvent(merge(), to('10:10', 'oaid-office'), texts).merge).toMatchObject({
      joined: true,
      size: 2,
    });
  });

  it('records what it did in consumed, so the state log can replay and undo it', () => {
    const state = new InMemoryState();
    applyEvent(merge(), paidAt('10:00'), state);
    const joined = applyEvent(merge(), paidAt('10:30'), state);
    expect(joined.consumed).toEqual([
      {
        kind: 'merge',
        group: joined.merge!.group,
        at: '2026-11-11T02:30:00.000Z',
        closesAt: '2026-11-11T04:00:00.000Z',
        size: 2,
      },
    ]);
    expect(state.snapshot().merges).toEqual({
      [joined.merge!.group!]: { closesAt: '2026-11-11T04:00:00.000Z', size: 2 },
    });
  });

  it('keeps other buyers, receivers and shops apart', () => {
    const state = new InMemoryState();
    const first = applyEvent(merge(), paidAt('10:00'), state);
    const others = [
      paidAt('10:01', { buyer: { id: 'buyer-2' } }),
      paidAt('10:02', { receiver: { ...receiver, name: '李*' } }),
      paidAt('10:03', { receiver: { ...receiver, phone: '139****0000' } }),
      paidAt('10:04', { receiver: { ...receiver, address: '文三路 2 号' } }),
      paidAt('10:05', { shop: 'TM-2' }),
    ].map((o) => applyEvent(merge(), o, state).merge!);
    for (const other of others) expect(other).toMatchObject({ joined: false, size: 1 });
    expect(new Set([first.merge!.group, ...others.map((o) => o.group)]).size).toBe(6);
  });

  it('matches on the warehouse and the carrier only when asked to', () => {
    const state = new InMemoryState();
    const loose = merge();
    applyEvent(loose, paidAt('10:00'), state, undefined, placed('WH-SH', 'ZTO'));
    expect(applyEvent(loose, paidAt('10:10'), state, undefined, placed('WH-GZ', 'SF')).merge?.joined).toBe(
      true,
    );
    const strict = merge({ match: { warehouse: true, carrier: true } });
    const fresh = new InMemoryState();
    applyEvent(strict, paidAt('10:00'), fresh, undefined, placed('WH-SH', 'ZTO'));
    expect(applyEvent(strict, paidAt('10:10'), fresh, undefined, placed('WH-GZ', 'ZTO')).merge?.joined).toBe(
      false,
    );
    expect(applyEvent(strict, paidAt('10:20'), fresh, undefined, placed('WH-SH', 'SF')).merge?.joined).toBe(
      false,
    );
    expect(applyEvent(strict, paidAt('10:30'), fresh, undefined, placed('WH-SH', 'ZTO')).merge).toMatchObject(
      {
        joined: true,
        size: 2,
      },
    );
    const unplaced = applyEvent(strict, paidAt('10:40'), fresh);
    expect(unplaced.merge).toMatchObject({ group: null, size: 0, excluded: 'no_warehouse' });
  });

  it('never merges COD, unpaid, buyer-less, address-less or fully masked orders, nor presale ones unless allowed', () => {
    const state = new InMemoryState();
    const excluded = (order: ReturnType<typeof paidAt>, params = {}) =>
      applyEvent(merge(params), order, state).merge?.excluded;
    expect(excluded(paidAt('10:00', { type: 'cod' }))).toBe('cod');
    expect(excluded(paidAt('10:00', { paidAt: null, payStatus: 'unpaid' }))).toBe('unpaid');
    expect(excluded(paidAt('10:00', { buyer: { id: '' } }))).toBe('no_buyer');
    expect(excluded(paidAt('10:00', { receiver: { ...receiver, address: ' ' } }))).toBe('no_address');
    const presale = paidAt('10:00', { lines: [{ sku: 'A', qty: 1, price: 100, isPresale: true }] });
    expect(excluded(presale)).toBe('presale');
    expect(state.snapshot().merges).toBeUndefined();
    // A receiver that came only as ciphertexts: nothing to tell two addressees apart by, but an id.
    const ciphered = { ...receiver, name: '****', phone: '****', address: '莲前街道****', oaid: 'oaid-1' };
    expect(excluded(paidAt('10:00', { receiver: ciphered }))).toBe('masked_receiver');
    expect(excluded(paidAt('10:00', { receiver: ciphered }), { match: { addressee: true } })).toBeUndefined();
    expect(excluded(paidAt('10:00', { receiver: { ...ciphered, name: '王**' } }))).toBeUndefined();
  });

  it('merges orders that name no buyer (Pinduoduo’s) by their open addressee id, when the node matches by it', () => {
    const byId = merge({ match: { addressee: true } });
    const pdd = (hhmm: string, oaid: string) =>
      paidAt(hhmm, { buyer: { id: '' }, receiver: { ...receiver, name: '李**', oaid } });
    const state = new InMemoryState();
    const first = applyEvent(byId, pdd('10:00', 'oaid-a'), state).merge!;
    const second = applyEvent(byId, pdd('10:30', 'oaid-a'), state).merge!;
    const other = applyEvent(byId, pdd('10:40', 'oaid-b'), state).merge!;
    expect(first).toMatchObject({ joined: false, size: 1 });
    expect(second).toMatchObject({ group: first.group, joined: true, size: 2 });
    expect(other).toMatchObject({ joined: false, size: 1 });
    expect(other.group).not.toBe(first.group);
    expect(applyEvent(merge(), pdd('10:50', 'oaid-a'), state).merge?.excluded).toBe('no_buyer');
    expect(applyEvent(byId, pdd('10:50', ''), state).merge?.excluded).toBe('no_buyer');
  });

  it('merges presale orders, when allowed, with other presale orders only', () => {
    const state = new InMemoryState();
    const params = { allowPresale: true };
    const presale = (hhmm: string) => paidAt(hhmm, { type: 'presale' });
    const first = applyEvent(merge(params), presale('10:00'), state).merge!;
    const spot = applyEvent(merge(params), paidAt('10:05'), state).merge!;
    const second = applyEvent(merge(params), presale('10:10'), state).merge!;
    expect([first.joined, spot.joined, second.joined]).toEqual([false, false, true]);
    expect(second.group).toBe(first.group);
  });

  it('merges an order once, whatever number of merge rules reach it', () => {
    const state = new InMemoryState();
    const decision = applyEvent(merge(), paidAt('10:00'), state, undefined, (d) => {
      d.merge = { group: 'earlier', joined: false, size: 1, strategyId: 's', nodeId: 'm0' };
    });
    expect(decision.merge?.group).toBe('earlier');
    expect(decision.consumed).toEqual([]);
    expect(state.snapshot().merges).toBeUndefined();
  });
});
