import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, type ServerConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../start-server.ts';
import { openEmbeddedStore } from '../store/embedded/embedded-store.ts';
import { type ApiClient, apiClient, sampleHistory, upload, waitForJob } from './simulation-harness.ts';

const base = '/api/v1/clients/demo';
const ADMIN_KEY = 'og_restart_test_admin_key_0123456789';

/** A server over a workspace that outlives it, so a second server can start on the same folder. */
async function serve(config: ServerConfig): Promise<{ running: RunningServer; client: ApiClient }> {
  const running = await startServer(config, { logger: silentLogger });
  return { running, client: apiClient(running.url, ADMIN_KEY) };
}

describe('simulation jobs across a restart', () => {
  let dataDir: string;
  let config: ServerConfig;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-restart-'));
    config = {
      ...configFromEnv({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminKey: ADMIN_KEY,
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1 },
    };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps finished reports, and marks jobs (and history reads) a stopped server left unfinished as failed: interrupted', async () => {
    const { running: firstRunning, client: first } = await serve(config);
    const historyId = (
      await upload(first, `${base}/histories?name=demo.ndjson`, await sampleHistory('demo-2000.ndjson'), {
        'content-type': 'application/x-ndjson',
      })
    ).body.historyId;
    const done = await first.call('POST', `${base}/simulations`, { body: { historyId, limit: 100 } });
    const donePath = `${base}/simulations/${done.body.simulationId}`;
    expect((await waitForJob(first, donePath)).status).toBe('done');
    const report = (await first.call('GET', `${donePath}/report`)).text;

    const long = await first.call('POST', `${base}/simulations`, { body: { historyId } });
    const longPath = `${base}/simulations/${long.body.simulationId}`;
    expect((await waitForJob(first, longPath, (job) => job.status !== 'queued')).status).toBe('running');
    await firstRunning.close(1000);

    // A server killed mid-job leaves its job `running` in the store: write one as a crash would.
    const store = await openEmbeddedStore(dataDir);
    const crashed = await store.simulations.get('demo', done.body.simulationId);
    await store.simulations.put({
      ...crashed!,
      simulationId: 'sim-crashed',
      status: 'running',
      summary: null,
    });
    // And a history it was still reading.
    const read = await store.histories.get('demo', historyId);
    await store.histories.put({ ...read!, historyId: 'h-cut-short', status: 'reading', progress: 0.4 });
    await store.close();

    const { running: secondRunning, client: second } = await serve(config);
    try {
      expect((await second.call('GET', longPath)).body).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('interrupted'),
      });
      expect((await second.call('GET', `${base}/simulations/sim-crashed`)).body).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('interrupted'),
      });
      expect((await second.call('GET', `${base}/histories/h-cut-short`)).body).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('interrupted'),
      });
      expect((await second.call('GET', `${donePath}/report`)).text).toBe(report);
      expect((await second.call('GET', `${donePath}/report.html`)).text).toContain('Business summary');
    } finally {
      await secondRunning.close(1000);
    }
  });
});
