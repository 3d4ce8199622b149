import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';
import { sampleHistory, sampleMapping, upload, waitForJob } from './simulation-harness.ts';

const base = '/api/v1/clients/demo';

describe('simulation jobs', () => {
  let server: TestServer;
  let consultant: string;
  let viewer: string;
  let tmall: string;
  let demo: string;
  beforeAll(async () => {
    server = await TestServer.start({
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1 },
    });
    consultant = await server.keyFor('consultant', ['demo']);
    viewer = await server.keyFor('viewer', ['demo']);
    await server.call('PUT', `${base}/mappings/tmall`, {
      body: await sampleMapping('tmall-order-export-mapping.json'),
    });
    tmall = (
      await upload(
        server,
        `${base}/histories?name=tmall.csv&mapping=tmall`,
        await sampleHistory('tmall-order-export.csv'),
        {
          'content-type': 'text/csv',
        },
      )
    ).body.historyId;
    demo = (
      await upload(server, `${base}/histories?name=demo.ndjson`, await sampleHistory('demo-2000.ndjson'), {
        'content-type': 'application/x-ndjson',
      })
    ).body.historyId;
  });
  afterAll(() => server.stop());

  it('replays the Tmall export through the live release: every row accounted for, with business metrics', async () => {
    const started = await server.call('POST', `${base}/simulations`, {
      key: consultant,
      body: { historyId: tmall },
    });
    expect(started.status).toBe(202);
    const path = `${base}/simulations/${started.body.simulationId}`;
    const job = await waitForJob(server, path);
    expect(job).toMatchObject({
      status: 'done',
      progress: 1,
      baselineRelease: 1,
      summary: { orders: 50, skippedTotal: 2 },
    });
    const report = (await server.call('GET', `${path}/report`, { key: viewer })).body;
    expect(report.orders).toBe(report.decided + report.skippedTotal);
    expect(report.input).toMatchObject({ file: 'tmall.csv', mapping: 'tmall', format: 'csv' });
    expect(report.skipped.map((s: { line: number }) => s.line)).toEqual([24, 37]);
    // An order-level export has no lines: nothing ships from a warehouse, so no parcel and no freight.
    expect(report.business.candidate).toMatchObject({
      decided: 48,
      parcels: { total: 0 },
      freight: { total: 0 },
    });
    expect(report.business.candidate.holdRateByReason.no_lines.orders).toBe(48);
    expect(report.baseline).toBeUndefined();
  });

  it('compares a candidate draft with live: changed orders paged with both decisions, freight side by side', async () => {
    const draft = await server.call('GET', `${base}/strategies/carrier`);
    const strategy = draft.body.strategy;
    const main = strategy.nodes.find((n: { id: string }) => n.id === 'carrier-main');
    const sh = main.content.warehouse.find((w: { warehouse: string }) => w.warehouse === 'WH-SH');
    sh.carrier = 'SF';
    const put = await server.call('PUT', `${base}/strategies/carrier`, {
      body: strategy,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(put.status).toBe(200);

    const started = await server.call('POST', `${base}/simulations`, {
      key: consultant,
      body: {
        historyId: demo,
        candidate: { strategies: [{ strategyId: 'carrier', draft: true }] },
        limit: 400,
        decideAfterMinutes: 30,
      },
    });
    expect(started.status).toBe(202);
    const path = `${base}/simulations/${started.body.simulationId}`;
    const job = await waitForJob(server, path);
    expect(job.status).toBe('done');
    expect(job.summary.changed).toBeGreaterThan(0);
    const report = (await server.call('GET', `${path}/report`)).body;
    expect(report.changed.byKind.carrier.count).toBe(job.summary.changed);
    const { baseline, candidate } = report.business;
    expect(candidate.freight.byCarrier.SF.parcels).toBeGreaterThan(
      baseline.freight.byCarrier.SF?.parcels ?? 0,
    );
    expect(candidate.freight.byCarrier.ZTO?.parcels ?? 0).toBeLessThan(
      baseline.freight.byCarrier.ZTO.parcels,
    );
    expect(candidate.freight.total).not.toBe(baseline.freight.total);
    expect(candidate.parcels.total).toBe(baseline.parcels.total);
    expect(Object.keys(candidate.warehouses)).toContain('WH-SH');
    expect(candidate.warehouses['WH-SH'].peakHour.orders).toBeGreaterThan(0);

    const first = await server.call('GET', `${path}/changes?kind=carrier&limit=2`, { key: viewer });
    expect(first.body.changes).toHaveLength(2);
    const [change] = first.body.changes;
    expect(change).toMatchObject({
      kinds: ['carrier'],
      baseline: { carrier: 'ZTO' },
      candidate: { carrier: 'SF' },
    });
    expect(change.candidate.fired.some((r: { strategyId: string }) => r.strategyId === 'carrier')).toBe(true);
    // The order itself comes with its change, so the editor can run it again: live decides it as the baseline did.
    expect(change.order).toMatchObject({ id: change.orderId, lines: expect.any(Array) });
    expect(change.orderMissing).toBeUndefined();
    const again = await server.call('POST', `${base}/evaluate`, {
      key: consultant,
      body: { order: change.order, dryRun: true },
    });
    expect(again.status).toBe(200);
    expect(again.body.decision.carrier).toBe('ZTO');
    const next = await server.call(
      'GET',
      `${path}/changes?kind=carrier&limit=500&cursor=${first.body.nextCursor}`,
    );
    expect(first.body.changes.length + next.body.changes.length).toBe(job.summary.changed);
    expect(
      next.body.changes.every((c: { orderId: string; order?: { id: string } }) => c.order?.id === c.orderId),
    ).toBe(true);
    expect(next.body.nextCursor).toBeNull();
    expect(next.body.changes[0].seq).toBeGreaterThan(change.seq);

    const html = await server.call('GET', `${path}/report.html`, { key: viewer });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('Freight cost by carrier');
    expect(html.text).toContain('Peak orders per warehouse in one hour');
    expect(html.text).not.toContain('<script');
  });

  it('refuses a candidate that does not compile with 422 naming it, before any job starts', async () => {
    const before = (await server.call('GET', `${base}/simulations`)).body.simulations.length;
    const draft = await server.call('GET', `${base}/strategies/carrier`);
    const strategy = draft.body.strategy;
    strategy.nodes.find((n: { id: string }) => n.id === 'carrier-main').content.warehouse[0].carrier =
      'NO-SUCH-CARRIER';
    await server.call('PUT', `${base}/strategies/carrier`, {
      body: strategy,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    const answer = await server.call('POST', `${base}/simulations`, {
      body: { historyId: demo, candidate: { strategies: [{ strategyId: 'carrier', draft: true }] } },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('candidate_invalid');
    expect(answer.body.error.message).toContain('"carrier"');
    const missing = await server.call('POST', `${base}/simulations`, { body: { historyId: 'h-nope' } });
    expect(missing.status).toBe(404);
    expect((await server.call('GET', `${base}/simulations`)).body.simulations.length).toBe(before);
  });

  it('lets viewers read but not run; answers 409 for the report of a job not done', async () => {
    const refused = await server.call('POST', `${base}/simulations`, {
      key: viewer,
      body: { historyId: demo },
    });
    expect(refused.status).toBe(403);
    const started = await server.call('POST', `${base}/simulations`, { body: { historyId: demo } });
    const path = `${base}/simulations/${started.body.simulationId}`;
    const early = await server.call('GET', `${path}/report`);
    expect([409, 200]).toContain(early.status);
    if (early.status === 409) expect(early.body.error.code).toBe('not_done');
    expect((await waitForJob(server, path)).status).toBe('done');
  });

  it('cancels a running job; a cancelled job cannot be cancelled again', async () => {
    const started = await server.call('POST', `${base}/simulations`, {
      key: consultant,
      body: { historyId: demo },
    });
    const path = `${base}/simulations/${started.body.simulationId}`;
    const running = await waitForJob(server, path, (job) => job.status !== 'queued');
    expect(running.status).toBe('running');
    const cancelled = await server.call('DELETE', path, { key: consultant });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await server.call('GET', path)).body.status).toBe('cancelled');
    expect((await server.call('DELETE', path)).status).toBe(409);
    expect((await server.call('GET', `${path}/report`)).status).toBe(409);
  });
});
