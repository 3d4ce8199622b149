import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../test-support/run-cli.ts';
import { nodeHits, type RuleHit } from '../src/core/simulation/node-hits.ts';
import { openBrowser, type TestBrowser } from './support/browser.ts';
import { node, viewportSettled } from './support/canvas-actions.ts';
import { EDITOR, REPO } from './support/paths.ts';
import { type ServerUnderTest, startServer } from './support/server-process.ts';
import { hasAttribute, hasText, until } from './support/wait-for.ts';

/**
 * A consultant replays an old system's export against a changed carrier strategy: uploads the CSV
 * through a mapping drawn in the panel (its first rows previewed), runs the draft inside the live
 * pipeline against live, follows the progress, reads the charts and the changed orders, opens one
 * for the test panel, and finds the rule hits on the canvas.
 */
let server: ServerUnderTest;
let b: TestBrowser;
let page: Page;
let scratch: string;

const FIXTURE = `${EDITOR}e2e/fixtures/order-export-small.csv`;
/** The fixture's columns (an old OMS's export: one row per order line) and the fields they fill. */
const COLUMNS: Record<string, string> = {
  订单编号: 'id',
  平台: 'platform',
  店铺: 'shop',
  下单时间: 'createdAt',
  付款时间: 'paidAt',
  付款状态: 'payStatus',
  订单金额: 'amounts.total',
  实付金额: 'amounts.paid',
  运费: 'amounts.freight',
  买家ID: 'buyer.id',
  买家昵称: 'buyer.nick',
  收货人: 'receiver.name',
  手机: 'receiver.phone',
  省: 'receiver.province',
  市: 'receiver.city',
  区: 'receiver.district',
  详细地址: 'receiver.address',
  买家留言: 'buyerMessage',
  卖家备注: 'sellerMemo',
  商家编码: 'lines.sku',
  商品名称: 'lines.name',
  数量: 'lines.qty',
  单价: 'lines.price',
};

/** Jobs run in the server's worker threads, which take seconds to start on a busy machine. */
const statusIs = (status: string, timeout: number) =>
  until(
    async () =>
      (await page.locator('[data-testid="simulation-status"]').getAttribute('data-status')) === status,
    `the simulation ${status}`,
    timeout,
  );

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ordergraph-sim-e2e-'));
  server = await startServer();
  b = await openBrowser('zh-CN');
  page = b.page;
}, 120_000);

