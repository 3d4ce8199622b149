import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditedDecision } from '../../../api/schemas/decisions.ts';
import type { Decision } from '../../../engine/decision/decision.ts';
import { generateOrders } from '../../../engine/generate/generate-orders.ts';
import { adaptOrder, detectPlatform } from '../../../engine/order/adapters/index.ts';
import { demoPipeline, loadDemoStrategies } from '../../../samples/tools/demo-pipeline.ts';
import { decision, decisionRecord } from '../../test/decision-fixtures.ts';
import type { DecisionRecord } from '../records.ts';
import type { Store } from '../store.ts';
import type { EmbeddedAudit } from './embedded-audit.ts';
import { openEmbeddedStore } from './embedded-store.ts';

/** A decision shaped like the demo's: a hold, a flag, a gift, tags, and events whose params are node configuration. */
function demoDecision(orderId: string): Decision {
  const nodeConfig = {
    rules: Array.from({ length: 60 }, (_, i) => ({
      when: { field: `order.lines[${i}].sku`, op: 'in', value: ['A', 'B'] },
    })),
  };
  return {
    ...decision(orderId, ['multi-item', 'double-11']),
    status: 'held',
    holds: [{ reason: 'high_value', message: 'over 5000', strategyId: 'risk', nodeId: 'n-risk-1' }],
    flags: [{ reason: 'new_buyer', strategyId: 'risk', nodeId: 'n-risk-2' }],
    warehouse: 'WH-SH',
    carrier: 'SF',
    gifts: [{ sku: 'GIFT-1', qty: 1, strategyId: 'gifts', nodeId: 'n-gift-1' }],
    events: [
      { strategyId: 'risk', type: 'hold', params: { reason: 'high_value' } },
      { strategyId: 'routing', type: 'route', params: nodeConfig },
      { strategyId: 'tags', type: 'tag', params: { tags: ['multi-item'] } },
    ],
    trace: [],
  };
}

function demoRecord(orderId: string): DecisionRecord {
  return { ...decisionRecord('acme', orderId), decision: auditedDecision(demoDecision(orderId)) };
}

