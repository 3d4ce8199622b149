import { afterEach, describe, expect, it } from 'vitest';
import { adaptOrder } from '../../engine/order/adapters/index.ts';
import { failedOutline } from '../../simulate/decide/decision-outline.ts';
import { compiled, standardOrder, tagStrategy } from '../test/fixtures.ts';
import type { ShadowItem } from './messages.ts';
import { ShadowThread } from './shadow-thread.ts';

const item = (id: string): ShadowItem => ({
  order: adaptOrder('standard', standardOrder(id)),
  at: Date.parse('2026-11-11T00:10:00+08:00'),
  // Live "failed" on every order, so each one the candidate decides diverges in status.
  live: failedOutline('live'),
});

describe('a shadow thread', () => {
  let thread: ShadowThread | undefined;
  afterEach(() => thread?.stop());

  function start(limit: number): ShadowThread {
    thread = new ShadowThread(
      {
        clientId: 'c',
        strategies: [compiled(tagStrategy('c', 'tags', 'shadowed'))],
        client: undefined,
        engine: 'compiled',
        snapshot: { counters: {}, stock: {}, buyers: {} },
        sampleLimit: 1,
        cpuShare: 1,
      },
      limit,
    );
    return thread;
  }

  it('drops what comes while it is `limit` orders behind, never queueing more', async () => {
    const shadow = start(2);
    for (const id of ['A', 'B', 'C', 'D', 'E']) shadow.offer(item(id));
    expect(shadow.flow).toEqual({ pending: 2, dropped: 3 });
    await shadow.ready;
    const report = await shadow.report();
    expect(report).toMatchObject({ orders: 2, diverged: 2, errors: 0 });
    expect(report.byKind.status).toBe(2);
    expect(report.sample.map((s) => [s.orderId, s.shadow.tags])).toEqual([['B', ['shadowed']]]);
    expect(shadow.flow).toEqual({ pending: 0, dropped: 3 });
    // Caught up: it takes orders again.
    shadow.offer(item('F'));
    expect((await shadow.report()).orders).toBe(3);
  });

  it('says why once stopped, and takes nothing more', async () => {
    const shadow = start(10);
    await shadow.ready;
    await shadow.stop();
    expect(shadow.failed?.code).toBe('shadow_failed');
    shadow.offer(item('A'));
    expect(shadow.flow.pending).toBe(0);
    await expect(shadow.report()).rejects.toThrow(/shadow of client "c" ended: stopped on request/);
  });
});
