import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Strategy } from '../../engine/graph/schema.ts';
import { configFromEnv } from '../config.ts';
import { tagStrategy } from './fixtures.ts';
import { TestServer } from './harness.ts';

const LIMITS = configFromEnv({}).limits;
const strategies = '/api/v1/clients/demo/strategies';

/** start → c1 → … → tag: `size` nodes, `size - 1` edges, one rule with every condition on the way. */
function chain(id: string, size: number): Strategy {
  const nodes: Strategy['nodes'] = [
    { id: 'start', kind: 'start', kindVersion: 1, name: '', content: {}, position: { x: 0, y: 0 } },
  ];
  const edges: Strategy['edges'] = [];
  let previous = 'start';
  for (let i = 1; i < size - 1; i++) {
    nodes.push({
      id: `c${i}`,
      kind: 'condition',
      kindVersion: 1,
      name: `amount over ${i}`,
      content: { when: { all: [{ fact: 'amounts.total', operator: 'greaterThan', value: i }] } },
      position: { x: i * 200, y: 0 },
    });
    edges.push({ id: `e${i}`, source: previous, target: `c${i}`, sourceHandle: i === 1 ? null : 'true' });
    previous = `c${i}`;
  }
  nodes.push({
    id: 'tag',
    kind: 'action',
    kindVersion: 1,
    name: '',
    content: { type: 'tag', params: { tag: 'big' } },
    position: { x: size * 200, y: 0 },
  });
  edges.push({ id: 'last', source: previous, target: 'tag', sourceHandle: 'true' });
  return { ...tagStrategy('demo', id), name: `chain of ${size}`, nodes, edges };
}

/** `{"a": {"a": … }}`, `depth` objects deep, as text: JSON.stringify would itself overflow on it. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function expectLimit(answer: { status: number; body: { error: Record<string, unknown> } }, limit: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(413);
  expect(answer.body.error).toMatchObject({ code: 'limit_exceeded', limit });
  expect(answer.body.error.message).toContain(limit);
}

describe('limits on what a body holds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it(`refuses a graph of more than ${LIMITS.maxGraphNodes} nodes with 413 naming MAX_GRAPH_NODES`, async () => {
    const answer = await server.call('POST', strategies, {
      body: chain('too-many-nodes', LIMITS.maxGraphNodes + 1),
    });
    expectLimit(answer, 'MAX_GRAPH_NODES');
    expect(answer.body.error).toMatchObject({ field: 'nodes', max: LIMITS.maxGraphNodes });
    expect((await server.call('GET', `${strategies}/too-many-nodes`)).status).toBe(404);
  });

  it(`refuses more than ${LIMITS.maxGraphEdges} edges with 413 naming MAX_GRAPH_EDGES`, async () => {
    const doc = tagStrategy('demo', 'too-many-edges');
    doc.edges = Array.from({ length: LIMITS.maxGraphEdges + 1 }, (_, i) => ({
      id: `e${i}`,
      source: 'start',
      target: 'tag',
    }));
    const answer = await server.call('PUT', `${strategies}/tags`, {
      body: doc,
      headers: { 'if-match': '*' },
    });
    expectLimit(answer, 'MAX_GRAPH_EDGES');
    expect(answer.body.error.field).toBe('edges');
  });

  it('refuses content nested 100,000 deep with 413 naming MAX_JSON_DEPTH and where', async () => {
    const doc = JSON.stringify({ ...tagStrategy('demo', 'deep'), nodes: [] });
    const node = `{"id":"deep","kind":"action","content":${nested(100_000)}}`;
    const answer = await server.call('POST', strategies, {
      raw: doc.replace('"nodes":[]', `"nodes":[${node}]`),
      headers: { 'content-type': 'application/json' },
    });
    expectLimit(answer, 'MAX_JSON_DEPTH');
    expect(answer.body.error.field).toMatch(/^nodes\[0\]\.content(\.a)+$/);
    expect(answer.body.error.field.length).toBeLessThan(LIMITS.maxJsonDepth * 3);
    // The server is fine after it: no stack overflowed on the way.
    expect((await server.call('GET', `${strategies}/tags`)).status).toBe(200);
  });

  it('refuses a deep body on every route, not only strategies', async () => {
    const answer = await server.call('PUT', '/api/v1/clients/demo/state', {
      raw: `{"snapshot":${nested(LIMITS.maxJsonDepth + 1)}}`,
      headers: { 'content-type': 'application/json', 'if-match': '*' },
    });
    expectLimit(answer, 'MAX_JSON_DEPTH');
  });

  it(`refuses a string or a key over ${LIMITS.maxStringLength} characters with 413 naming MAX_STRING_LENGTH`, async () => {
    const long = 'x'.repeat(LIMITS.maxStringLength + 1);
    const named = await server.call('POST', strategies, {
      body: { ...tagStrategy('demo', 'long'), name: long },
    });
    expectLimit(named, 'MAX_STRING_LENGTH');
    expect(named.body.error.field).toBe('name');
    const doc = tagStrategy('demo', 'long');
    doc.nodes[1]!.content = { type: 'tag', params: { [long]: 1 } };
    const keyed = await server.call('POST', strategies, { body: doc });
    expectLimit(keyed, 'MAX_STRING_LENGTH');
    expect(keyed.body.error.field).toBe('nodes[1].content.params');
    expect(keyed.text.length).toBeLessThan(1_000);
  });

  it('saves, reads and cuts a version of a graph at the node limit, and /healthz keeps answering meanwhile', async () => {
    const doc = chain('at-the-limit', LIMITS.maxGraphNodes);
    let saving = true;
    const latencies: number[] = [];
    const probe = (async () => {
      while (saving) {
        const started = performance.now();
        await fetch(`${server.running.url}/healthz`);
        latencies.push(performance.now() - started);
      }
    })();
    const created = await server.call('POST', strategies, { body: doc });
    const read = await server.call('GET', `${strategies}/at-the-limit`);
    const cut = await server.call('POST', `${strategies}/at-the-limit/versions`, { body: { note: 'big' } });
    saving = false;
    await probe;
    expect(created.status, created.text.slice(0, 500)).toBe(201);
    expect(created.body.issues).toEqual([]);
    expect(read.status).toBe(200);
    expect(read.body.strategy.nodes).toHaveLength(LIMITS.maxGraphNodes);
    expect(cut.status, cut.text.slice(0, 500)).toBe(201);
    expect(cut.body.compiled.rules[0].conditions.all).toHaveLength(LIMITS.maxGraphNodes - 2);
    const version = await server.call('GET', `${strategies}/at-the-limit/versions/${cut.body.version}`);
    expect(version.status).toBe(200);
    const worst = Math.max(...latencies);
    console.info(
      `/healthz while saving, reading and cutting ${LIMITS.maxGraphNodes} nodes: ${latencies.length} probes, worst ${worst.toFixed(0)} ms`,
    );
    // Generous for a shared, loaded machine; the point is no multi-second stall.
    expect(worst).toBeLessThan(1_500);
  });

  it('reads and cuts a 5,000-node chain stored before the limits existed', async () => {
    await server.running.store.strategies.create(chain('legacy', 5_000), 'before the limits');
    const read = await server.call('GET', `${strategies}/legacy`);
    expect(read.status, read.text.slice(0, 300)).toBe(200);
    expect(read.body.issues).toEqual([]);
    const cut = await server.call('POST', `${strategies}/legacy/versions`, { body: { note: '' } });
    expect(cut.status, cut.text.slice(0, 300)).toBe(201);
    expect((await server.call('GET', `${strategies}/legacy/versions/1`)).status).toBe(200);
  });
});
