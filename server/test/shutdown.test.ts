import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.ts';
import { standardOrder } from './fixtures.ts';
import { type Served, serveCli } from './serve-cli.test-helper.ts';

const ADMIN_KEY = 'an-admin-key-for-the-shutdown-tests';
const base = '/api/v1/clients/demo';

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** `ordergraph serve` on a workspace of the test's own, with the admin key the tests use. */
const serve = (dataDir: string, env: Record<string, string> = {}): Promise<Served> =>
  serveCli({ DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: ADMIN_KEY, ...env }, started);

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers as free JSON
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** A request on a connection of its own (no keep-alive pool): does the server still accept connections? */
function connects(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

describe('stopping and retries', { timeout: 120_000 }, () => {
  it('takes the shutdown grace from SHUTDOWN_GRACE_MS, 30 s by default', () => {
    expect(configFromEnv({}).shutdownGraceMs).toBe(30_000);
    expect(configFromEnv({ SHUTDOWN_GRACE_MS: '120000' }).shutdownGraceMs).toBe(120_000);
    expect(() => configFromEnv({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });

  it('on SIGTERM stops accepting, answers every queued request in full, then exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-shutdown-'));
    dirs.push(dataDir);
    const served = await serve(dataDir, { SHUTDOWN_GRACE_MS: '60000' });
    // Several full batches for one client: decided one after the other, seconds of queued work.
    const batches = Array.from({ length: 4 }, (_, b) =>
      call(served.url, 'POST', `${base}/evaluate/batch`, {
        orders: Array.from({ length: 1000 }, (_, i) => standardOrder(`DRAIN-${b}-${i}`)),
        trace: false,
      }),
    );
    // SIGTERM once the server is busy with them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = performance.now();
    served.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await connects(served.url)).toBe(false);
    const answers = await Promise.all(batches);
    const drainMs = performance.now() - signalled;
    console.log(`drained 4 batches of 1,000 orders in ${Math.round(drainMs)} ms after SIGTERM`);
    // The drain is real: the work outlasted the signal by far.
    expect(drainMs).toBeGreaterThan(500);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.results).toHaveLength(1000);
      expect(answer.body.counts.invalid).toBe(0);
    }
    expect(await served.exit).toBe(0);
    expect(served.output()).toContain('SIGTERM: finishing requests in flight');
    expect(served.output()).not.toContain('cutting the connections');

    // Every answered decision was recorded once.
    const again = await serve(dataDir);
    const last = await call(again.url, 'GET', `${base}/audit/decisions?orderId=DRAIN-3-999`);
    expect(last.body.decisions).toHaveLength(1);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });

  it('answers an OMS retry of a decided order with the recorded decision, consuming nothing twice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-retry-'));
    dirs.push(dataDir);
    const first = await serve(dataDir);
    const pushed = await call(first.url, 'PUT', `${base}/state`, {
      counters: {},
      stock: { 'WH-SH': { 'CHANDO-CREAM-50G': 100 } },
      buyers: {},
    });
    expect(pushed.status).toBe(200);
    const decided = await call(first.url, 'POST', `${base}/evaluate`, { order: standardOrder('RETRY-1') });
    expect(decided.status).toBe(200);
    expect(decided.headers.get('idempotent-replay')).toBeNull();
    const state = (await call(first.url, 'GET', `${base}/state`)).body;
    expect(state.buyers).toEqual({ 'b-001': 1 });

    // The same process: the retry is answered from what was recorded.
    const retried = await call(first.url, 'POST', `${base}/evaluate`, { order: standardOrder('RETRY-1') });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replay')).toBe('true');
    const { trace: _trace, events: _events, ...recorded } = decided.body.decision;
    expect(retried.body.decision).toEqual(recorded);
    expect((await call(first.url, 'GET', `${base}/state`)).body).toEqual(state);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    // After a restart (the OMS retrying what a stopping server answered): from the audit log.
    const second = await serve(dataDir);
    const afterRestart = await call(second.url, 'POST', `${base}/evaluate/batch`, {
      orders: [standardOrder('RETRY-1'), standardOrder('RETRY-2')],
    });
    expect(afterRestart.status).toBe(200);
    const [replayed, fresh] = afterRestart.body.results;
    expect(replayed.replay).toMatchObject({ release: decided.body.release, at: retried.body.replay.at });
    expect(replayed.decision).toEqual(recorded);
    expect(fresh.replay).toBeUndefined();
    // Only RETRY-2 took anything: one more order for the buyer, and its stock.
    const now = (await call(second.url, 'GET', `${base}/state`)).body;
    expect(now.buyers).toEqual({ 'b-001': 2 });
    const audit = await call(second.url, 'GET', `${base}/audit/decisions?orderId=RETRY-1`);
    expect(audit.body.decisions).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});
