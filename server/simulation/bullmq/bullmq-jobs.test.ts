import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPlugins } from '../../../cli/commands/server-plugins.ts';
import { pluginPipelineFactory } from '../../../cli/simulate-plugins/plugin-pipeline.ts';
import { type RunningRedis, startRedis } from '../../../test-support/redis-server.ts';
import { runCli, spawnCli } from '../../../test-support/run-cli.ts';
import { configFromEnv, type ServerConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { type RunningServer, startServer } from '../../start-server.ts';
import {
  type ApiClient,
  apiClient,
  sampleHistory,
  upload,
  waitForJob,
} from '../../test/simulation-harness.ts';
import { connectionOf, jobIdOf, QUEUE_NAME } from './bull-jobs.ts';

const base = '/api/v1/clients/demo';
const ADMIN_KEY = 'og_bullmq_test_admin_key_0123456789';
const LONG = 120_000;

/**
 * A control server over a workspace that outlives it; with `plugins`, the demo client's live release
 * calls the sample plugins (release 1 does not), as under `ordergraph serve`.
 */
async function control(
  config: ServerConfig,
  plugins = false,
): Promise<{ running: RunningServer; client: ApiClient }> {
  const running = await startServer(config, {
    logger: silentLogger,
    ...(plugins ? { plugins: serverPlugins(config.plugins), simulationPlugins: pluginPipelineFactory } : {}),
  });
  return { running, client: apiClient(running.url, ADMIN_KEY) };
}

/** The job folders left in the shared scratch space, once the last end recorded had time to remove its own. */
async function scratchLeft(dataDir: string): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const left = await readdir(join(dataDir, 'simulation-scratch'));
    // The job says done once its report is stored; its scratch goes right after.
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startWorker(redisUrl: string): Promise<ChildProcessWithoutNullStreams> {
  const child = spawnCli(['worker'], {
    env: { ...process.env, REDIS_URL: redisUrl, SIMULATION_WORKERS: '1' },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('simulation worker on')) resolve(child);
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}): ${out}`)));
  });
}

describe('simulation jobs on BullMQ, run by an `ordergraph worker` process', () => {
  let redis: RunningRedis;
  let dataDir: string;
  let config: ServerConfig;
  let worker: ChildProcessWithoutNullStreams;
  let server: { running: RunningServer; client: ApiClient };
  let historyId: string;

  beforeAll(async () => {
    redis = await startRedis();
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bullmq-'));
    config = {
      ...configFromEnv({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminKey: ADMIN_KEY,
      redisUrl: redis.url,
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1, worker: false },
    };
    server = await control(config, true);
    worker = await startWorker(redis.url);
    historyId = (
      await upload(
        server.client,
        `${base}/histories?name=demo.ndjson`,
        await sampleHistory('demo-2000.ndjson'),
        {
          'content-type': 'application/x-ndjson',
        },
      )
    ).body.historyId;
  }, LONG);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await server?.running.close(1000);
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Release 1 calls no plugins: these jobs stay quick; the plugin test replays live (release 2).
  const start = async (body: object = { historyId, baseline: { release: 1 } }) => {
    const answer = await server.client.call('POST', `${base}/simulations`, { body });
    expect(answer.status).toBe(202);
    return `${base}/simulations/${answer.body.simulationId}`;
  };

  it(
    'a job the control server queued runs on the worker: progress on GET, the report downloadable',
    async () => {
      const path = await start();
      const seen = await waitForJob(
        server.client,
        path,
        (job: { status: string; progress?: number }) =>
          (job.status === 'running' && (job.progress ?? 0) > 0) || job.status === 'done',
      );
      expect(seen).toMatchObject({ status: 'running', progress: expect.any(Number) });
      expect(seen.progress).toBeGreaterThan(0);
      expect(seen.progress).toBeLessThan(1);
      const done = await waitForJob(server.client, path);
      expect(done).toMatchObject({ status: 'done', progress: 1, summary: { orders: 2000 } });
      const report = await server.client.call('GET', `${path}/report`);
      expect(report.status).toBe(200);
      expect(report.body.orders).toBe(2000);
      expect((await server.client.call('GET', `${path}/report.html`)).text).toContain('Business summary');
      // The control server read the report in and removed the job's scratch files from the shared folder.
      expect(await scratchLeft(dataDir)).toEqual([]);
    },
    LONG,
  );

  it(
    'runs a release that calls plugins on the worker, through its own plugin pipeline',
    async () => {
      const live = (await server.client.call('GET', `${base}/live`)).body.release;
      expect(live).toBeGreaterThan(1);
      const path = await start({ historyId, limit: 200 });
      expect(await waitForJob(server.client, path)).toMatchObject({
        status: 'done',
        baselineRelease: live,
        summary: { orders: 200 },
      });
      const report = (await server.client.call('GET', `${path}/report`)).body;
      const hits = report.ruleHits.filter((h: { strategyId: string }) => h.strategyId === 'address-risk');
      expect(hits.length).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'cancels across processes: a waiting job is taken out, a running one stopped on the worker',
    async () => {
      const running = await start();
      const waiting = await start();
      await waitForJob(server.client, running, (job) => job.status !== 'queued');
      expect((await server.client.call('GET', waiting)).body.status).toBe('queued');

      const takenOut = await server.client.call('DELETE', waiting);
      expect(takenOut.status).toBe(200);
      expect(takenOut.body.status).toBe('cancelled');

      const stopped = await server.client.call('DELETE', running);
      expect(stopped.status).toBe(200);
      expect(stopped.body).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
      expect((await server.client.call('GET', `${running}/report`)).status).toBe(409);
      expect((await server.client.call('DELETE', running)).status).toBe(409);
      // The waiting job never ran: it stays cancelled, with no start.
      expect((await server.client.call('GET', waiting)).body).toMatchObject({
        status: 'cancelled',
        startedAt: null,
      });

      // The worker is free again: the next job runs to the end.
      const next = await start({ historyId, baseline: { release: 1 }, limit: 50 });
      expect((await waitForJob(server.client, next)).status).toBe('done');
      expect(await scratchLeft(dataDir)).toEqual([]);
    },
    LONG,
  );

  it(
    'a job survives a restart of the control server: it ends done, with its report, not interrupted',
    async () => {
      const path = await start();
      await waitForJob(server.client, path, (job) => job.status !== 'queued');
      await server.running.close(1000);
      server = await control(config, true);
      const job = await waitForJob(server.client, path);
      expect(job).toMatchObject({ status: 'done', summary: { orders: 2000 } });
      expect((await server.client.call('GET', `${path}/report`)).body.orders).toBe(2000);
    },
    LONG,
  );

  it(
    'a job that ends while the control server is down is recorded at its next start',
    async () => {
      const path = await start({ historyId, baseline: { release: 1 }, limit: 50 });
      await waitForJob(server.client, path, (job) => job.status !== 'queued');
      await server.running.close(1000);
      // Ended on the worker with no server listening: nothing recorded it yet.
      const queue = new Queue(QUEUE_NAME, { connection: connectionOf(redis.url) });
      try {
        const id = jobIdOf({ clientId: 'demo', simulationId: path.split('/').pop()! });
        while ((await queue.getJobState(id)) !== 'completed') await new Promise((r) => setTimeout(r, 50));
      } finally {
        await queue.close();
      }
      server = await control(config, true);
      expect((await server.client.call('GET', path)).body).toMatchObject({
        status: 'done',
        summary: { orders: 50 },
      });
      expect((await server.client.call('GET', `${path}/report`)).body.orders).toBe(50);
    },
    LONG,
  );
});

describe('ordergraph worker', () => {
  it('refuses to start without REDIS_URL, naming it', () => {
    const { REDIS_URL: _, ...env } = process.env;
    const result = runCli(['worker'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('REDIS_URL');
  });
});

describe('one `serve` with REDIS_URL runs jobs on its own worker', () => {
  let redis: RunningRedis;
  let dataDir: string;
  let config: ServerConfig;
  let demo2000: Buffer;
  beforeAll(async () => {
    redis = await startRedis();
    demo2000 = await sampleHistory('demo-2000.ndjson');
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-bullmq-own-'));
    config = {
      ...configFromEnv({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminKey: ADMIN_KEY,
      redisUrl: redis.url,
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1, worker: true },
    };
  }, LONG);
  afterAll(async () => {
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'hands its running job back to the queue when it stops, and runs it to the end after the restart',
    async () => {
      let server = await control(config);
      // Long enough to be still running when the server stops: 2,000 orders once finished inside the
      // stop's grace (CI: 'completed' where 'waiting' was expected). Repeated ids are decided as duplicates.
      const history = Buffer.concat(Array.from({ length: 5 }, () => demo2000));
      try {
        const historyId = (
          await upload(server.client, `${base}/histories?name=demo-x5.ndjson`, history, {
            'content-type': 'application/x-ndjson',
          })
        ).body.historyId;
        const answer = await server.client.call('POST', `${base}/simulations`, { body: { historyId } });
        const path = `${base}/simulations/${answer.body.simulationId}`;
        expect((await waitForJob(server.client, path, (job) => job.status !== 'queued')).status).toBe(
          'running',
        );
        await server.running.close(1000);
        const queue = new Queue(QUEUE_NAME, { connection: connectionOf(redis.url) });
        try {
          const id = jobIdOf({ clientId: 'demo', simulationId: answer.body.simulationId });
          // Read from another connection right after the stop. It read 'unknown' once in about twenty runs
          // while a stop that came as the worker made the job's folder found no run to stop, and waited for
          // the whole job to end (run-after.ts).
          expect(await queue.getJobState(id)).toBe('waiting');
        } finally {
          await queue.close();
        }
        server = await control(config);
        expect(await waitForJob(server.client, path)).toMatchObject({
          status: 'done',
          summary: { orders: 10_000 },
        });
        expect((await server.client.call('GET', `${path}/report`)).body.orders).toBe(10_000);
      } finally {
        await server.running.close(1000);
      }
    },
    LONG,
  );
});
