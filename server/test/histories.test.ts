import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';
import { sampleHistory, sampleMapping, upload } from './simulation-harness.ts';

const base = '/api/v1/clients/demo';
const CSV = { 'content-type': 'text/csv' };
const NDJSON = { 'content-type': 'application/x-ndjson' };

describe('mappings and histories', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
    const put = await server.call('PUT', `${base}/mappings/tmall`, {
      body: await sampleMapping('tmall-order-export-mapping.json'),
    });
    expect(put.status).toBe(200);
  });
  afterAll(() => server.stop());

  it('keeps a mapping with its revision; a stale If-Match is 409; a bad mapping is 400 naming the field', async () => {
    const read = await server.call('GET', `${base}/mappings/tmall`);
    expect(read.body).toMatchObject({ mappingId: 'tmall', revision: 1, mapping: { encoding: 'gb18030' } });
    expect(read.headers.get('etag')).toBe('"1"');
    const bad = await server.call('PUT', `${base}/mappings/broken`, {
      body: { columns: { 订单编号: 'nope' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('columns');
    const stale = await server.call('PUT', `${base}/mappings/tmall`, {
      body: read.body.mapping,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    expect(
      (await server.call('GET', `${base}/mappings`)).body.mappings.map(
        (m: { mappingId: string }) => m.mappingId,
      ),
    ).toEqual(['tmall']);
  });

  it('reads the GB18030 Tmall export: every row an order or a skipped row with its line and reason', async () => {
    const csv = await sampleHistory('tmall-order-export.csv');
    const answer = await upload(server, `${base}/histories?name=tmall-november.csv&mapping=tmall`, csv, CSV);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'ready', rows: 50, bytes: csv.length, skipped: 2 });
    const history = await server.call('GET', `${base}/histories/${answer.body.historyId}`);
    expect(history.body.skipped.map((s: { line: number }) => s.line)).toEqual([24, 37]);
    expect(history.body.skipped[1].reason).toContain('2026-11-31');
    expect(history.body).toMatchObject({ format: 'csv', mappingId: 'tmall', name: 'tmall-november.csv' });
  });

  it('takes gzipped NDJSON, counting the bytes it stored', async () => {
    const ndjson = await sampleHistory('demo-2000.ndjson');
    const answer = await upload(server, `${base}/histories?name=demo.ndjson`, gzipSync(ndjson), {
      ...NDJSON,
      'content-encoding': 'gzip',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ rows: 2000, bytes: ndjson.length, skipped: 0 });
  });

  it('reads NDJSON said to be Taobao as TOP trades, and Pinduoduo with its own adapter', async () => {
    const trades = (await sampleHistory('demo-2000.ndjson'))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"tid"'))
      .slice(0, 3);
    const taobao = await upload(
      server,
      `${base}/histories?name=taobao.ndjson&platform=taobao`,
      `${trades.join('\n')}\n`,
      NDJSON,
    );
    expect(taobao.status, taobao.text).toBe(201);
    expect(taobao.body).toMatchObject({ rows: 3, skipped: 0 });
    const pdd = await upload(
      server,
      `${base}/histories?name=pdd.ndjson&platform=pdd`,
      `${trades[0]}\n`,
      NDJSON,
    );
    expect(pdd.status, pdd.text).toBe(201);
    const read = await server.call('GET', `${base}/histories/${pdd.body.historyId}`);
    expect(read.body.skipped).toEqual([{ line: 1, reason: expect.stringMatching(/order_sn.*say tmall$/) }]);
  });

  it('counts a bad NDJSON line as a skipped row, never a failed upload', async () => {
    const lines = (await sampleHistory('demo-2000.ndjson')).toString('utf8').split('\n').slice(0, 3);
    const body = `${lines[0]}\n{"truncated": \n${lines[1]}\n`;
    const answer = await upload(server, `${base}/histories?name=cut.ndjson`, body, NDJSON);
    expect(answer.body).toMatchObject({ rows: 3, skipped: 1 });
    const history = await server.call('GET', `${base}/histories/${answer.body.historyId}`);
    expect(history.body.skipped).toEqual([{ line: 2, reason: expect.stringContaining('not JSON') }]);
  });

  it('refuses what is not CSV or NDJSON before keeping anything, naming the problem', async () => {
    const before = (await server.call('GET', `${base}/histories`)).body.histories.length;
    const plain = await upload(server, `${base}/histories?name=x`, 'a,b\n', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.message).toContain('text/csv');
    const notNdjson = await upload(server, `${base}/histories?name=x`, 'id,time\n1,2\n', NDJSON);
    expect(notNdjson.status).toBe(400);
    expect(notNdjson.body.error.code).toBe('not_ndjson');
    const json = await upload(server, `${base}/histories?name=x&mapping=tmall`, '[{"a":1}]', CSV);
    expect(json.body.error.code).toBe('not_csv');
    const noMapping = await upload(server, `${base}/histories?name=x`, 'a,b\n', CSV);
    expect(noMapping.body.error.code).toBe('mapping_required');
    const notGzip = await upload(server, `${base}/histories?name=x`, '{"a":1}\n', {
      ...NDJSON,
      'content-encoding': 'gzip',
    });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.error.code).toBe('invalid_gzip');
    const gzipUnsaid = await upload(
      server,
      `${base}/histories?name=x.ndjson.gz`,
      gzipSync('{"a":1}\n'),
      NDJSON,
    );
    expect(gzipUnsaid.status).toBe(400);
    expect(gzipUnsaid.body.error.code).toBe('gzip_without_encoding');
    expect(gzipUnsaid.body.error.message).toContain('Content-Encoding: gzip');
    expect((await server.call('GET', `${base}/histories`)).body.histories.length).toBe(before);
  });

  it('refuses a CSV whose header lacks a mapped column with 422 naming it, and keeps nothing', async () => {
    await server.call('PUT', `${base}/mappings/old-system`, {
      body: await sampleMapping('old-system-mapping.json'),
    });
    const csv = await sampleHistory('tmall-order-export.csv');
    const answer = await upload(server, `${base}/histories?name=wrong.csv&mapping=old-system`, csv, CSV);
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toMatch(/column/);
    const names = (await server.call('GET', `${base}/histories`)).body.histories.map(
      (h: { name: string }) => h.name,
    );
    expect(names).not.toContain('wrong.csv');
  });

  it('refuses an upload over MAX_HISTORY_BYTES with 413 naming the limit', async () => {
    const small = await TestServer.start({
      simulations: { maxHistoryBytes: 4096, syncReadBytes: 1 << 20, workers: 1 },
    });
    try {
      const ndjson = await sampleHistory('demo-2000.ndjson');
      const answer = await upload(small, `${base}/histories?name=big.ndjson`, ndjson, NDJSON);
      expect(answer.status).toBe(413);
      expect(answer.body.error.limit).toBe('MAX_HISTORY_BYTES');
      expect((await small.call('GET', `${base}/histories`)).body.histories).toEqual([]);
    } finally {
      await small.stop();
    }
  });

  it('answers a big upload 202 and reads it after, with progress on GET', async () => {
    const lazy = await TestServer.start({
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1024, workers: 1 },
    });
    try {
      const answer = await upload(
        lazy,
        `${base}/histories?name=big.ndjson`,
        await sampleHistory('demo-2000.ndjson'),
        NDJSON,
      );
      expect(answer.status).toBe(202);
      expect(answer.body.status).toBe('reading');
      let history = answer.body;
      while (history.status === 'reading') {
        history = (await lazy.call('GET', `${base}/histories/${answer.body.historyId}`)).body;
      }
      expect(history).toMatchObject({ status: 'ready', rows: 2000, progress: 1 });
    } finally {
      await lazy.stop();
    }
  });

  it('lets viewers read histories but not upload; deletes a history', async () => {
    const viewer = await server.keyFor('viewer', ['demo']);
    const refused = await upload(server, `${base}/histories?name=v.ndjson`, '{}\n', NDJSON, viewer);
    expect(refused.status).toBe(403);
    const list = await server.call('GET', `${base}/histories`, { key: viewer });
    expect(list.status).toBe(200);
    const id = list.body.histories[0].historyId;
    expect((await server.call('DELETE', `${base}/histories/${id}`, { key: viewer })).status).toBe(403);
    expect((await server.call('DELETE', `${base}/histories/${id}`)).status).toBe(204);
    expect((await server.call('GET', `${base}/histories/${id}`)).status).toBe(404);
  });
});
