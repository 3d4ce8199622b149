import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { SimulationReport } from './report/report-schema.ts';
import { VOLATILE_FIELDS } from './report/report-schema.ts';

/** A client with two warehouses, two carriers, and the SKUs the simulation tests name. */
export const CLIENT = {
  formatVersion: 1,
  id: 'sim',
  name: 'Simulation test client',
  shops: [{ id: 'TM-1', name: 'Tmall', platform: 'tmall' }],
  warehouses: [
    { id: 'WH-SH', name: 'Shanghai', province: '上海市' },
    { id: 'WH-GZ', name: 'Guangzhou', province: '广东省' },
  ],
  carriers: [
    { id: 'ZTO', name: 'ZTO' },
    { id: 'SF', name: 'SF Express' },
  ],
  skus: [
    { sku: 'A', name: 'Serum', price: 100, weightKg: 0.5 },
    { sku: 'SOFA', name: 'Sofa', price: 3000, weightKg: 40, bulky: true },
    { sku: 'G1', name: 'Sample', price: 0, weightKg: 0.1 },
  ],
};

type Condition = Record<string, unknown>;
interface Branch {
  when?: Condition;
  type: string;
  params: Record<string, unknown>;
}

/**
 * A strategy whose rules are tried top to bottom: each branch's condition leads to its action,
 * its "no" to the next branch; a branch without a condition always applies.
 */
export function strategy(id: string, family: string, hitPolicy: 'first' | 'collect', branches: Branch[]) {
  const nodes: object[] = [{ id: 'start', kind: 'start', position: { x: 0, y: 0 } }];
  const edges: object[] = [];
  let from = { node: 'start', handle: undefined as string | undefined };
  branches.forEach((branch, i) => {
    const action = { id: `act${i}`, kind: 'action', content: { type: branch.type, params: branch.params } };
    if (!branch.when) {
      nodes.push(action);
      edges.push({ id: `e${i}`, source: from.node, target: action.id, sourceHandle: from.handle });
      return;
    }
    nodes.push({ id: `if${i}`, kind: 'condition', content: { when: branch.when } }, action);
    edges.push(
      { id: `e${i}`, source: from.node, target: `if${i}`, sourceHandle: from.handle },
      { id: `e${i}t`, source: `if${i}`, target: action.id, sourceHandle: 'true' },
    );
    from = { node: `if${i}`, handle: 'false' };
  });
  return { formatVersion: 1, id, clientId: 'sim', family, name: id, hitPolicy, nodes, edges, tests: [] };
}

/** A temp folder removed after the test file's tests. */
export function tmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ordergraph-test-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new empty folder under one temp root (named for `prefix`) each call. */
export function folderMaker(prefix: string): () => string {
  const root = tmp(prefix);
  let made = 0;
  return () => {
    const dir = join(root, String(made++));
    mkdirSync(dir);
    return dir;
  };
}

/** Writes client.json and the strategies into a folder of `root`; returns the strategies folder. */
export function writeStrategies(root: string, name: string, strategies: object[]): string {
  const dir = join(root, name, 'strategies');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, name, 'client.json'), JSON.stringify(CLIENT));
  for (const s of strategies)
    writeFileSync(join(dir, `${(s as { id: string }).id}.strategy.json`), JSON.stringify(s));
  return dir;
}

/** Routing to Shanghai and carrier ZTO for every order: the smallest complete pipeline. */
export const BASE_STRATEGIES = [
  strategy('routing', 'routing', 'first', [{ type: 'route', params: { warehouse: 'WH-SH' } }]),
  strategy('carrier', 'carrier', 'first', [{ type: 'carrier', params: { carrier: 'ZTO' } }]),
];

let serial = 0;
/** A paid standard order of one A at 100 to Hangzhou, paid at `paidAt` (China time, "00:00:05"). */
export function order(paidAt: string | null, overrides: Record<string, unknown> = {}) {
  serial++;
  const time = (hms: string) => `2026-11-11T${hms}+08:00`;
  return {
    id: `O-${serial}`,
    platform: 'tmall',
    shop: 'TM-1',
    createdAt: time('00:00:00'),
    paidAt: paidAt === null ? null : time(paidAt),
    payStatus: paidAt === null ? 'unpaid' : 'paid',
    amounts: { total: 100, paid: paidAt === null ? 0 : 100 },
    buyer: { id: `buyer-${serial}` },
    receiver: {
      name: '张三',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '文三路 1 号',
    },
    lines: [{ sku: 'A', qty: 1, price: 100 }],
    ...overrides,
  };
}

export function writeLines(root: string, name: string, lines: readonly (object | string)[]): string {
  const file = join(root, name);
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return file;
}

/** The report without the fields that differ between runs (timings, workers). */
export function stable(report: SimulationReport): string {
  const copy: Record<string, unknown> = { ...report };
  for (const field of VOLATILE_FIELDS) delete copy[field];
  return JSON.stringify(copy, null, 2);
}
