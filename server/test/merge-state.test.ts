import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../engine/decision/decision.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import { configFromEnv } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../start-server.ts';
import { standardOrder } from './fixtures.ts';

const ADMIN = `merge-test-${'k'.repeat(24)}`;
const base = '/api/v1/clients/demo';
/** A buyer of the demo's own, with a catalogue SKU, so nothing but the merge wait holds the order. */
const MERGEABLE = {
  buyer: { id: 'b-merge', nick: '合单', memberLevel: 1 },
  amounts: { total: 368, paid: 368 },
  lines: [{ sku: 'CHANDO-0006', name: '自然堂套装', qty: 1, price: 368, weightKg: 1.2 }],
};

/**
 * The demo pipeline's merge stage on a real server: open merge groups are state, kept through the
 * consumption log like counters and stock, so a restarted server still merges into them.
 */
describe('merge groups in the server state', () => {
  let dataDir: string;
  let running: RunningServer | undefined;
  const start = async () => {
    const config = { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, adminKey: ADMIN };
    running = await startServer(config, { logger: silentLogger });
  };
  const evaluate = async (id: string, extra: Record<string, unknown> = {}): Promise<Decision> => {
    const res = await fetch(`${running!.url}${base}/evaluate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ order: standardOrder(id, MERGEABLE), trace: false, ...extra }),
    });
    return ((await res.json()) as { decision: Decision }).decision;
  };
  const state = async (): Promise<StateSnapshot> => {
    const res = await fetch(`${running!.url}${base}/state`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    return (await res.json()) as StateSnapshot;
  };
  afterAll(async () => {
    await running?.close(1_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('joins a group an earlier order opened, before and after a restart; a dry run joins without keeping it', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-merge-'));
    await start();
    const first = await evaluate('MRG-1');
    expect(first.merge).toMatchObject({ joined: false, size: 1, strategyId: 'merge' });
    expect(first.consumed).toContainEqual(
      expect.objectContaining({ kind: 'merge', group: first.merge!.group! }),
    );
    expect((await evaluate('MRG-2')).merge).toMatchObject({
      group: first.merge!.group!,
      joined: true,
      size: 2,
    });
    expect((await evaluate('MRG-DRY', { dryRun: true })).merge).toMatchObject({ joined: true, size: 3 });
    expect((await state()).merges).toEqual({
      [first.merge!.group!]: { closesAt: first.merge!.closesAt!, size: 2 },
    });

    await running!.close(1_000);
    running = undefined;
    await start();
    expect((await state()).merges).toEqual({
      [first.merge!.group!]: { closesAt: first.merge!.closesAt!, size: 2 },
    });
    expect((await evaluate('MRG-3')).merge).toMatchObject({
      group: first.merge!.group!,
      joined: true,
      size: 3,
    });
  });
});
