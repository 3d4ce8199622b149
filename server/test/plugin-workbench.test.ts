import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPlugins } from '../../cli/commands/server-plugins.ts';
import { configFromEnv } from '../config.ts';
import { HANGZHOU_RECEIVER } from './fixtures.ts';
import { sampleOrder, TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

/** A fact plugin with an enum and a bounded number input; the buyer's message picks how it misbehaves. */
const source = (
  version = '1.0.0',
  body = "return { urgent: order.buyerMessage?.includes('急') ?? false, level: ctx.params.level ?? 'none' };",
) =>
  `import { definePlugin } from '@ordergraph/plugin-sdk';

export default definePlugin({
  manifest: {
    kind: 'fact',
    id: 'remarkUrgency',
    version: '${version}',
    name: 'Remark urgency',
    reads: ['buyerMessage'],
    inputs: {
      level: { type: 'string', enum: ['low', 'high'] },
      threshold: { type: 'number', minimum: 0, maximum: 10, optional: true },
    },
    outputs: { urgent: { type: 'boolean' }, level: { type: 'string' } },
  },
  run(order, ctx) {
    ${body}
  },
});
`;

/** The same plugin with a syntax error on line 17, column 11 (`const = 1;`). */
const BROKEN = source().replace('  run(order, ctx) {\n', '  run(order, ctx) {\n    const = 1;\n');

/** Misbehaves by the buyer's message: throws, loops, blows its memory, or answers other than declared. */
const HOSTILE_BODY = `const m = order.buyerMessage ?? '';
    if (m.includes('throw')) throw new Error('no address for ' + m);
    if (m.includes('loop')) { while (true) {} }
    if (m.includes('boom')) return { urgent: 'x'.repeat(2 ** 27).split('').length > 0, level: 'x' };
    if (m.includes('lie')) return { urgent: 'very', level: 'x' };
    return { urgent: false, level: 'x' };`;

const standard = (buyerMessage: string) => ({
  id: `T-${buyerMessage}`,
  platform: 'tmall',
  createdAt: '2026-11-11T00:00:05+08:00',
  paidAt: '2026-11-11T00:00:09+08:00',
  amounts: { total: 10, paid: 10 },
  buyer: { id: 'b1', nick: 'n' },
  receiver: { ...HANGZHOU_RECEIVER, address: '文三路' },
  buyerMessage,
  lines: [{ sku: 'S', name: 'n', qty: 1, price: 10 }],
});

describe('the plugin workbench, through HTTP', () => {
  let server: TestServer;
  let developer: string;
  let consultant: string;

  beforeAll(async () => {
    // The production defaults: the test runs under the limits a live call gets.
    server = await TestServer.start({}, { plugins: serverPlugins(configFromEnv({}).plugins) });
    developer = await server.keyFor('developer', ['demo']);
    consultant = await server.keyFor('consultant', ['demo']);
  }, 60_000);
  afterAll(() => server?.stop());

  describe('drafts', () => {
    it('keeps what a developer saves, counting saves, atomically and with nothing left over', async () => {
      const first = await server.call('PUT', `${base}/plugin-drafts/remarkUrgency`, {
        key: developer,
        body: { source: BROKEN },
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ clientId: 'demo', pluginId: 'remarkUrgency', revision: 1 });
      expect(first.body.savedBy).toMatch(/^test developer/);
      const second = await server.call('PUT', `${base}/plugin-drafts/remarkUrgency`, {
        key: developer,
        body: { source: source() },
      });
      expect(second.body.revision).toBe(2);
      const read = await server.call('GET', `${base}/plugin-drafts/remarkUrgency`, { key: consultant });
      expect(read.status).toBe(200);
      expect(read.body.source).toBe(source());
      const listed = await server.call('GET', `${base}/plugin-drafts`, { key: consultant });
      expect(listed.body.drafts).toEqual([
        expect.objectContaining({ pluginId: 'remarkUrgency', revision: 2 }),
      ]);
      expect(listed.body.drafts[0].source).toBeUndefined();
      // One file per draft, no temp file beside it.
      expect(await readdir(join(server.dataDir, 'clients', 'demo', 'plugin-drafts'))).toEqual([
        'remarkUrgency.json',
      ]);
      // A draft need not build: the broken source was kept as it was.
      expect(first.body.source).toBe(BROKEN);
    });

    it('counts saves made at the same time once each', async () => {
      const saves = await Promise.all(
        ['a', 'b', 'c', 'd'].map((text) =>
          server.call('PUT', `${base}/plugin-drafts/racing`, { key: developer, body: { source: text } }),
        ),
      );
      expect(saves.map((s) => s.body.revision).sort()).toEqual([1, 2, 3, 4]);
      const last = saves.find((s) => s.body.revision === 4)!.body.source;
      expect((await server.call('GET', `${base}/plugin-drafts/racing`)).body).toMatchObject({
        revision: 4,
        source: last,
      });
    });

    it('lets only developers and admins save, and answers 404 for a draft never saved', async () => {
      const refused = await server.call('PUT', `${base}/plugin-drafts/other`, {
        key: consultant,
        body: { source: 'x' },
      });
      expect(refused.status).toBe(403);
      expect((await server.call('GET', `${base}/plugin-drafts/other`)).status).toBe(404);
      const badId = await server.call('PUT', `${base}/plugin-drafts/Bad-Id`, {
        key: developer,
        body: { source: '' },
      });
      expect(badId.status).toBe(400);
      expect((await server.call('GET', '/api/v1/clients/nobody/plugin-drafts/x')).status).toBe(404);
    });
  });

  describe('build check', () => {
    it('names a syntax error at its file, line and column, and stores nothing', async () => {
      const answer = await server.call('POST', `${base}/plugin-builds`, {
        key: developer,
        body: { source: BROKEN },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.manifest).toBeUndefined();
      expect(answer.body.issues[0]).toMatchObject({ file: 'plugin.ts', line: 17, column: 11 });
      expect(answer.body.issues[0].at).toMatch(/^plugin\.ts:17:11: /);
      const listed = await server.call('GET', `${base}/plugins`);
      expect(listed.body.plugins.map((p: { pluginId: string }) => p.pluginId)).not.toContain('remarkUrgency');
    });

    it('answers the manifest of a source that builds, and whether its version is taken', async () => {
      const check = () =>
        server.call('POST', `${base}/plugin-builds`, { key: developer, body: { source: source() } });
      const fresh = await check();
      expect(fresh.body).toMatchObject({ ok: true, issues: [], installed: 'none' });
      expect(fresh.body.manifest).toMatchObject({
        id: 'remarkUrgency',
        version: '1.0.0',
        inputs: { level: { type: 'string', enum: ['low', 'high'] } },
      });
      const upload = await server.call('POST', `${base}/plugins`, {
        key: developer,
        body: { source: source() },
      });
      expect(upload.status).toBe(201);
      expect((await check()).body.installed).toBe('same');
      const other = await server.call('POST', `${base}/plugin-builds`, {
        key: developer,
        body: { source: source('1.0.0', "return { urgent: true, level: 'x' };") },
      });
      expect(other.body.installed).toBe('other');
    });

    it('refuses consultants', async () => {
      const answer = await server.call('POST', `${base}/plugin-builds`, {
        key: consultant,
        body: { source: source() },
      });
      expect(answer.status).toBe(403);
    });
  });

  describe('test runs', () => {
    const run = (body: object) => server.call('POST', `${base}/plugin-runs`, { key: developer, body });

    it('runs a source on a sample order with the params, and says what the plugin was sent', async () => {
      const order = await sampleOrder('douyin-emoji-remark.json');
      const answer = await run({ plugin: { source: source('2.0.0') }, order, params: { level: 'high' } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ plugin: 'remarkUrgency@2.0.0', kind: 'fact', ok: true });
      expect(answer.body.value).toEqual({ urgent: expect.any(Boolean), level: 'high' });
      // Only the field the manifest reads crossed into the isolate.
      expect(Object.keys(answer.body.input.subject)).toEqual(['buyerMessage']);
      expect(answer.body.input.params).toEqual({ level: 'high' });
      expect(answer.body.wallMs).toBeGreaterThan(0);
      // Nothing stored: 2.0.0 is not installed.
      expect((await server.call('GET', `${base}/plugins/remarkUrgency/2.0.0`)).status).toBe(404);
    });

    it('runs an installed version, and 404s one that is not installed', async () => {
      const ok = await run({
        plugin: { pluginId: 'remarkUrgency', version: '1.0.0' },
        order: standard('急!'),
        params: { level: 'low' },
      });
      expect(ok.body).toMatchObject({ ok: true, value: { urgent: true, level: 'low' }, orderId: 'T-急!' });
      const missing = await run({
        plugin: { pluginId: 'remarkUrgency', version: '9.9.9' },
        order: standard(''),
      });
      expect(missing.status).toBe(404);
    });

    it('names params that do not match the inputs, field by field', async () => {
      const answer = await run({
        plugin: { pluginId: 'remarkUrgency', version: '1.0.0' },
        order: standard(''),
        params: { level: 'medium', threshold: 11 },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('plugin_params_invalid');
      expect(answer.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'params.level',
        'params.threshold',
      ]);
    });

    it('answers a source that does not build with its issues', async () => {
      const answer = await run({ plugin: { source: BROKEN }, order: standard('') });
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('plugin_invalid');
      expect(answer.body.error.issues[0].at).toMatch(/^plugin\.ts:17:11/);
    });

    it('answers each fault as a typed error, and the sandbox keeps serving', async () => {
      const hostile = { source: source('3.0.0', HOSTILE_BODY) };
      const fault = async (message: string) => {
        const answer = await run({ plugin: hostile, order: standard(message), params: { level: 'low' } });
        expect(answer.status).toBe(200);
        expect(answer.body.ok).toBe(false);
        return answer.body.error as { code: string; message: string };
      };
      const thrown = await fault('throw');
      expect(thrown.code).toBe('plugin_error');
      expect(thrown.message).toContain('no address for throw');
      expect((await fault('loop')).code).toBe('plugin_timeout');
      // Over the heap limit: the isolate is disposed, or its worker dies and the pool restarts it.
      expect((await fault('boom')).code).toMatch(/^plugin_(memory|crashed)$/);
      expect((await fault('lie')).code).toBe('plugin_output_invalid');
      const calm = await run({ plugin: hostile, order: standard('谢谢'), params: { level: 'low' } });
      expect(calm.body).toMatchObject({ ok: true, value: { urgent: false } });
    }, 60_000);

    it('is in the OpenAPI document', async () => {
      const doc = (await server.call('GET', '/api/v1/openapi.json', { key: null })).body;
      for (const path of [
        '/clients/{clientId}/plugin-drafts/{pluginId}',
        '/clients/{clientId}/plugin-builds',
        '/clients/{clientId}/plugin-runs',
      ]) {
        const found = Object.keys(doc.paths).find((p) => p.endsWith(path));
        expect(found, path).toBeDefined();
      }
      expect(doc.components.schemas.PluginTrialResult).toBeDefined();
    });
  });
});
