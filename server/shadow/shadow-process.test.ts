import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { adaptOrder } from '../../engine/order/adapters/index.ts';
import { failedOutline } from '../../simulate/decide/decision-outline.ts';
import { compiled, standardOrder, tagStrategy } from '../test/fixtures.ts';
import type { ShadowItem } from './messages.ts';
import { ShadowProcess } from './shadow-process.ts';

const item = (id: string): ShadowItem => ({
  order: adaptOrder('standard', standardOrder(id)),
  at: Date.parse('2026-11-11T00:10:00+08:00'),
  // Live "failed" on every order, so each one the candidate decides diverges in status.
  live: failedOutline('live'),
});

describe('a shadow process', () => {
  let shadowProcess: ShadowProcess | undefined;
  afterEach(() => shadowProcess?.stop());

  function start(limit: number): ShadowProcess {
    shadowProcess = new ShadowProcess(
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
    return shadowProcess;
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

  it.runIf(existsSync('/proc/self/task') && existsSync('/usr/bin/nice'))(
    'runs every thread of its process at the lowest priority, its garbage collector and compiler too',
    async () => {
      const shadow = start(10);
      await shadow.ready;
      const tasks = readdirSync(`/proc/${shadow.pid}/task`);
      // Node's main thread, V8's platform workers and libuv's pool: several threads, all niced.
      expect(tasks.length).toBeGreaterThan(3);
      // Field 19 of /proc/<pid>/task/<tid>/stat is the nice value; 17 fields follow the name's ") ".
      const nice = tasks.map(
        (tid) => readFileSync(`/proc/${shadow.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16],
      );
      expect(new Set(nice)).toEqual(new Set(['19']));
    },
  );

  it('says so when its process is killed from outside, and takes nothing more', async () => {
    const shadow = start(10);
    await shadow.ready;
    process.kill(shadow.pid!, 'SIGKILL');
    await expect
      .poll(() => shadow.failed?.message)
      .toMatch(/shadow of client "c" ended: its process ended \(SIGKILL\)/);
    shadow.offer(item('A'));
    expect(shadow.flow.pending).toBe(0);
  });
});
