import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, sampleOrder, TestServer } from './harness.ts';

/**
 * Throws arbitrary JSON at every route of the OpenAPI document and asserts the server never answers 500,
 * never shows a stack frame or a path of ours, and writes nothing outside its DATA_DIR. Deterministic:
 * each route runs with `SEED + its index`, and fast-check prints the seed and counterexample on failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** `FUZZ_SEED` and `FUZZ_RUNS` explore further by hand; the defaults keep the file under a few seconds. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 20);
const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

interface Route {
  method: string;
  path: string;
  params: string[];
  query: string[];
  hasBody: boolean;
}

/** Every file below `dir` with its size and mtime, one line each (a changed or new file shows). */
async function snapshot(dir: string, skip: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (skip.includes(full)) continue;
      if (entry.isDirectory()) await walk(full);
      else {
        const s = await stat(full);
        out.push(`${full} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  await walk(dir);
  return out.sort();
}

/** Path segments that are not ids: traversal, prototype names, very long, unicode, encoded bytes. */
const fuzzedSegment = fc.oneof(
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%2E%2E%2Fpackage.json',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '__proto__',
    'constructor',
    'prototype',
    'x'.repeat(5_000),
    encodeURIComponent('客户🙂'),
    encodeURIComponent('\u0000'),
    '%ff',
    '%',
    '-1',
    '0',
    '1e400',
    '9007199254740993',
    'NaN',
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** What goes in the body: as JSON (`json`) or raw text with a content type of its own. */
type Body = { json: unknown } | { raw: string; contentType: string | null } | null;

const bodies: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom<unknown>(
        deep(40),
        deep(200),
        { order: deep(80) },
        'y'.repeat(9_999),
        { name: 'z'.repeat(200_000) },
        [{}],
        [[]],
        { order: [] },
        { orders: {} },
        { order: { id: [] } },
        { strategyIds: 'routing' },
        { version: -1 },
        { version: 1.5 },
        { role: '__proto__', name: 'x', clients: ['*'] },
        { __proto__: { admin: true } },
        JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
        null,
        0,
        '',
      )
      .map((json) => ({ json })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '{"version": 123456789012345678901234567890}',
        '{"version": 1e400}',
        '[9007199254740993]',
        '{"a": ',
        '\u0000',
        '"\\ud800"',
        `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      )
      .chain((raw) =>
        fc
          .constantFrom<string | null>(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=utf-16',
            'application/json; charset=nonsense',
            null,
          )
          .map((contentType) => ({ raw, contentType })),
      ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Every path to a value in `value` (objects and arrays), the root included, at most `cap` of them. */
function pathsOf(value: unknown, cap = 500): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (out.length >= cap) return;
    out.push(at);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...at, i]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    }
  };
  walk(value, []);
  return out;
}

/** A valid body with one value somewhere replaced by arbitrary JSON, or deleted: near misses reach deeper. */
function mutated(valid: unknown): fc.Arbitrary<Body> {
  const paths = pathsOf(valid);
  return fc
    .tuple(fc.nat({ max: paths.length - 1 }), fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 5 }))
    .map(([i, replacement]) => {
      const copy = structuredClone(valid) as Record<string | number, unknown>;
      const at = paths[i]!;
      if (at.length === 0) return { json: replacement };
      let parent: Record<string | number, unknown> = copy;
      for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
      const last = at[at.length - 1]!;
      if (replacement === null) delete parent[last];
      else parent[last] = replacement;
      return { json: copy };
    });
}

