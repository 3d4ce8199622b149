import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangedOrderSchema } from '../../api/schemas/simulations.ts';
import { attachOrders, ORDER_KEEP_CHARS, ORDER_MISSING } from './attach-orders.ts';

const HISTORY = readFileSync(new URL('../../samples/history/demo-2000.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .slice(0, 5);
const tidOf = (line: string) => (JSON.parse(line) as { tid_str: string }).tid_str;

describe('attachOrders', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'og-attach-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (history: string[], changedIds: string[]) => {
    const orders = join(dir, 'history.ndjson');
    const changes = join(dir, 'changes.ndjson');
    writeFileSync(orders, `${history.join('\n')}\n`);
    writeFileSync(
      changes,
      changedIds.map((orderId, seq) => `${JSON.stringify({ seq, orderId, kinds: ['carrier'] })}\n`).join(''),
    );
    await attachOrders(changes, { orders });
    return readFileSync(changes, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('adds the standard order each change was decided from, keeping the change as it was', async () => {
    const ids = [tidOf(HISTORY[3]!), tidOf(HISTORY[0]!)];
    const lines = await run(HISTORY, ids);
    expect(lines.map((l) => l.orderId)).toEqual(ids);
    expect(lines[0]).toMatchObject({ seq: 0, kinds: ['carrier'], order: { id: ids[0], platform: 'tmall' } });
    expect(lines[1]).toMatchObject({ seq: 1, order: { id: ids[1] } });
    expect(lines.every((l) => l.orderMissing === undefined)).toBe(true);
  });

  it('says why an order is left out: its id twice in the history, or too long to keep', async () => {
    const big = JSON.parse(HISTORY[1]!) as { receiver_address: string };
    big.receiver_address = 'x'.repeat(ORDER_KEEP_CHARS);
    const lines = await run(
      [HISTORY[0]!, HISTORY[0]!, JSON.stringify(big)],
      [tidOf(HISTORY[0]!), tidOf(HISTORY[1]!)],
    );
    expect(lines[0]).toMatchObject({ orderMissing: 'ambiguous' });
    expect(lines[1]).toMatchObject({ orderMissing: 'too_large' });
    expect(lines.every((l) => l.order === undefined)).toBe(true);
  });

  it('matches an id the history holds twice when both changed, in the order the replay decided them', async () => {
    const later = JSON.parse(HISTORY[0]!) as { pay_time: string; receiver_address: string };
    later.pay_time = '2026-11-11 09:00:00';
    later.receiver_address = 'later';
    // In the file the later-paid one comes first; the replay decides by pay time.
    const id = tidOf(HISTORY[0]!);
    const lines = await run([JSON.stringify(later), HISTORY[0]!], [id, id]);
    const addresses = lines.map((l) => (l.order as { receiver: { address: string } }).receiver.address);
    expect(addresses[0]).not.toContain('later');
    expect(addresses[1]).toContain('later');
  });

  it('names the reasons the API names', () => {
    expect(ChangedOrderSchema.shape.orderMissing.unwrap().options).toEqual([...ORDER_MISSING]);
  });
});
