import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionRecord } from '../test/decision-fixtures.ts';
import { bareClient, compiled, tagStrategy } from '../test/fixtures.ts';
import { AlreadyExistsError, NotFoundError, RevisionConflictError } from './errors.ts';
import type { ApiKeyRecord } from './records.ts';
import type { NewPluginVersion, NewVersion, Store } from './store.ts';

/** Fresh, empty storage that can be opened, closed and opened again. */
export interface StoreStorage {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

const newVersion = (clientId: string, strategyId: string, tag = 't'): NewVersion => {
  const strategy = tagStrategy(clientId, strategyId, tag);
  return {
    clientId,
    strategyId,
    author: 'key:test',
    note: '',
    draftRevision: 1,
    strategy,
    compiled: compiled(strategy),
    issues: [],
  };
};

const key = (keyId: string, role: ApiKeyRecord['role'] = 'viewer'): ApiKeyRecord => ({
  keyId,
  name: keyId,
  role,
  clients: ['*'],
  hash: 'a'.repeat(64),
  createdAt: new Date().toISOString(),
  createdBy: 'test',
});

async function expectConflict(promise: Promise<unknown>, current: number | undefined): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RevisionConflictError);
  expect((error as RevisionConflictError).current).toBe(current);
}

/** One suite, every store (STYLE: hono's shared router suite): what the server relies on. */
const pluginBuild = (clientId: string, pluginId: string, version: string): NewPluginVersion => ({
  clientId,
  pluginId,
  version,
  manifest: {
    kind: 'fact',
    id: pluginId,
    version,
    name: pluginId,
    reads: ['buyerMessage'],
    inputs: {},
    outputs: { score: { type: 'number' } },
  },
  source: `export const manifest = {}; // ${version}`,
  code: 'globalThis.__plugin = { run() { return { score: 1 }; } };',
  sourceHash: '0'.repeat(64),
  author: 'dev',
  note: '',
});