const STACK = /^\s*at .+:\d+:\d+\)?\s*$|\bat \S+ \((?:file:|\/)/m;

describe('route fuzz: arbitrary JSON at every route', () => {
  let server: TestServer;
  let parent: string;
  let dataDir: string;
  let routes: Route[];
  let spareKeyId: string;
  let etags: Record<string, string>;
  let validBodies: Record<string, unknown>;
  let before: { parent: string[]; samples: string[]; tmp: Set<string> };

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'ordergraph-fuzz-'));
    dataDir = join(parent, 'data');
    const beforeTmp = new Set(await readdir(tmpdir()));
    server = await TestServer.start({ dataDir });
    // The harness made a temp folder of its own before our override; it is not written to.
    beforeTmp.add(server.dataDir.slice(tmpdir().length + 1));
    before = { parent: await snapshot(parent, [dataDir]), samples: await snapshot(SAMPLES), tmp: beforeTmp };

    const doc = (await server.call('GET', '/api/v1/openapi.json', { key: null })).body;
    routes = [];
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
        // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI operation read as free JSON
        const parameters: any[] = (op as any).parameters ?? [];
        routes.push({
          method: method.toUpperCase(),
          path,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
          query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          // biome-ignore lint/suspicious/noExplicitAny: as above
          hasBody: (op as any).requestBody !== undefined,
        });
      }
    }
    // Deleting a valid id spoils the ids the other routes use: deletes go last.
    routes.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    spareKeyId = (
      await server.call('POST', '/api/v1/keys', {
        body: { name: 'fuzz spare', role: 'viewer', clients: ['*'] },
      })
    ).body.keyId;
    const demo = new URL('../../samples/clients/demo/', import.meta.url).pathname;
    const client = JSON.parse(await readFile(join(demo, 'client.json'), 'utf8'));
    const strategy = JSON.parse(await readFile(join(demo, 'strategies/routing.strategy.json'), 'utf8'));
    const order = await sampleOrder('jd-cod.json');
    const state = (await server.call('GET', '/api/v1/clients/demo/state')).body;
    validBodies = {
      'POST /clients': { ...client, id: 'fuzzed' },
      'PUT /clients/{clientId}': client,
      'POST /clients/{clientId}/strategies': { ...strategy, id: 'fuzzed' },
      'PUT /clients/{clientId}/strategies/{strategyId}': strategy,
      'POST /clients/{clientId}/evaluate': { order, dryRun: true },
      'POST /clients/{clientId}/evaluate/batch': { orders: [order, order], dryRun: true },
      'PUT /clients/{clientId}/state': state,
      'POST /keys': { name: 'fuzzed', role: 'viewer', clients: ['demo'] },
    };
    etags = {
      '/clients/{clientId}': (await server.call('GET', '/api/v1/clients/demo')).headers.get('etag') ?? '"1"',
      '/clients/{clientId}/strategies/{strategyId}':
        (await server.call('GET', '/api/v1/clients/demo/strategies/routing')).headers.get('etag') ?? '"1"',
    };
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await rm(parent, { recursive: true, force: true });
  });

  const assertClean = (what: string, answer: Answer) => {
    const where = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
    expect(answer.status, where).toBeLessThan(500);
    expect(STACK.test(answer.text), where).toBe(false);
    for (const leak of ['/work/', 'node_modules', '.ts:', process.cwd(), dataDir, tmpdir()]) {
      expect(answer.text.includes(leak), `${where} shows ${leak}`).toBe(false);
    }
  };

  it('finds the routes of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(spareKeyId).toEqual(expect.any(String));
  });

  it('answers every route with < 500, no stack and no path, whatever the body, ids, key or content type', async () => {
    const valid: Record<string, string> = {
      clientId: 'demo',
      strategyId: 'routing',
      version: '1',
      keyId: spareKeyId,
    };
    let requests = 0;
    for (const [index, route] of routes.entries()) {
      const segments = Object.fromEntries(
        route.params.map((p) => [
          p,
          fc.oneof({ weight: 2, arbitrary: fc.constant(valid[p] ?? 'x') }, fuzzedSegment),
        ]),
      );
      const property = fc.asyncProperty(
        fc.record(segments),
        fc.array(fc.tuple(fc.constantFrom(...(route.query.length ? route.query : ['q'])), fuzzedSegment), {
          maxLength: 2,
        }),
        route.hasBody || route.method !== 'GET'
          ? validBodies[`${route.method} ${route.path}`] === undefined
            ? bodies
            : fc.oneof(bodies, mutated(validBodies[`${route.method} ${route.path}`]))
          : fc.constant(null),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('admin' as const) },
          { weight: 1, arbitrary: fc.constantFrom('bad' as const, 'missing' as const, 'malformed' as const) },
        ),
        fc.constantFrom(etags[route.path] ?? null, null, '"nonsense"', '*', 'W/"0"'),
        async (ids, query, body, auth, ifMatch) => {
          const path = route.path.replace(/\{(\w+)\}/g, (_, p: string) => ids[p] ?? 'x');
          const qs = query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
          const headers: Record<string, string> = {};
          let raw: string | undefined;
          if (body && 'json' in body) {
            raw = JSON.stringify(body.json);
            headers['content-type'] = 'application/json';
          } else if (body) {
            raw = body.raw;
            if (body.contentType) headers['content-type'] = body.contentType;
          }
          if (ifMatch !== null) headers['if-match'] = ifMatch;
          if (auth === 'malformed') headers.authorization = 'Bearer';
          const key = auth === 'admin' ? undefined : auth === 'bad' ? `og_${'0'.repeat(40)}` : null;
          const answer = await server.call(route.method, `/api/v1${path}${qs}`, {
            key,
            headers,
            ...(raw === undefined ? {} : { raw }),
          });
          requests++;
          assertClean(`${route.method} ${path}${qs} (${auth})`, answer);
        },
      );
      await fc.assert(property, { seed: SEED + index, numRuns: RUNS_PER_ROUTE, endOnFailure: true });
    }
    expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    // The server still answers, and the health check (outside /api/v1) says so.
    assertClean('GET /healthz', await server.call('GET', '/healthz', { key: null }));
  }, 600_000);

  it('writes nothing outside DATA_DIR', async () => {
    expect(await snapshot(parent, [dataDir])).toEqual(before.parent);
    expect(await snapshot(SAMPLES)).toEqual(before.samples);
    // Other test files may make temp folders in parallel; ours would be named after a fuzzed id.
    const added = (await readdir(tmpdir())).filter((n) => !before.tmp.has(n) && !n.startsWith('ordergraph-'));
    expect(added.filter((n) => /demo|routing|proto|客户|\.\./.test(n))).toEqual([]);
  });
});
