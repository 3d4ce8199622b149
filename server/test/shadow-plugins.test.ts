import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShadowDocSchema } from '../../api/schemas/shadow.ts';
import { serverPlugins } from '../../cli/commands/server-plugins.ts';
import { pluginPipelineFactory } from '../../cli/simulate-plugins/plugin-pipeline.ts';
import { configFromEnv } from '../config.ts';
import { HANGZHOU_RECEIVER, standardOrder } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';
const ADDRESS_RISK = new URL('../../plugins/samples/address-risk/address-risk.plugin.ts', import.meta.url);
/** Scores 40 (another province named in the address): live flags it, 30–59. */
const MEDIUM = '江苏省南京市玄武区中山路 1 号';
/** Scores 60 (another province and a phone number): live holds it. */
const HIGH = '江苏省南京市玄武区 13912345678 转';

/**
 * A paid order of a mapped SKU, from a buyer of its own (so none merges), to the Hangzhou receiver at
 * `address`, saying `message`.
 */
const order = (id: string, address = HANGZHOU_RECEIVER.address, message = '') =>
  standardOrder(id, {
    shop: 'demo-tmall-flagship',
    amounts: { total: 189, paid: 189 },
    lines: [{ sku: 'CHANDO-0001', name: '自然堂套装', qty: 1, price: 189, weightKg: 0.8 }],
    buyer: { id: `buyer-${id}`, nick: `买家 ${id}`, memberLevel: 1 },
    receiver: { ...HANGZHOU_RECEIVER, address },
    buyerMessage: message,
  });

/** The sandbox processes the server started (live's pool and any shadow's), with their nice values. */
function sandboxProcesses(): { pid: number; nice: number }[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,ni=,args='], { encoding: 'utf8' });
  const rows = out
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [pid, ppid, nice, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), nice: Number(nice), args: args.join(' ') };
    });
  // Live's pool is this process's child; a shadow's sandbox is its shadow process's child.
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (ours.has(row.ppid) && !ours.has(row.pid)) {
        ours.add(row.pid);
        grew = true;
      }
    }
  }
  return rows
    .filter((row) => ours.has(row.pid) && row.args.includes('sandbox/worker/main.ts'))
    .map(({ pid, nice }) => ({ pid, nice }));
}

/**
 * A server with the sandbox, as `serve` runs it: the demo's sample plugins installed and live release 2
 * calling three of them. The shadow runs the candidate's plugins in a sandbox process of its own.
 */
