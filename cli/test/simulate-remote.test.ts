import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../../server/test/harness.ts';
import { runCliAsync } from '../../test-support/run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const history = join(root, 'samples/history');

const ordergraph = (args: string[]) => runCliAsync(args, { cwd: root });
/** The sample Tmall export and its mapping, as `--orders` and `--map`. */
const tmallExport = [
  '--orders',
  join(history, 'tmall-order-export.csv'),
  '--map',
  join(history, 'tmall-order-export-mapping.json'),
];

describe('ordergraph simulate --server', () => {
  let server: TestServer;
  let consultant: string;
  const out = mkdtempSync(join(tmpdir(), 'ordergraph-remote-'));
  beforeAll(async () => {
    server = await TestServer.start({
      simulations: { maxHistoryBytes: 1 << 30, syncReadBytes: 1 << 30, workers: 1 },
    });
    consultant = await server.keyFor('consultant', ['demo']);
  });
  afterAll(() => server.stop());
  /** `ordergraph simulate` against the test server with `key`, then `args`. */
  const simulateOnServer = (key: string, args: string[]) =>
    ordergraph(['simulate', '--server', server.running.url, '--key', key, ...args]);

  it('uploads the Tmall export and its mapping, runs it on the server and downloads both reports', async () => {
    const json = join(out, 'report.json');
    const html = join(out, 'report.html');
    const result = await simulateOnServer(consultant, [...tmallExport, '--json', json, '--html', html]);
    expect(result.stderr).toContain('50 orders, 2 rows skipped');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ orders: 50, skippedTotal: 2, input: { file: 'tmall-order-export.csv' } });
    expect(report.business.candidate.decided).toBe(48);
    expect(readFileSync(html, 'utf8')).toContain('Business summary');
    const mapping = await server.call('GET', '/api/v1/clients/demo/mappings/tmall-order-export-mapping');
    expect(mapping.status).toBe(200);
  });

  it('replays candidates in place of their live strategies, several after one --candidate, as the help example writes them', async () => {
    const json = join(out, 'candidates.json');
    const result = await simulateOnServer(consultant, [
      ...tmallExport,
      '--candidate',
      'carrier@1',
      'routing',
      '--json',
      json,
    ]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.strategies.path).toMatch(/with carrier version 1, routing draft$/);
    expect(report.baseline.decided).toBe(48);
  });

  it('uploads an export already gzipped as it is, so the server reads the export, not its gzip bytes', async () => {
    const gzipped = join(out, 'tmall-order-export.csv.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(join(history, 'tmall-order-export.csv'))));
    const json = join(out, 'gzipped.json');
    const result = await simulateOnServer(consultant, [
      '--orders',
      gzipped,
      '--map',
      join(history, 'tmall-order-export-mapping.json'),
      '--json',
      json,
    ]);
    expect(result.stderr).toContain('50 orders, 2 rows skipped');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({
      orders: 50,
      skippedTotal: 2,
      input: { file: 'tmall-order-export.csv.gz' },
    });
    expect(report.business.candidate.decided).toBe(48);
  });

  it('exits 2 naming the server refusal, for a viewer key', async () => {
    const viewer = await server.keyFor('viewer', ['demo']);
    const result = await simulateOnServer(viewer, ['--orders', join(history, 'demo-2000.ndjson')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('403 forbidden');
  });
});
