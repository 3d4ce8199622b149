import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardOrder } from './fixtures.ts';
import { TestServer } from './harness.ts';

const base = '/api/v1/clients/demo';

/**
 * A full batch decides for a while; it hands the event loop back every few milliseconds, so the
 * health check (and other clients) are answered meanwhile. Real HTTP on loopback, a real store.
 */
describe('a long batch', { timeout: 120_000 }, () => {
  let server: TestServer;
  let service: string;
  beforeAll(async () => {
    server = await TestServer.start({ maxBatch: BATCH });
    service = await server.keyFor('service', ['demo']);
    // Warm up: the pipeline is built on the first decision.
    await server.call('POST', `${base}/evaluate`, { key: service, body: { order: standardOrder('WARM-1') } });
  });
  afterAll(() => server.stop());

  it('answers /healthz within 500 ms while batches of 10,000 orders are decided', async () => {
    // The worst probe of a run is what an orchestrator's health check would see. Deciding a batch of
    // 10,000 without yielding holds the loop for 0.8–1 s on a slow 2-core machine; yielding every 5 ms,
    // the worst probe took 250 ms there (a probe needs several turns of the loop, the server's and this
    // process's fetch, each waiting out a slice, and parsing the batch's body is one block). Batches of
    // 1,000 held the loop only 0.2 s, too close to what yielding leaves (0.1 s) to tell the two apart
    // on a slower machine than the bound was set on. One run can lose 100 ms more to the OS scheduler
    // or a GC, so up to three runs are made and the best must stay under the bound.
    const runs: { probes: number; max: number; median: number }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await probeDuringBatches(server, service, `YIELD-${attempt}`);
      runs.push(run);
      console.log(
        `healthz during ${run.batches} ${BATCH}-order batches (run ${attempt + 1}): ${run.probes} probes, max ${run.max.toFixed(1)} ms, median ${run.median.toFixed(1)} ms`,
      );
      if (run.max < BOUND_MS) break;
    }
    // Enough probes landed inside each run's batches for the maximum to mean something.
    for (const run of runs) expect(run.probes).toBeGreaterThanOrEqual(MIN_PROBES);
    expect(Math.min(...runs.map((r) => r.max))).toBeLessThan(BOUND_MS);
  });
});

/** Orders a batch: deciding them without yielding holds the loop for about a second (see the test). */
const BATCH = 10_000;
/** The worst probe of the best run; see the test. */
const BOUND_MS = 500;
/** Probes a run must see; a faster pipeline decides a batch in fewer of them, so a run takes more batches. */
const MIN_PROBES = 5;
const MAX_BATCHES = 10;

/** Probes through batches sent one after another, until `MIN_PROBES` probes have landed inside them. */
async function probeDuringBatches(
  server: TestServer,
  service: string,
  prefix: string,
): Promise<{ batches: number; probes: number; max: number; median: number }> {
  const probes: number[] = [];
  let batches = 0;
  while (probes.length < MIN_PROBES && batches < MAX_BATCHES) {
    probes.push(...(await probeDuringBatch(server, service, `${prefix}-${batches++}`)));
  }
  return { batches, probes: probes.length, max: Math.max(...probes), median: median(probes) };
}

/** Each probe's time while one batch is decided. */
async function probeDuringBatch(server: TestServer, service: string, prefix: string): Promise<number[]> {
  const orders = Array.from({ length: BATCH }, (_, i) => standardOrder(`${prefix}-${i}`));
  const probes: number[] = [];
  let done = false;
  // The answer (megabytes of traced decisions) is read as bytes while probing and parsed after: this
  // process is the server's too, and parsing it here would be counted against the server.
  const batch = (async () => {
    const res = await fetch(`${server.running.url}${base}/evaluate/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orders }),
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return { status: res.status, chunks };
  })().finally(() => {
    done = true;
  });
  // Sequential probes for as long as the batch runs.
  while (!done) {
    const started = performance.now();
    const health = await fetch(`${server.running.url}/healthz`);
    await health.text();
    if (!done) probes.push(performance.now() - started);
    expect(health.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { status, chunks } = await batch;
  expect(status).toBe(200);
  const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  expect(answer.results).toHaveLength(BATCH);
  expect(answer.results.map((r: { index: number }) => r.index)).toEqual(orders.map((_, i) => i));
  expect(answer.counts.invalid).toBe(0);
  return probes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