describe('shadow releases of candidates that call plugins', () => {
  let server: TestServer;
  let service: string;
  let developer: string;

  // biome-ignore lint/suspicious/noExplicitAny: a strategy document edited as free JSON
  async function editDraft(strategyId: string, edit: (strategy: Record<string, any>) => void) {
    const draft = await server.call('GET', `${base}/strategies/${strategyId}`);
    edit(draft.body.strategy);
    const saved = await server.call('PUT', `${base}/strategies/${strategyId}`, {
      body: draft.body.strategy,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(saved.status, saved.text).toBe(200);
  }

  async function decide(orders: Record<string, unknown>[]) {
    const answer = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders, platform: 'standard', trace: false },
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.results.map((r: { decision: Record<string, unknown> }) => r.decision);
  }

  beforeAll(async () => {
    server = await TestServer.start(
      {},
      { plugins: serverPlugins(configFromEnv({}).plugins), simulationPlugins: pluginPipelineFactory },
    );
    service = await server.keyFor('service', ['demo']);
    developer = await server.keyFor('developer', ['demo']);
  }, 60_000);
  afterAll(() => server.stop());

  it('decides live orders again with the real plugins and counts where the candidate differs', async () => {
    const live = await server.call('GET', `${base}/live`);
    expect(live.body.release).toBe(2);
    // The candidate holds from a score of 30 where live holds from 60 (and flags 30–59).
    await editDraft('address-risk', (strategy) => {
      strategy.nodes.find((n: { id: string }) => n.id === 'high').content.when.all[0].value = 30;
    });
    const before = sandboxProcesses();
    const put = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'address-risk', draft: true }] } },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      status: 'running',
      release: 2,
      label: 'release 2 with address-risk draft',
    });
    // Its own sandbox process, started from the shadow's process at its low priority.
    const shadowSandbox = sandboxProcesses().filter((p) => !before.some((b) => b.pid === p.pid));
    expect(shadowSandbox).toHaveLength(1);
    expect(shadowSandbox[0]!.nice).toBe(19);

    const decisions = await decide([
      order('PLUG-LOW-1'),
      order('PLUG-MEDIUM-1', MEDIUM),
      order('PLUG-HIGH-1', HIGH),
      order('PLUG-MEDIUM-2', `${MEDIUM} 2 室`),
      order('PLUG-LOW-2', '文三路 91 号'),
    ]);
    const reasons = (d: Record<string, unknown>) => (d.holds as { reason: string }[]).map((h) => h.reason);
    // The premise: live runs the plugin and holds only the high score.
    expect(decisions.map((d: Record<string, unknown>) => reasons(d).includes('address_risk'))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);

    const shadow = (await server.call('GET', `${base}/shadow`)).body;
    expect(ShadowDocSchema.strict().parse(shadow)).toEqual(shadow);
    expect(shadow).toMatchObject({ status: 'running', orders: 5, diverged: 2, errors: 0, dropped: 0 });
    expect(shadow.byKind.holdReasons).toBe(2);
    expect(shadow.sample.map((s: { orderId: string }) => s.orderId)).toEqual([
      'PLUG-MEDIUM-1',
      'PLUG-MEDIUM-2',
    ]);
    for (const divergence of shadow.sample) {
      expect(divergence.live.holds).not.toContain('address_risk');
      expect(divergence.live.flags).toContain('address_risk_medium');
      expect(divergence.shadow.holds).toContain('address_risk');
    }

    expect((await server.call('DELETE', `${base}/shadow`)).body.orders).toBe(5);
    // Its sandbox ends with its thread; live's pool stays.
    await expect
      .poll(() => sandboxProcesses().map((p) => p.pid), { timeout: 10_000 })
      .toEqual(before.map((p) => p.pid));
  }, 120_000);

  it('holds an order whose plugin throws, loops or runs out of memory in the shadow, as live would, and live and the server carry on', async () => {
    // The sample plugin as a new version that misbehaves when the buyer's message asks it to.
    const source = (await readFile(ADDRESS_RISK, 'utf8'))
      .replace("version: '1.0.0'", "version: '9.0.0'")
      .replace("reads: ['receiver.province',", "reads: ['buyerMessage', 'receiver.province',")
      .replace(
        'run(order, ctx) {',
        `run(order, ctx) {
    const message = order.buyerMessage ?? '';
    if (message === 'throw') throw new Error('address service down');
    if (message === 'loop') for (;;) {}
    if (message === 'boom') return { score: 'x'.repeat(2 ** 27).split('').length, level: 'low', reasons: [] };`,
      );
    const uploaded = await server.call('POST', `${base}/plugins`, { key: developer, body: { source } });
    expect(uploaded.status, uploaded.text).toBe(201);
    await editDraft('address-risk', (strategy) => {
      strategy.nodes.find((n: { id: string }) => n.id === 'high').content.when.all[0].value = 60;
      strategy.nodes.find((n: { id: string }) => n.id === 'score').content.version = '9.0.0';
    });
    const put = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'address-risk', draft: true }] }, sample: 10 },
    });
    expect(put.status, put.text).toBe(200);

    const faults = ['throw', 'loop', 'boom'];
    const decisions = await decide([
      order('FAULT-CALM-1'),
      ...faults.map((message) => order(`FAULT-${message}`, HANGZHOU_RECEIVER.address, message)),
      order('FAULT-CALM-2', '文三路 92 号'),
    ]);
    // Live ran 1.0.0, which ignores the message: nothing held.
    for (const decision of decisions) expect(decision.holds).toEqual([]);
    expect((await server.call('GET', '/healthz', { key: null })).status).toBe(200);

    const shadow = (await server.call('GET', `${base}/shadow`)).body;
    expect(shadow).toMatchObject({ status: 'running', orders: 5, diverged: 3, errors: 0 });
    expect(shadow.sample.map((s: { orderId: string }) => s.orderId)).toEqual(faults.map((m) => `FAULT-${m}`));
    for (const divergence of shadow.sample) {
      expect(divergence.live.status).not.toBe('held');
      // Fail-closed, as the live pipeline holds an order whose plugin failed.
      expect(divergence.shadow).toMatchObject({ status: 'held', holds: ['plugin_error'] });
      expect(divergence.kinds).toContain('holdReasons');
    }
    // After the faults, its sandbox still decides: an order after them agrees with live.
    await decide([order('FAULT-CALM-3', '文三路 93 号')]);
    expect((await server.call('GET', `${base}/shadow`)).body).toMatchObject({ orders: 6, diverged: 3 });
    expect((await server.call('DELETE', `${base}/shadow`)).status).toBe(200);
  }, 120_000);

  it("runs the candidate's plugins as live runs them: the clock, not a replay's clock frozen at the pay time", async () => {
    // A version that scores high only when its clock reads the order's pay time, as a replay's does.
    const source = (await readFile(ADDRESS_RISK, 'utf8'))
      .replace("version: '1.0.0'", "version: '9.1.0'")
      .replace("reads: ['receiver.province',", "reads: ['paidAt', 'receiver.province',")
      .replace(
        'run(order, ctx) {',
        `run(order, ctx) {
    if (Date.now() === Date.parse(order.paidAt ?? '')) return { score: 99, level: 'high', reasons: [] };`,
      );
    const uploaded = await server.call('POST', `${base}/plugins`, { key: developer, body: { source } });
    expect(uploaded.status, uploaded.text).toBe(201);
    await editDraft('address-risk', (strategy) => {
      strategy.nodes.find((n: { id: string }) => n.id === 'high').content.when.all[0].value = 60;
      strategy.nodes.find((n: { id: string }) => n.id === 'score').content.version = '9.1.0';
    });
    const put = await server.call('PUT', `${base}/shadow`, {
      body: { candidate: { strategies: [{ strategyId: 'address-risk', draft: true }] } },
    });
    expect(put.status, put.text).toBe(200);
    const decisions = await decide([order('CLOCK-1'), order('CLOCK-2', '文三路 94 号')]);
    for (const decision of decisions) expect(decision.holds).toEqual([]);
    // Frozen at the pay time (deterministic, as simulation runs plugins), both would be held: diverged 2.
    await expect
      .poll(async () => (await server.call('GET', `${base}/shadow`)).body.orders, { timeout: 10_000 })
      .toBe(2);
    expect((await server.call('GET', `${base}/shadow`)).body).toMatchObject({ diverged: 0, errors: 0 });
    expect((await server.call('DELETE', `${base}/shadow`)).status).toBe(200);
  }, 120_000);

  it('refuses a candidate calling plugins on a server without a plugin pipeline', async () => {
    const plain = await TestServer.start({}, { plugins: serverPlugins(configFromEnv({}).plugins) });
    try {
      const answer = await plain.call('PUT', `${base}/shadow`, {
        body: { candidate: { strategies: [{ strategyId: 'address-risk', version: 1 }] } },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({ code: 'plugins_not_shadowed', strategies: ['address-risk'] });
    } finally {
      await plain.stop();
    }
  }, 60_000);
});
