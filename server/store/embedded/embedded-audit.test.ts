import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditedDecision } from '../../../api/schemas/decisions.ts';
import type { Decision } from '../../../engine/decision/decision.ts';
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

  it('summarises a demo decision in at most 1 KB, params of node configuration left out', () => {
    const { trace: _trace, ...stored } = demoDecision('DEMO-1');
    const full = `${JSON.stringify({ ...decisionRecord('acme', 'DEMO-1'), decision: stored })}\n`;
    const line = `${JSON.stringify(demoRecord('DEMO-1'))}\n`;
    console.info(
      `summary line: ${Buffer.byteLength(line)} bytes; as stored today (events keep params): ${Buffer.byteLength(full)} bytes`,
    );
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(1024);
    const events = demoRecord('DEMO-1').decision.events;
    expect(events[1]).toEqual({ strategyId: 'routing', type: 'route', paramsOmitted: expect.any(Number) });
    expect(events[2]).toEqual({ strategyId: 'tags', type: 'tag', params: { tags: ['multi-item'] } });
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
    expect(found[0]?.decision.events[1]?.params).toEqual(demoDecision('OLD-1').events[1]?.params);
    expect(await store.audit.findByOrder('beta', 'OLD-1')).toHaveLength(1);
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
