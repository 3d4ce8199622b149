import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPlugins } from '../../cli/commands/server-plugins.ts';
import { pluginPipelineFactory } from '../../cli/simulate-plugins/plugin-pipeline.ts';
import { configFromEnv } from '../config.ts';
import { TestServer } from './harness.ts';
import { sampleHistory, upload, waitForJob } from './simulation-harness.ts';

const base = '/api/v1/clients/demo';
const SIMULATIONS = { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1 };

/** A server with the sandbox imports the demo's sample plugins and publishes release 2, whose strategies call them. */
describe('simulation jobs over a release that calls plugins', () => {
  let server: TestServer;
  let history: string;
  beforeAll(async () => {
    server = await TestServer.start(
      { simulations: SIMULATIONS },
      { plugins: serverPlugins(configFromEnv({}).plugins), simulationPlugins: pluginPipelineFactory },
    );
    history = (
      await upload(server, `${base}/histories?name=demo.ndjson`, await sampleHistory('demo-2000.ndjson'), {
        'content-type': 'application/x-ndjson',
      })
    ).body.historyId;
  });
  afterAll(() => server.stop());

  it('runs the plugins in the job (deterministic) and reports their rules', async () => {
    const live = await server.call('GET', `${base}/live`);
    const started = await server.call('POST', `${base}/simulations`, {
      body: { historyId: history, limit: 200 },
    });
    expect(started.status).toBe(202);
    const job = await waitForJob(server, `${base}/simulations/${started.body.simulationId}`);
    expect(job).toMatchObject({
      status: 'done',
      baselineRelease: live.body.release,
      summary: { orders: 200 },
    });
    const report = (await server.call('GET', `${base}/simulations/${started.body.simulationId}/report`)).body;
    const pluginStrategies = report.ruleHits.filter((h: { strategyId: string }) =>
      ['address-risk'].includes(h.strategyId),
    );
    expect(pluginStrategies.length).toBeGreaterThan(0);
    expect(report.decided + report.skippedTotal).toBe(200);
  });
});

describe('simulation jobs on a server without a plugin pipeline', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(
      { simulations: SIMULATIONS },
      { plugins: serverPlugins(configFromEnv({}).plugins) },
    );
  });
  afterAll(() => server.stop());

  it('refuses a release that calls plugins with 422 naming the strategies, before any job starts', async () => {
    const history = (
      await upload(server, `${base}/histories?name=demo.ndjson`, '{"id":"A"}\n', {
        'content-type': 'application/x-ndjson',
      })
    ).body.historyId;
    const answer = await server.call('POST', `${base}/simulations`, { body: { historyId: history } });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: 'plugins_not_simulated',
      strategies: expect.arrayContaining(['address-risk']),
    });
    const pure = await server.call('POST', `${base}/simulations`, {
      body: { historyId: history, baseline: { release: 1 } },
    });
    expect(pure.status).toBe(202);
    expect((await waitForJob(server, `${base}/simulations/${pure.body.simulationId}`)).status).toBe('done');
  });
});