describe('embedded audit', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ordergraph-audit-'));
    store = await openEmbeddedStore(dir);
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the demo pipeline's decisions in about 1 KB a line, every field the OMS acts on included", async () => {
    const strategies = loadDemoStrategies();
    const pipeline = demoPipeline(strategies, 'compiled');
    const sizes: number[] = [];
    let full = 0;
    for (const raw of generateOrders({ client: strategies.client, count: 400, seed: 'audit-size' })) {
      const order = adaptOrder(detectPlatform(raw) ?? 'standard', raw, { line: 1 });
      const decided = await pipeline.decide(order);
      const { trace: _trace, events: _events, ...summary } = decided;
      const record: DecisionRecord = {
        ...decisionRecord('demo', decided.orderId),
        decision: auditedDecision(decided),
      };
      expect(record.decision).toEqual(summary);
      sizes.push(Buffer.byteLength(`${JSON.stringify(record)}\n`));
      full += Buffer.byteLength(
        `${JSON.stringify({ ...record, decision: { ...decided, trace: undefined } })}\n`,
      );
    }
    sizes.sort((a, b) => a - b);
    const median = sizes[sizes.length >> 1]!;
    console.info(
      `audit line: median ${median} B, p90 ${sizes[Math.floor(sizes.length * 0.9)]} B; with events: ${Math.round(full / sizes.length)} B mean`,
    );
    expect(median).toBeLessThanOrEqual(1024);
  });

  it('finds an order among 50k records by reading its index entry and its one line', async () => {
    for (let batch = 0; batch < 50; batch++) {
      await store.audit.append(Array.from({ length: 1000 }, (_, i) => demoRecord(`O-${batch * 1000 + i}`)));
    }
    await store.close();
    store = await openEmbeddedStore(dir);
    const audit = store.audit as EmbeddedAudit;
    let started = performance.now();
    const first = await audit.findByOrder('acme', 'O-31337');
    const cold = performance.now() - started;
    started = performance.now();
    const again = await audit.findByOrder('acme', 'O-49999');
    const warm = performance.now() - started;
    console.info(`lookup among 50k: ${cold.toFixed(1)} ms loading the index, then ${warm.toFixed(2)} ms`);
    expect(first.map((r) => r.orderId)).toEqual(['O-31337']);
    expect(again.map((r) => r.orderId)).toEqual(['O-49999']);
    // Only the two lines were read from the day files, never a scan.
    const line = Buffer.byteLength(`${JSON.stringify(demoRecord('O-31337'))}\n`);
    expect(audit.bytesRead).toBe(2 * line);
    expect(warm).toBeLessThan(200);
  }, 60_000);

  it('indexes audit lines written before the index existed, in their full old shape', async () => {
    await store.close();
    const old = { ...decisionRecord('acme', 'OLD-1'), decision: demoDecision('OLD-1') };
    await mkdir(join(dir, 'audit'), { recursive: true });
    const day = old.at.slice(0, 10);
    await writeFile(
      join(dir, 'audit', `${day}.ndjson`),
      `${JSON.stringify(decisionRecord('beta', 'OLD-1'))}\n${JSON.stringify(old)}\n`,
    );
    store = await openEmbeddedStore(dir);
    await store.audit.append([decisionRecord('acme', 'OLD-1')]);
    const found = await store.audit.findByOrder('acme', 'OLD-1');
    expect(found).toHaveLength(2);
    expect(found[0]?.decision.events?.[1]?.params).toEqual(demoDecision('OLD-1').events[1]?.params);
    expect(await store.audit.findByOrder('beta', 'OLD-1')).toHaveLength(1);
  });

  it('indexes decisions whose line was written but not their index entry (a crash between the two)', async () => {
    await store.audit.append([decisionRecord('acme', 'C-1')]);
    await store.close();
    const checked = await readFile(join(dir, 'audit-index', '_checked.json'), 'utf8');
    store = await openEmbeddedStore(dir);
    await store.audit.append([decisionRecord('acme', 'C-2'), decisionRecord('beta', 'C-3')]);
    await store.audit.append([decisionRecord('acme', 'C-4')]);
    await store.close();
    // As a crash would leave it: lines synced, their index entries and the checkpoint never written.
    const acmeIndex = join(dir, 'audit-index', 'acme.ndjson');
    const entries = (await readFile(acmeIndex, 'utf8')).split('\n').filter(Boolean);
    expect(entries).toHaveLength(3);
    await writeFile(acmeIndex, `${entries[0]}\n`);
    await writeFile(join(dir, 'audit-index', 'beta.ndjson'), '');
    await writeFile(join(dir, 'audit-index', '_checked.json'), checked);
    // And a line torn by the crash: not a decision, ignored.
    const day = decisionRecord('acme', 'x').at.slice(0, 10);
    await appendFile(join(dir, 'audit', `${day}.ndjson`), '{"clientId":"acme","orderId":"C-5","at');
    store = await openEmbeddedStore(dir);
    expect((await store.audit.findByOrder('acme', 'C-2')).map((r) => r.orderId)).toEqual(['C-2']);
    expect((await store.audit.findByOrder('acme', 'C-4')).map((r) => r.orderId)).toEqual(['C-4']);
    expect((await store.audit.findByOrder('beta', 'C-3')).map((r) => r.orderId)).toEqual(['C-3']);
    expect(await store.audit.findByOrder('acme', 'C-5')).toEqual([]);
    expect(await store.audit.findByOrder('acme', 'C-1')).toHaveLength(1);
    expect((store.audit as EmbeddedAudit).recoveredLines).toBe(3);
    // Recovered once: the next start finds everything indexed and scans nothing.
    await store.close();
    store = await openEmbeddedStore(dir);
    expect(await store.audit.findByOrder('acme', 'C-2')).toHaveLength(1);
    expect((store.audit as EmbeddedAudit).recoveredLines).toBe(0);
  });

  it('fails ping and audit writes once DATA_DIR is deleted under it', async () => {
    await store.audit.append([decisionRecord('acme', 'P-1')]);
    await expect(store.ping()).resolves.toBeUndefined();
    await rm(dir, { recursive: true, force: true });
    await expect(store.ping()).rejects.toThrow(/not there any more/);
    await expect(store.audit.append([decisionRecord('acme', 'P-2')])).rejects.toThrow(
      /deleted|not there any more/,
    );
  });
});