afterAll(async () => {
  await b?.close();
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('the simulation panel', () => {
  it('uploads a CSV through a mapping, replays the draft against live, and shows what changes', async () => {
    // The draft: every order the live carrier strategy gives YUNDA goes ZTO instead.
    const draft = await server.api<{ strategy: unknown }>('GET', '/clients/demo/strategies/carrier');
    const changed = JSON.parse(JSON.stringify(draft.body.strategy).replaceAll('"YUNDA"', '"ZTO"'));
    const saved = await server.api('PUT', '/clients/demo/strategies/carrier', changed, {
      'if-match': draft.etag!,
    });
    expect(saved.status).toBe(200);

    await page.goto(server.url);
    await page.fill('#og-api-key', server.adminKey);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.click('[data-client="demo"]');
    await page.click('[data-strategy="carrier"]');
    await page.locator('.react-flow__node').first().waitFor();
    await page.click('[data-tab="simulation"]');
    await hasText(page.locator('[data-testid="simulation-panel"]'), '还没有历史订单');

    // Choose the file: its header and first row appear, to be mapped column by column.
    await page.setInputFiles('[data-testid="history-file"]', FIXTURE);
    const editor = page.locator('[data-testid="mapping-editor"]');
    await editor.locator('tr[data-column="订单编号"]').waitFor();
    await hasText(editor.locator('tr[data-column="省"]'), '浙江省');
    await page.fill('#og-mapping-id', 'old-oms');
    for (const [column, field] of Object.entries(COLUMNS)) {
      await editor.locator(`tr[data-column="${column}"] select`).selectOption(field);
    }
    // The first rows as the server will read them: order id and province where they belong.
    const preview = editor.locator('[data-testid="mapping-preview"]');
    await hasText(preview.locator('thead'), 'receiver.province');
    await hasText(preview.locator('tbody tr').first(), '6907061901688855723');
    await hasText(preview.locator('tbody tr').first(), '丽水市');
    await preview.scrollIntoViewIfNeeded();
    await b.shot('sim-01-mapping');

    await page.click('[data-testid="upload-history"]');
    await hasText(page.locator('[data-testid="upload-done"]'), '跳过');
    // The server kept the mapping as drawn, and the new history is the one chosen to replay.
    const mapping = await server.api<{ mapping: { columns: Record<string, string> } }>(
      'GET',
      '/clients/demo/mappings/old-oms',
    );
    expect(Object.values(mapping.body.mapping.columns).sort()).toEqual(Object.values(COLUMNS).sort());
    await hasText(page.locator('#og-sim-history'), 'order-export-small');

    // Run: progress while it runs, then the report.
    await page.click('[data-testid="run-simulation"]');
    await page.locator('[data-testid="simulation-status"]').waitFor();
    await b.shot('sim-02-running');
    await statusIs('done', 90_000);
    const charts = page.locator('[data-testid="sim-chart"]');
    await until(async () => (await charts.count()) === 7, 'seven charts');
    const carriers = page.locator('[data-chart="carriers"]');
    // Both series drawn, YUNDA among the live ones (echarts draws SVG text).
    await hasText(carriers, '线上');
    await hasText(carriers, '此草稿');
    await hasText(carriers, 'YUNDA');
    await carriers.scrollIntoViewIfNeeded();
    await b.shot('sim-03-charts');

    // The changed orders: only carrier changes here, each YUNDA → ZTO.
    const jobs = await server.api<{ simulations: { simulationId: string; summary: { changed: number } }[] }>(
      'GET',
      '/clients/demo/simulations',
    );
    const job = jobs.body.simulations[0]!;
    expect(job.summary.changed).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="changed-orders"] tbody tr');
    await until(
      async () => (await rows.count()) === job.summary.changed,
      `${job.summary.changed} changed rows`,
    );
    await hasText(rows.first(), 'YUNDA');
    await hasText(rows.first(), 'ZTO');
    await page.selectOption('[data-testid="change-kind"]', 'warehouse');
    await hasText(page.locator('[data-testid="changed-orders"]'), '没有此类变化的订单');
    await page.selectOption('[data-testid="change-kind"]', 'carrier');
    await until(async () => (await rows.count()) === job.summary.changed, 'carrier changes again');
    await page.locator('[data-testid="changed-orders"]').scrollIntoViewIfNeeded();
    await b.shot('sim-04-changed-orders');

    // Rule hits on the canvas, as the report counts them for this strategy's nodes.
    const report = await server.api<{ ruleHits: RuleHit[] }>(
      'GET',
      `/clients/demo/simulations/${job.simulationId}/report`,
    );
    const expected = nodeHits(report.body.ruleHits, 'carrier');
    expect([...expected.values()].some((n) => n > 0)).toBe(true);
    await until(
      async () => (await page.locator('[data-testid="node-sim-hits"]').count()) === expected.size,
      `${expected.size} hit badges`,
    );
    for (const [nodeId, hits] of expected) {
      await hasAttribute(
        page.locator(`.react-flow__node[data-id="${nodeId}"] [data-testid="node-sim-hits"]`),
        'data-hits',
        String(hits),
      );
    }
    await page.click('[data-testid="fit-view"]');
    await b.shot('sim-05-canvas-hits');

    // A changed order opens in the test panel; back in the panel, it is the one marked open.
    const orderId = await rows.first().getAttribute('data-order-id');
    await rows.first().click();
    await hasAttribute(page.locator('[data-tab="test"]'), 'aria-selected', 'true');
    // The order came with its change, read back through the CSV mapping: filled in to run again.
    await page.locator('[data-testid="change-order-filled"]').waitFor();
    expect(await page.locator('.og-order-picker textarea').inputValue()).toContain(`"id": "${orderId}"`);
    await page.click('[data-tab="simulation"]');
    await hasAttribute(
      page.locator(`[data-testid="changed-orders"] tr[data-order-id="${orderId}"]`),
      'data-open',
      'true',
    );
    expect(b.problems).toEqual([]);
  }, 120_000);

  it('uploads a big NDJSON history with a progress bar, and cancels its replay while it runs', async () => {
    // 20 000 generated orders (about 24 MB): long enough to watch the upload and stop the replay.
    const big = join(scratch, 'demo-20k.ndjson');
    const made = await runCliAsync(['generate', '--client', 'demo', '--count', '20000', '--out', big], {
      cwd: REPO,
    });
    expect(made.code).toBe(0);
    await page.setInputFiles('[data-testid="history-file"]', big);
    await page.click('[data-testid="upload-history"]');
    await page.locator('[data-testid="upload-progress"]').waitFor();
    await b.shot('sim-06-uploading');
    const done = page.locator('[data-testid="upload-done"]');
    await until(
      async () => (await done.count()) > 0 && ((await done.textContent()) ?? '').includes('20000'),
      'the big history read',
      60_000,
    );
    await hasText(page.locator('#og-sim-history'), 'demo-20k');

    await page.selectOption('#og-sim-mode', 'live');
    await page.click('[data-testid="run-simulation"]');
    await statusIs('running', 60_000);
    await page.locator('[data-testid="simulation-progress"]').waitFor();
    await page.click('[data-testid="cancel-simulation"]');
    await statusIs('cancelled', 10_000);
    const jobs = await server.api<{ simulations: { status: string }[] }>('GET', '/clients/demo/simulations');
    expect(jobs.body.simulations[0]!.status).toBe('cancelled');
    await b.shot('sim-07-cancelled');
    expect(b.problems).toEqual([]);
  }, 120_000);

  it('marks the nodes no order reached in the last simulation', async () => {
    await page.click('[data-testid="breadcrumb-client"]');
    await page.click('[data-strategy="approval"]');
    await node(page, 'hold-unpaid').waitFor();
    await page.click('[data-tab="simulation"]');
    await page.selectOption('#og-sim-history', { label: 'order-export-small · 12 单' });
    await page.selectOption('#og-sim-mode', 'live');
    await page.click('[data-testid="run-simulation"]');
    await statusIs('done', 90_000);
    // The small export has no blacklisted buyer: that hold's node is marked, the unpaid one counted.
    const never = node(page, 'hold-blacklist');
    await hasAttribute(never.locator('[data-testid="node-sim-hits"]'), 'data-hits', '0');
    await hasAttribute(never.locator('.og-node'), 'class', /og-node--never-hit/);
    const unpaid = node(page, 'hold-unpaid').locator('[data-testid="node-sim-hits"]');
    await until(async () => Number(await unpaid.getAttribute('data-hits')) > 0, 'unpaid orders counted');
    await b.shot('sim-08-never-hit');
    // Close up: the whole strategy is too small at this zoom to read a badge. A double click on
    // the pane beside the node zooms in there.
    for (let i = 0; i < 3; i++) {
      await viewportSettled(page);
      const box = (await never.boundingBox())!;
      await page.mouse.dblclick(box.x + box.width + 3, box.y + box.height / 2);
    }
    await viewportSettled(page);
    await never.screenshot({ path: `${EDITOR}test-results/sim-09-never-hit-close.png` });
    expect(b.problems).toEqual([]);
  }, 120_000);

  it('previews Excel\'s "Unicode text" (UTF-16LE, tab-separated) once its encoding and separator are chosen', async () => {
    const text = '\uFEFF订单编号\t省\t买家留言\r\n6907061901688855723\t浙江省\t周末, 送到门卫\r\n';
    const unicodeText = join(scratch, 'excel-unicode.txt');
    await writeFile(unicodeText, Buffer.from(text, 'utf16le'));
    await page.setInputFiles('[data-testid="history-file"]', unicodeText);
    const editor = page.locator('[data-testid="mapping-editor"]');
    await editor.waitFor();
    await page.selectOption('#og-mapping-encoding', 'utf-16le');
    await page.selectOption('#og-mapping-delimiter', '\t');
    // Three columns, the comma inside a remark no separator: the first row read as the server will.
    await until(async () => (await editor.locator('tbody tr[data-column]').count()) === 3, 'three columns');
    await hasText(editor.locator('tr[data-column="省"]'), '浙江省');
    await hasText(editor.locator('tr[data-column="买家留言"]'), '周末, 送到门卫');
    await editor.scrollIntoViewIfNeeded();
    await b.shot('sim-10-unicode-text');
    expect(b.problems).toEqual([]);
  }, 60_000);

  it('previews a gzipped CSV export through its mapping, and uploads gzipped NDJSON histories, .gz or not', async () => {
    const csv = join(scratch, 'order-export-small.csv.gz');
    await writeFile(csv, gzipSync(await readFile(FIXTURE)));
    await page.setInputFiles('[data-testid="history-file"]', csv);
    const editor = page.locator('[data-testid="mapping-editor"]');
    await page.selectOption('#og-mapping-encoding', 'utf-8');
    await page.selectOption('#og-mapping-delimiter', ',');
    await hasText(editor.locator('tr[data-column="省"]'), '浙江省');
    expect(await page.inputValue('#og-history-name')).toBe('order-export-small');

    const history = (await readFile(join(REPO, 'samples/history/demo-history.ndjson'), 'utf8')).split('\n');
    const ndjson = join(scratch, 'demo-300.ndjson.gz');
    await writeFile(ndjson, gzipSync(`${history.slice(0, 300).join('\n')}\n`));
    await page.setInputFiles('[data-testid="history-file"]', ndjson);
    await page.click('[data-testid="upload-history"]');
    const done = page.locator('[data-testid="upload-done"]');
    await until(
      async () => (await done.count()) > 0 && ((await done.textContent()) ?? '').includes('300'),
      'the gzipped history read',
      30_000,
    );
    await hasText(page.locator('#og-sim-history'), 'demo-300');

    // Gzipped under its old name: told by its first bytes, as the CLI and the server tell it.
    const renamed = join(scratch, 'demo-200.ndjson');
    await writeFile(renamed, gzipSync(`${history.slice(0, 200).join('\n')}\n`));
    await page.setInputFiles('[data-testid="history-file"]', renamed);
    await page.click('[data-testid="upload-history"]');
    await until(
      async () => (await done.count()) > 0 && ((await done.textContent()) ?? '').includes('200'),
      'the gzipped history under a plain name read',
      30_000,
    );
    await hasText(page.locator('#og-sim-history'), 'demo-200');
    expect(b.problems).toEqual([]);
  }, 60_000);
});
