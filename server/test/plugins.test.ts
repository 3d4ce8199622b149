import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPlugins } from '../../cli/commands/server-plugins.ts';
import { configFromEnv } from '../config.ts';
import { HANGZHOU_RECEIVER, standardOrder } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';
const ADDRESS_RISK = new URL('../../plugins/samples/address-risk/address-risk.plugin.ts', import.meta.url);

/** A fact plugin that blows its memory limit when the buyer says "boom", and answers otherwise. */
const HOSTILE = `import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: {
    kind: 'fact', id: 'hostile', version: '1.0.0', name: 'hostile', reads: ['buyerMessage'],
    inputs: {}, outputs: { calm: { type: 'boolean' } },
  },
  run(order) {
    if (order.buyerMessage.includes('boom')) return { calm: 'x'.repeat(2 ** 27).split('').length > 0 };
    return { calm: true };
  },
});
`;

const node = (id: string, kind: string, content: object, x = 0) => ({
  id,
  kind,
  kindVersion: 1,
  name: '',
  content,
  position: { x, y: 0 },
});

/** An approval strategy: a fact plugin, then a hold when `field` of its output passes `operator value`. */
function pluginStrategy(
  id: string,
  plugin: { id: string; version: string; provides: string[] },
  when: object,
) {
  return {
    formatVersion: 1,
    id,
    clientId: 'demo',
    family: 'approval',
    name: id,
    description: '',
    hitPolicy: 'collect',
    nodes: [
      node('start', 'start', {}),
      node('call', 'plugin', {
        pluginKind: 'fact',
        pluginId: plugin.id,
        version: plugin.version,
        provides: plugin.provides,
        params: {},
      }),
      node('check', 'condition', { when: { all: [when] } }),
      node('hold', 'action', { type: 'hold', params: { reason: `${id}_hold`, message: `held by ${id}` } }),
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'call' },
      { id: 'e2', source: 'call', target: 'check' },
      { id: 'e3', source: 'check', target: 'hold', sourceHandle: 'true' },
    ],
    tests: [],
  };
}