export function storeContract(name: string, makeStorage: () => Promise<StoreStorage>): void {
  describe(`${name} store contract`, () => {
    let storage: StoreStorage;
    let store: Store;

    beforeEach(async () => {
      storage = await makeStorage();
      store = await storage.open();
    });
    afterEach(async () => {
      await store.close();
      await storage.dispose();
    });

    describe('clients', () => {
      it('creates, reads and lists clients; a second create of one id fails', async () => {
        const created = await store.clients.create(bareClient('acme'), 'alice');
        expect(created).toMatchObject({ clientId: 'acme', revision: 1, updatedBy: 'alice' });
        await store.clients.create(bareClient('beta'), 'alice');
        expect((await store.clients.list()).map((c) => c.clientId)).toEqual(['acme', 'beta']);
        expect((await store.clients.get('acme'))?.client.name).toBe('Client acme');
        expect(await store.clients.get('nobody')).toBeUndefined();
        await expect(store.clients.create(bareClient('acme'), 'bob')).rejects.toBeInstanceOf(
          AlreadyExistsError,
        );
      });

      it('updates on the current revision only', async () => {
        await store.clients.create(bareClient('acme'), 'alice');
        const updated = await store.clients.update(bareClient('acme', 'ACME Ltd'), 1, 'bob');
        expect(updated).toMatchObject({ revision: 2, updatedBy: 'bob', client: { name: 'ACME Ltd' } });
        await expectConflict(store.clients.update(bareClient('acme', 'stale'), 1, 'carol'), 2);
        expect((await store.clients.get('acme'))?.client.name).toBe('ACME Ltd');
        await expect(store.clients.update(bareClient('ghost'), 1, 'bob')).rejects.toBeInstanceOf(
          NotFoundError,
        );
      });
    });

    describe('strategies', () => {
      it('keeps drafts per client with a revision that every write bumps', async () => {
        const created = await store.strategies.create(tagStrategy('acme', 'tags'), 'alice');
        expect(created).toMatchObject({ clientId: 'acme', strategyId: 'tags', revision: 1 });
        await store.strategies.create(tagStrategy('beta', 'tags'), 'alice');
        const updated = await store.strategies.update(tagStrategy('acme', 'tags', 'vip'), 1, 'bob');
        expect(updated.revision).toBe(2);
        expect(updated.createdAt).toBe(created.createdAt);
        expect((await store.strategies.get('acme', 'tags'))?.strategy.nodes[1]?.content).toEqual({
          type: 'tag',
          params: { tag: 'vip' },
        });
        expect((await store.strategies.list('acme')).map((s) => s.strategyId)).toEqual(['tags']);
        await expect(store.strategies.create(tagStrategy('acme', 'tags'), 'x')).rejects.toBeInstanceOf(
          AlreadyExistsError,
        );
      });

      it('refuses a stale write and names the current revision', async () => {
        await store.strategies.create(tagStrategy('acme', 'tags'), 'alice');
        await store.strategies.update(tagStrategy('acme', 'tags', 'a'), 1, 'alice');
        await expectConflict(store.strategies.update(tagStrategy('acme', 'tags', 'b'), 1, 'bob'), 2);
        expect((await store.strategies.get('acme', 'tags'))?.revision).toBe(2);
        await store.strategies.update(tagStrategy('acme', 'tags', 'c'), '*', 'bob');
        expect((await store.strategies.get('acme', 'tags'))?.revision).toBe(3);
      });

      it('lets exactly one of two concurrent writes from the same revision win', async () => {
        await store.strategies.create(tagStrategy('acme', 'tags'), 'alice');
        const results = await Promise.allSettled(
          ['a', 'b', 'c'].map((tag) => store.strategies.update(tagStrategy('acme', 'tags', tag), 1, tag)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r) => r.status === 'rejected')) {
          expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RevisionConflictError);
        }
        expect((await store.strategies.get('acme', 'tags'))?.revision).toBe(2);
      });

      it('deletes a draft on its current revision; its versions stay', async () => {
        await store.strategies.create(tagStrategy('acme', 'tags'), 'alice');
        await store.versions.create(newVersion('acme', 'tags'));
        await expectConflict(store.strategies.delete('acme', 'tags', 7), 1);
        await store.strategies.delete('acme', 'tags', 1);
        expect(await store.strategies.get('acme', 'tags')).toBeUndefined();
        expect(await store.strategies.list('acme')).toEqual([]);
        expect(await store.versions.get('acme', 'tags', 1)).toBeDefined();
        await expect(store.strategies.delete('acme', 'tags', '*')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('versions', () => {
      it('numbers versions 1, 2, 3 and keeps each as written', async () => {
        const first = await store.versions.create(newVersion('acme', 'tags', 'one'));
        const second = await store.versions.create(newVersion('acme', 'tags', 'two'));
        expect([first.version, second.version]).toEqual([1, 2]);
        const read = await store.versions.get('acme', 'tags', 1);
        expect(read?.compiled).toEqual(first.compiled);
        expect(read?.strategy).toEqual(first.strategy);
        expect(read?.compiled.sourceMap).toBeDefined();
        const list = await store.versions.list('acme', 'tags');
        expect(list.map((v) => v.version)).toEqual([2, 1]);
        expect(list[0]).not.toHaveProperty('compiled');
        expect(await store.versions.get('acme', 'tags', 3)).toBeUndefined();
      });

      it('gives concurrent versions distinct numbers', async () => {
        const made = await Promise.all(
          Array.from({ length: 5 }, (_, i) => store.versions.create(newVersion('acme', 'tags', `t${i}`))),
        );
        expect(made.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
      });
    });

    describe('releases', () => {
      it('switches the live pipeline release by release, refusing a stale one', async () => {
        expect(await store.releases.live('acme')).toBeUndefined();
        expect(await store.releases.list('acme')).toEqual([]);
        const next = {
          action: 'publish' as const,
          strategies: [{ strategyId: 'tags', version: 1 }],
          by: 'alice',
          note: '',
        };
        const first = await store.releases.publish('acme', next, 0);
        expect(first).toMatchObject({ clientId: 'acme', release: 1, by: 'alice' });
        await expectConflict(store.releases.publish('acme', next, 0), 1);
        const second = await store.releases.publish(
          'acme',
          { ...next, strategies: [{ strategyId: 'tags', version: 2 }], by: 'bob' },
          1,
        );
        expect(second.release).toBe(2);
        expect((await store.releases.live('acme'))?.strategies).toEqual([{ strategyId: 'tags', version: 2 }]);
        expect((await store.releases.list('acme')).map((r) => [r.release, r.by])).toEqual([
          [2, 'bob'],
          [1, 'alice'],
        ]);
        expect((await store.releases.get('acme', 1))?.strategies).toEqual([
          { strategyId: 'tags', version: 1 },
        ]);
        expect(await store.releases.get('acme', 3)).toBeUndefined();
      });

      it('lets one of two concurrent publishes from the same release win', async () => {
        const next = { action: 'publish' as const, strategies: [], by: 'alice', note: '' };
        await store.releases.publish('acme', next, 0);
        const results = await Promise.allSettled(
          [1, 2, 3].map(() => store.releases.publish('acme', next, 1)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.releases.live('acme'))?.release).toBe(2);
        expect(await store.releases.list('acme')).toHaveLength(2);
      });
    });

    describe('audit', () => {
      it('finds the decisions of one order of one client, oldest first', async () => {
        const t0 = new Date('2026-11-11T00:00:00Z');
        const t1 = new Date('2026-11-12T00:00:00Z');
        await store.audit.append([decisionRecord('acme', 'T-1', t0), decisionRecord('acme', 'T-2', t0)]);
        await store.audit.append([decisionRecord('beta', 'T-1', t1), decisionRecord('acme', 'T-1', t1)]);
        const found = await store.audit.findByOrder('acme', 'T-1');
        expect(found.map((r) => [r.clientId, r.orderId, r.at])).toEqual([
          ['acme', 'T-1', t0.toISOString()],
          ['acme', 'T-1', t1.toISOString()],
        ]);
        expect(await store.audit.findByOrder('acme', 'T-3')).toEqual([]);
      });

      it('matches order ids exactly, whatever characters they hold', async () => {
        const odd = 'T-"1"\\/订单';
        await store.audit.append([decisionRecord('acme', odd), decisionRecord('acme', 'T-"1"')]);
        expect((await store.audit.findByOrder('acme', odd)).map((r) => r.orderId)).toEqual([odd]);
      });
    });

    describe('state', () => {
      it('starts empty and replays what decisions consumed on top of the last snapshot', async () => {
        expect(await store.state.load('acme')).toEqual({
          snapshot: { counters: {}, stock: {}, buyers: {} },
          seenOrders: [],
        });
        await store.state.replace('acme', { counters: { cap: 1 }, stock: { WH: { A: 10 } }, buyers: {} });
        await store.state.append('acme', [
          { orderId: 'T-1', buyerId: 'b1', consumed: [{ kind: 'counter', key: 'cap', qty: 2 }] },
          {
            orderId: 'T-2',
            buyerId: '',
            consumed: [
              { kind: 'stock', warehouse: 'WH', sku: 'A', qty: 3 },
              { kind: 'stock', warehouse: 'WH', sku: 'untracked', qty: 3 },
            ],
          },
        ]);
        await store.state.append('acme', [{ orderId: 'T-3', buyerId: 'b1', consumed: [] }]);
        expect(await store.state.load('acme')).toEqual({
          snapshot: { counters: { cap: 3 }, stock: { WH: { A: 7 } }, buyers: { b1: 2 } },
          seenOrders: ['T-1', 'T-2', 'T-3'],
        });
        expect((await store.state.load('beta')).seenOrders).toEqual([]);
      });

      it('replays merge groups: the latest state of each, without the ones closed by later orders', async () => {
        const merge = (group: string, at: string, closesAt: string, size: number) => ({
          kind: 'merge' as const,
          group,
          at: `2026-11-11T${at}:00Z`,
          closesAt: `2026-11-11T${closesAt}:00Z`,
          size,
        });
        await store.state.append('acme', [
          { orderId: 'T-1', buyerId: 'b', consumed: [merge('g1', '10:00', '12:00', 1)] },
          { orderId: 'T-2', buyerId: 'b', consumed: [merge('g1', '10:30', '12:00', 2)] },
          { orderId: 'T-3', buyerId: 'c', consumed: [merge('g0', '08:00', '10:15', 1)] },
        ]);
        expect((await store.state.load('acme')).snapshot.merges).toEqual({
          g1: { closesAt: '2026-11-11T12:00:00.000Z', size: 2 },
        });
        await store.state.append('acme', [
          { orderId: 'T-4', buyerId: 'd', consumed: [merge('g2', '12:00', '14:00', 1)] },
        ]);
        expect((await store.state.load('acme')).snapshot.merges).toEqual({
          g2: { closesAt: '2026-11-11T14:00:00.000Z', size: 1 },
        });
      });

      it('replaces the levels but remembers the orders already seen', async () => {
        await store.state.append('acme', [
          { orderId: 'T-1', buyerId: 'b1', consumed: [{ kind: 'counter', key: 'c', qty: 5 }] },
        ]);
        await store.state.replace('acme', { counters: {}, stock: { WH: { A: 4 } }, buyers: {} });
        await store.state.append('acme', [
          { orderId: 'T-2', buyerId: '', consumed: [{ kind: 'stock', warehouse: 'WH', sku: 'A', qty: 1 }] },
        ]);
        expect(await store.state.load('acme')).toEqual({
          snapshot: { counters: {}, stock: { WH: { A: 3 } }, buyers: {} },
          seenOrders: ['T-1', 'T-2'],
        });
      });
    });

    describe('keys', () => {
      it('puts, replaces, finds and deletes keys', async () => {
        await store.keys.put(key('k1'));
        await store.keys.put(key('k2'));
        await store.keys.put(key('k1', 'admin'));
        expect((await store.keys.get('k1'))?.role).toBe('admin');
        expect((await store.keys.list()).map((k) => k.keyId).sort()).toEqual(['k1', 'k2']);
        expect(await store.keys.delete('k1')).toBe(true);
        expect(await store.keys.delete('k1')).toBe(false);
        expect(await store.keys.get('k1')).toBeUndefined();
      });
    });

    describe('plugins', () => {
      it('keeps builds per client, immutable, listed by id then version order', async () => {
        await store.plugins.create(pluginBuild('acme', 'score', '1.10.0'));
        await store.plugins.create(pluginBuild('acme', 'score', '1.2.0'));
        await store.plugins.create(pluginBuild('acme', 'address', '1.0.0'));
        await store.plugins.create(pluginBuild('beta', 'score', '1.2.0'));
        await expect(store.plugins.create(pluginBuild('acme', 'score', '1.2.0'))).rejects.toThrow(
          AlreadyExistsError,
        );
        const listed = await store.plugins.list('acme');
        expect(listed.map((p) => `${p.pluginId}@${p.version}`)).toEqual([
          'address@1.0.0',
          'score@1.2.0',
          'score@1.10.0',
        ]);
        expect(listed[0]).not.toHaveProperty('source');
        expect(listed[0]).not.toHaveProperty('code');
        const one = await store.plugins.get('acme', 'score', '1.10.0');
        expect(one?.source).toContain('1.10.0');
        expect(one?.createdAt).toEqual(expect.any(String));
        expect(await store.plugins.get('acme', 'score', '9.9.9')).toBeUndefined();
        expect(await store.plugins.delete('acme', 'score', '1.2.0')).toBe(true);
        expect(await store.plugins.delete('acme', 'score', '1.2.0')).toBe(false);
        expect((await store.plugins.list('beta')).map((p) => p.version)).toEqual(['1.2.0']);
        expect(await store.plugins.list('nobody')).toEqual([]);
      });
    });

    describe('plugin drafts', () => {
      it('replaces a draft on each save, counting saves, per client and plugin id', async () => {
        const first = await store.pluginDrafts.save('acme', 'score', 'export const v = 1;', 'dev:ann');
        expect(first).toMatchObject({ clientId: 'acme', pluginId: 'score', revision: 1, savedBy: 'dev:ann' });
        const second = await store.pluginDrafts.save('acme', 'score', 'export const v = 2;', 'dev:bo');
        expect(second.revision).toBe(2);
        await store.pluginDrafts.save('acme', 'address', 'half a line (', 'dev:ann');
        await store.pluginDrafts.save('beta', 'score', 'other client', 'dev:cy');
        expect(await store.pluginDrafts.get('acme', 'score')).toMatchObject({
          source: 'export const v = 2;',
          revision: 2,
          savedBy: 'dev:bo',
        });
        const listed = await store.pluginDrafts.list('acme');
        expect(listed.map((d) => `${d.pluginId}#${d.revision}`)).toEqual(['address#1', 'score#2']);
        expect(listed[0]).not.toHaveProperty('source');
        expect(await store.pluginDrafts.get('acme', 'missing')).toBeUndefined();
        expect(await store.pluginDrafts.list('nobody')).toEqual([]);
      });

      it('counts every one of concurrent saves once', async () => {
        const saves = await Promise.all(
          [1, 2, 3, 4, 5].map((n) =>
            store.pluginDrafts.save('acme', 'race', `export const n = ${n};`, 'dev'),
          ),
        );
        expect(saves.map((d) => d.revision).sort()).toEqual([1, 2, 3, 4, 5]);
        const last = saves.find((d) => d.revision === 5)!;
        expect((await store.pluginDrafts.get('acme', 'race'))?.source).toBe(last.source);
      });
    });

    it('keeps everything across a close and a reopen', async () => {
      await store.clients.create(bareClient('acme'), 'alice');
      await store.strategies.create(tagStrategy('acme', 'tags'), 'alice');
      await store.versions.create(newVersion('acme', 'tags'));
      await store.releases.publish(
        'acme',
        { action: 'publish', strategies: [{ strategyId: 'tags', version: 1 }], by: 'alice', note: '' },
        0,
      );
      await store.audit.append([decisionRecord('acme', 'T-1')]);
      await store.state.append('acme', [{ orderId: 'T-1', buyerId: 'b', consumed: [] }]);
      await store.keys.put(key('k1'));
      await store.plugins.create(pluginBuild('acme', 'score', '1.0.0'));
      await store.pluginDrafts.save('acme', 'score', 'export const kept = true;', 'dev');
      await store.close();
      store = await storage.open();
      expect((await store.clients.get('acme'))?.revision).toBe(1);
      expect((await store.strategies.get('acme', 'tags'))?.revision).toBe(1);
      expect((await store.versions.get('acme', 'tags', 1))?.version).toBe(1);
      expect((await store.releases.live('acme'))?.release).toBe(1);
      expect(await store.audit.findByOrder('acme', 'T-1')).toHaveLength(1);
      expect((await store.state.load('acme')).seenOrders).toEqual(['T-1']);
      expect(await store.keys.get('k1')).toBeDefined();
      expect((await store.plugins.get('acme', 'score', '1.0.0'))?.source).toContain('1.0.0');
      expect((await store.pluginDrafts.get('acme', 'score'))?.source).toBe('export const kept = true;');
    });
  });
}
