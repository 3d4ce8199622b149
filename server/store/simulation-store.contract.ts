import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRecord, SimulationJob } from '../../api/schemas/simulations.ts';
import { RevisionConflictError } from './errors.ts';
import type { StoreStorage } from './store.contract.ts';
import type { Store } from './store.ts';

const history = (historyId: string, createdAt: string): HistoryRecord => ({
  clientId: 'acme',
  historyId,
  name: `${historyId}.ndjson`,
  format: 'ndjson',
  mappingId: null,
  mapping: null,
  platform: null,
  bytes: 6,
  status: 'ready',
  progress: 1,
  rows: 2,
  skipped: [{ line: 2, reason: 'not JSON' }],
  skippedTotal: 1,
  createdAt,
  createdBy: 'alice',
});

const job = (simulationId: string, status: SimulationJob['status'], createdAt: string): SimulationJob => ({
  clientId: 'acme',
  simulationId,
  historyId: 'h1',
  request: { historyId: 'h1', baseline: 'live', state: 'empty', decideAfterMinutes: 0 },
  baselineRelease: 1,
  status,
  phase: status,
  progress: 0,
  ordersDone: 0,
  etaSeconds: null,
  createdAt,
  createdBy: 'alice',
  startedAt: null,
  finishedAt: null,
  summary: null,
});

/** What simulation as a service relies on, held for every store (as `store.contract.ts` is). */
export function simulationStoreContract(name: string, makeStorage: () => Promise<StoreStorage>): void {
  describe(`${name} simulation store contract`, () => {
    let storage: StoreStorage;
    let store: Store;
    let scratch: string;

    beforeEach(async () => {
      storage = await makeStorage();
      store = await storage.open();
      scratch = await mkdtemp(join(tmpdir(), 'ordergraph-sim-contract-'));
    });
    afterEach(async () => {
      await store.close();
      await storage.dispose();
      await rm(scratch, { recursive: true, force: true });
    });

    it('keeps mappings by id with a revision, refusing a stale one', async () => {
      const first = await store.mappings.put('acme', 'tmall', { columns: { a: 'id' } }, '*', 'alice');
      expect(first).toMatchObject({ revision: 1, updatedBy: 'alice', mapping: { columns: { a: 'id' } } });
      const second = await store.mappings.put('acme', 'tmall', { columns: { b: 'id' } }, 1, 'bob');
      expect(second.revision).toBe(2);
      await expect(store.mappings.put('acme', 'tmall', {}, 1, 'carol')).rejects.toBeInstanceOf(
        RevisionConflictError,
      );
      await store.mappings.put('acme', 'jd', {}, '*', 'alice');
      expect((await store.mappings.list('acme')).map((m) => m.mappingId)).toEqual(['jd', 'tmall']);
      expect(await store.mappings.delete('acme', 'jd')).toBe(true);
      expect(await store.mappings.delete('acme', 'jd')).toBe(false);
      expect(await store.mappings.get('acme', 'jd')).toBeUndefined();
    });

    it('streams a history file in and gives it back as a local file; records list newest first', async () => {
      const bytes = await store.histories.writeFile('acme', 'h1', Readable.from(['{"a":1}\n', 'nope\n']));
      expect(bytes).toBe(13);
      await store.histories.put(history('h1', '2026-01-01T00:00:00.000Z'));
      await store.histories.put(history('h2', '2026-01-02T00:00:00.000Z'));
      expect((await store.histories.list('acme')).map((h) => h.historyId)).toEqual(['h2', 'h1']);
      expect((await store.histories.get('acme', 'h1'))?.skipped).toEqual([{ line: 2, reason: 'not JSON' }]);
      const path = await store.histories.localFile('acme', 'h1', scratch);
      expect(await readFile(path, 'utf8')).toBe('{"a":1}\nnope\n');
      expect(await store.histories.delete('acme', 'h1')).toBe(true);
      expect(await store.histories.get('acme', 'h1')).toBeUndefined();
      expect(await store.histories.delete('acme', 'h1')).toBe(false);
    });

    it('keeps nothing of an upload whose stream fails', async () => {
      const failing = new Readable({
        read() {
          this.push('{"a":1}\n');
          this.destroy(new Error('over the limit'));
        },
      });
      await expect(store.histories.writeFile('acme', 'h9', failing)).rejects.toThrow('over the limit');
      await store.histories.writeFile('acme', 'h9', Readable.from(['ok\n']));
      const path = await store.histories.localFile('acme', 'h9', scratch);
      expect(await readFile(path, 'utf8')).toBe('ok\n');
    });

    it('keeps jobs, finds the unfinished ones of every client, and their results after a reopen', async () => {
      await store.simulations.put(job('s1', 'running', '2026-01-01T00:00:00.000Z'));
      await store.simulations.put(job('s2', 'done', '2026-01-02T00:00:00.000Z'));
      await store.simulations.put(job('s3', 'queued', '2026-01-03T00:00:00.000Z'));
      expect((await store.simulations.list('acme')).map((j) => j.simulationId)).toEqual(['s3', 's2', 's1']);
      expect((await store.simulations.listUnfinished()).map((j) => j.simulationId).sort()).toEqual([
        's1',
        's3',
      ]);
      expect(await store.simulations.report('acme', 's2')).toBeUndefined();

      const change = (seq: number, kinds: string[]) =>
        JSON.stringify({
          seq,
          orderId: `o${seq}`,
          kinds,
          baseline: { status: 'held' },
          candidate: { status: 'approved' },
        });
      const files = {
        report: join(scratch, 'report.json'),
        html: join(scratch, 'report.html'),
        changes: join(scratch, 'changes.ndjson'),
      };
      await writeFile(files.report, '{"orders":3}');
      await writeFile(files.html, '<!doctype html><p>report</p>');
      await writeFile(
        files.changes,
        `${[change(0, ['status']), change(4, ['carrier']), change(7, ['status', 'tags'])].join('\n')}\n`,
      );
      await store.simulations.putResults('acme', 's2', files);
      await store.close();
      store = await storage.open();

      expect(await store.simulations.report('acme', 's2')).toBe('{"orders":3}');
      expect(await store.simulations.html('acme', 's2')).toContain('<p>report</p>');
      const first = await store.simulations.changes('acme', 's2', { cursor: 0, limit: 2 });
      expect(first.changes.map((c) => c.seq)).toEqual([0, 4]);
      expect(first.nextCursor).toBe(7);
      const rest = await store.simulations.changes('acme', 's2', { cursor: 7, limit: 2 });
      expect(rest).toMatchObject({ changes: [{ seq: 7, orderId: 'o7' }], nextCursor: null });
      const status = await store.simulations.changes('acme', 's2', { kind: 'status', cursor: 0, limit: 10 });
      expect(status.changes.map((c) => c.seq)).toEqual([0, 7]);
    });
  });
}
