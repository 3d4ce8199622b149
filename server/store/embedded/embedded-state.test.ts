import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from './embedded-store.ts';
import { layout } from './layout.ts';

describe('embedded state', () => {
  it('folds a long consumption log into a snapshot on load, and replays nothing twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ordergraph-state-'));
    let store = await openEmbeddedStore(dir);
    const entries = Array.from({ length: 10_001 }, (_, i) => ({
      orderId: `T-${i}`,
      buyerId: 'b',
      consumed: [{ kind: 'counter' as const, key: 'k', qty: 1 }],
    }));
    await store.state.append('acme', entries);
    const loaded = await store.state.load('acme');
    expect(loaded.snapshot.counters).toEqual({ k: 10_001 });
    expect(existsSync(join(dir, layout.stateLog('acme')))).toBe(false);
    expect(JSON.parse(await readFile(join(dir, layout.stateSnapshot('acme')), 'utf8')).seq).toBe(10_001);

    await store.state.append('acme', [{ orderId: 'T-last', buyerId: 'b', consumed: [] }]);
    await store.close();
    store = await openEmbeddedStore(dir);
    const again = await store.state.load('acme');
    expect(again.snapshot).toEqual({ counters: { k: 10_001 }, stock: {}, buyers: { b: 10_002 } });
    expect(again.seenOrders).toHaveLength(10_002);
    await store.close();
  });
});