describe('plugins in production, through HTTP', () => {
  let server: TestServer;
  let developer: string;
  let consultant: string;
  let service: string;
  let riskSource: string;
  const publish = async (strategy: ReturnType<typeof pluginStrategy>) => {
    const created = await server.call('POST', `${base}/strategies`, { key: consultant, body: strategy });
    expect(created.status).toBe(201);
    const version = await server.call('POST', `${base}/strategies/${strategy.id}/versions`, {
      key: consultant,
      body: { note: 'with a plugin' },
    });
    expect(version.status).toBe(201);
    const published = await server.call('POST', `${base}/publish`, {
      key: consultant,
      body: { strategies: [{ strategyId: strategy.id, version: version.body.version }], mode: 'merge' },
    });
    expect(published.status).toBe(201);
    return published.body.release as number;
  };

  beforeAll(async () => {
    const config = configFromEnv({});
    server = await TestServer.start(
      {},
      { plugins: serverPlugins({ ...config.plugins, callTimeoutMs: 200 }) },
    );
    developer = await server.keyFor('developer', ['demo']);
    consultant = await server.keyFor('consultant', ['demo']);
    service = await server.keyFor('service', ['demo']);
    // A new version of the sample: the first start installed 1.0.0 already.
    riskSource = (await readFile(ADDRESS_RISK, 'utf8')).replace("version: '1.0.0'", "version: '1.1.0'");
  }, 60_000);
  afterAll(() => server.stop());

  it('installs the sample plugins on first start, with a live strategy that calls one', async () => {
    const listed = await server.call('GET', `${base}/plugins`, { key: consultant });
    expect(listed.body.plugins.map((p: { pluginId: string }) => p.pluginId)).toEqual([
      'addressRisk',
      'giftStock',
      'remarkClassifier',
    ]);
    const live = await server.call('GET', `${base}/live`, { key: consultant });
    expect(live.body.release).toBe(2);
    expect(live.body.strategies.map((s: { strategyId: string }) => s.strategyId)).toContain('address-risk');
    const risky = standardOrder('DEMO-RISK-1', {
      receiver: { ...HANGZHOU_RECEIVER, address: '江苏省南京市玄武区 13912345678 转' },
    });
    const held = await server.call('POST', `${base}/evaluate`, { key: service, body: { order: risky } });
    expect(held.body.decision.holds).toContainEqual(
      expect.objectContaining({ reason: 'address_risk', strategyId: 'address-risk', nodeId: 'hold-high' }),
    );
    const trace = held.body.decision.trace.find(
      (t: { strategyId: string }) => t.strategyId === 'address-risk',
    );
    expect(trace.facts['plugins.addressRisk.score']).toBeGreaterThanOrEqual(60);
  });

  it('stores an uploaded build once, immutably, for developers only', async () => {
    expect(
      (await server.call('POST', `${base}/plugins`, { key: consultant, body: { source: riskSource } }))
        .status,
    ).toBe(403);
    const first = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: riskSource },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      pluginId: 'addressRisk',
      version: '1.1.0',
      kind: 'fact',
      created: true,
    });
    const again = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: riskSource },
    });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const changed = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: riskSource.replace('rural: 15,', 'rural: 25,') },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('plugin_version_exists');
    const listed = await server.call('GET', `${base}/plugins`, { key: consultant });
    expect(listed.body.plugins[0]).toEqual({
      pluginId: 'addressRisk',
      kind: 'fact',
      name: '地址风险评分 Address risk',
      versions: ['1.0.0', '1.1.0'],
    });
    const one = await server.call('GET', `${base}/plugins/addressRisk/1.1.0`, { key: consultant });
    expect(one.body.source).toBe(riskSource);
    expect(one.body.manifest.outputs.score.type).toBe('number');
    expect(one.body.code).toBeUndefined();
  });

  it('refuses sources that do not build, naming file:line:column, and stores nothing', async () => {
    const broken = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: `${riskSource}\nconst = ;\n` },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('plugin_invalid');
    expect(broken.body.error.issues[0].at).toMatch(/^plugin\.ts:\d+:\d+: /);
    const importing = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: {
        source: `import { readFileSync } from 'node:fs';\n${HOSTILE.replace("'hostile'", "'reader'").replace(
          'return { calm: true };',
          "return { calm: readFileSync('/etc/passwd').length > 0 };",
        )}`,
      },
    });
    expect(importing.status).toBe(422);
    expect(importing.body.error.issues[0]).toMatchObject({ code: 'import', line: 1 });
    const liar = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: {
        source: HOSTILE.replace("'hostile'", "'liar'").replace(
          'return { calm: true };',
          "return { calm: 'very' };",
        ),
      },
    });
    expect(liar.status).toBe(422);
    expect(liar.body.error.code).toBe('plugin_output_invalid');
    expect(liar.body.error.message).toContain('calm');
    const spinning = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: `${HOSTILE.replace("'hostile'", "'spinner'")}\nwhile (true) {}\n` },
    });
    expect(spinning.status).toBe(422);
    expect(spinning.body.error.issues[0]).toMatchObject({ code: 'load' });
    const huge = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: `// ${'x'.repeat(10 * 1024 * 1024)}\n${HOSTILE}` },
    });
    expect(huge.status).toBe(413);
    const listed = await server.call('GET', `${base}/plugins`, { key: consultant });
    expect(listed.body.plugins.map((p: { pluginId: string }) => p.pluginId)).toEqual([
      'addressRisk',
      'giftStock',
      'remarkClassifier',
    ]);
  });

  it('checks plugin nodes against the installed builds when a version is cut', async () => {
    const strategy = pluginStrategy(
      'riskNext',
      { id: 'addressRisk', version: '2.0.0', provides: ['score'] },
      { fact: 'plugins.addressRisk.score', operator: 'greaterThanInclusive', value: 60 },
    );
    await server.call('POST', `${base}/strategies`, { key: consultant, body: strategy });
    const draft = await server.call('GET', `${base}/strategies/riskNext`, { key: consultant });
    expect(draft.body.issues).toContainEqual(
      expect.objectContaining({
        nodeId: 'call',
        message: expect.stringContaining('no plugin addressRisk@2.0.0'),
      }),
    );
    const cut = await server.call('POST', `${base}/strategies/riskNext/versions`, {
      key: consultant,
      body: {},
    });
    expect(cut.status).toBe(422);
    expect(cut.body.error.issues).toContainEqual(expect.objectContaining({ nodeId: 'call' }));
  });

  it('refuses a release whose plugins cannot run together, then runs one that can', async () => {
    const conflicting = pluginStrategy(
      'risk',
      { id: 'addressRisk', version: '1.1.0', provides: ['score', 'reasons'] },
      { fact: 'plugins.addressRisk.score', operator: 'greaterThanInclusive', value: 60 },
    );
    await server.call('POST', `${base}/strategies`, { key: consultant, body: conflicting });
    const cut = await server.call('POST', `${base}/strategies/risk/versions`, { key: consultant, body: {} });
    const refused = await server.call('POST', `${base}/publish`, {
      key: consultant,
      body: { strategies: [{ strategyId: 'risk', version: cut.body.version }] },
    });
    expect(refused.status).toBe(422);
    // The live sample strategy calls addressRisk@1.0.0: a fact has one value per order.
    expect(refused.body.error.problems).toContainEqual(
      expect.objectContaining({ strategyId: 'risk', nodeId: 'call', code: 'plugin_conflict' }),
    );
    await server.call('DELETE', `${base}/strategies/risk`, { key: consultant, headers: { 'if-match': '*' } });
    const release = await publish(
      pluginStrategy(
        'risk',
        { id: 'addressRisk', version: '1.0.0', provides: ['score', 'reasons'] },
        { fact: 'plugins.addressRisk.score', operator: 'greaterThanInclusive', value: 60 },
      ),
    );
    const risky = standardOrder('RISK-1', {
      receiver: { ...HANGZHOU_RECEIVER, address: '江苏省南京市玄武区 13912345678 转' },
    });
    const held = await server.call('POST', `${base}/evaluate`, { key: service, body: { order: risky } });
    expect(held.status).toBe(200);
    expect(held.body.release).toBe(release);
    expect(held.body.decision.holds).toContainEqual(
      expect.objectContaining({ reason: 'risk_hold', nodeId: 'hold' }),
    );
    const check = held.body.decision.trace.find((t: { strategyId: string }) => t.strategyId === 'risk');
    expect(check.facts['plugins.addressRisk.score']).toBeGreaterThanOrEqual(60);
    const calm = await server.call('POST', `${base}/evaluate/batch`, {
      key: service,
      body: { orders: [standardOrder('CALM-1'), standardOrder('CALM-2')], trace: false },
    });
    for (const result of calm.body.results) {
      expect(result.decision.holds.map((h: { reason: string }) => h.reason)).not.toContain('risk_hold');
    }
    const metrics = await server.call('GET', '/metrics', { key: null });
    expect(metrics.text).toMatch(/ordergraph_plugin_calls_total\{plugin="addressRisk@1\.0\.0"\} [3-9]/);
  });

  it('holds the order a hostile plugin fails on, decides the next, and stays up', async () => {
    const uploaded = await server.call('POST', `${base}/plugins`, {
      key: developer,
      body: { source: HOSTILE },
    });
    expect(uploaded.status).toBe(201);
    await publish(
      pluginStrategy(
        'calm',
        { id: 'hostile', version: '1.0.0', provides: ['calm'] },
        { fact: 'plugins.hostile.calm', operator: 'equal', value: false },
      ),
    );
    const boom = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('BOOM-1', { buyerMessage: 'boom please' }) },
    });
    expect(boom.status).toBe(200);
    expect(boom.body.decision.status).toBe('held');
    const hold = boom.body.decision.holds.find((h: { reason: string }) => h.reason === 'plugin_error');
    expect(hold.message).toMatch(/hostile/);
    expect(hold.message).toMatch(/plugin_memory|plugin_crashed|plugin_timeout/);
    const next = await server.call('POST', `${base}/evaluate`, {
      key: service,
      body: { order: standardOrder('NEXT-1', { buyerMessage: 'thanks' }) },
    });
    expect(next.status).toBe(200);
    expect(next.body.decision.holds.map((h: { reason: string }) => h.reason)).not.toContain('plugin_error');
    expect((await server.call('GET', '/healthz', { key: null })).status).toBe(200);
    const metrics = await server.call('GET', '/metrics', { key: null });
    expect(metrics.text).toMatch(
      /ordergraph_plugin_failures_total\{plugin="hostile@1\.0\.0",reason="plugin_\w+"\} 1/,
    );
    // Uploads are checked in throwaway isolates of the pool: none of them is a series of its own.
    expect(metrics.text).not.toMatch(/plugin="[^"]*@[^"]*-[0-9a-f]{8}-/);
  }, 60_000);

  it('keeps builds a release uses, deletes the others', async () => {
    const inUse = await server.call('DELETE', `${base}/plugins/addressRisk/1.0.0`, { key: developer });
    expect(inUse.status).toBe(409);
    // Every release since the sample went live keeps it: a rollback to any of them would need it.
    expect(inUse.body.error).toMatchObject({ code: 'plugin_in_use', releases: [2, 3, 4] });
    expect(
      (await server.call('DELETE', `${base}/plugins/addressRisk/1.1.0`, { key: developer })).status,
    ).toBe(204);
    const spare = HOSTILE.replace("id: 'hostile', version: '1.0.0'", "id: 'spare', version: '0.1.0'");
    expect(
      (await server.call('POST', `${base}/plugins`, { key: developer, body: { source: spare } })).status,
    ).toBe(201);
    expect((await server.call('DELETE', `${base}/plugins/spare/0.1.0`, { key: developer })).status).toBe(204);
    expect((await server.call('GET', `${base}/plugins/spare/0.1.0`, { key: developer })).status).toBe(404);
  });
});
