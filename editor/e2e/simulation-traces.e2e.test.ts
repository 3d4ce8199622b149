import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './support/browser.ts';
import { node } from './support/canvas-actions.ts';
import { REPO } from './support/paths.ts';
import { type ServerUnderTest, startServer } from './support/server-process.ts';
import { hasAttribute, hasText, until } from './support/wait-for.ts';

/**
 * A consultant replays a history against a draft that sends orders down another branch, opens a
 * changed order from the simulation panel, and sees live's path and the draft's in two colours on
 * the canvas (the nodes on both showing both), both decisions side by side, and runs the order,
 * kept with its change, again with the draft.
 */
let server: ServerUnderTest;
let b: TestBrowser;
let page: Page;

const HISTORY = `${REPO}samples/history/demo-2000.ndjson`;

interface Fired {
  strategyId: string;
  nodeIds: string[];
}
interface Change {
  seq: number;
  orderId: string;
  baseline: { carrier: string | null; fired: Fired[] };
  candidate: { carrier: string | null; fired: Fired[] };
  order?: { id: string };
}

const carrierNodes = (fired: Fired[]) =>
  new Set(fired.filter((f) => f.strategyId === 'carrier').flatMap((f) => f.nodeIds));

/** The node's computed style, as the canvas draws it. */
const styleOf = (page: Page, id: string, property: 'outlineColor' | 'outlineStyle' | 'boxShadow') =>
  node(page, id)
    .locator('.og-node')
    .evaluate((el, p) => getComputedStyle(el)[p], property);

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser('zh-CN');
  page = b.page;
}, 120_000);

afterAll(async () => {
  await b?.close();
  await server?.stop();
});

describe('a changed order opened from the simulation', () => {
  it('lights live’s path and the draft’s in two colours, side by side, and runs the order again', async () => {
    // The draft: the "抖音订单" test asks for Tmall instead, so Tmall orders take the Douyin chain
    // and Douyin orders the main one; the start and the test itself stay on both paths.
    const draft = await server.api<{ strategy: { nodes: { id: string; content: unknown }[] } }>(
      'GET',
      '/clients/demo/strategies/carrier',
    );
    const strategy = draft.body.strategy;
    const test = strategy.nodes.find((n) => n.id === 'is-douyin')!;
    test.content = { when: { all: [{ fact: 'platform', operator: 'equal', value: 'tmall' }] } };
    const saved = await server.api('PUT', '/clients/demo/strategies/carrier', strategy, {
      'if-match': draft.etag!,
    });
    expect(saved.status).toBe(200);

    await page.goto(server.url);
    await page.fill('#og-api-key', server.adminKey);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.click('[data-client="demo"]');
    await page.click('[data-strategy="carrier"]');
    await node(page, 'carrier-main').waitFor();
    await page.click('[data-tab="simulation"]');
    await page.setInputFiles('[data-testid="history-file"]', HISTORY);
    await page.click('[data-testid="upload-history"]');
    await hasText(page.locator('[data-testid="upload-done"]'), '2000');
    await page.click('[data-testid="run-simulation"]');
    await until(
      async () =>
        (await page.locator('[data-testid="simulation-status"]').getAttribute('data-status')) === 'done',
      'the simulation done',
      120_000,
    );

    // A changed order of the panel's first page that went down the main chain live and the Douyin chain now.
    const jobs = await server.api<{ simulations: { simulationId: string }[] }>(
      'GET',
      '/clients/demo/simulations',
    );
    const simulationId = jobs.body.simulations[0]!.simulationId;
    const page1 = await server.api<{ changes: Change[] }>(
      'GET',
      `/clients/demo/simulations/${simulationId}/changes`,
    );
    const change = page1.body.changes.find(
      (c) =>
        carrierNodes(c.baseline.fired).has('carrier-main') &&
        carrierNodes(c.candidate.fired).has('carrier-douyin'),
    );
    expect(change, 'a Tmall order whose carrier changed').toBeDefined();
    expect(change!.order?.id).toBe(change!.orderId);
    const row = page.locator(`[data-testid="changed-orders"] tr[data-order-id="${change!.orderId}"]`).first();
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await hasAttribute(page.locator('[data-tab="test"]'), 'aria-selected', 'true');

    // Both paths on the canvas: the nodes each side went through, by side.
    const compare = page.locator('[data-testid="change-compare"]');
    await hasText(compare, change!.orderId);
    await hasAttribute(node(page, 'start').locator('.og-node'), 'data-trace', 'both');
    await hasAttribute(node(page, 'is-douyin').locator('.og-node'), 'data-trace', 'both');
    await hasAttribute(node(page, 'carrier-main').locator('.og-node'), 'data-trace', 'baseline');
    await hasAttribute(node(page, 'carrier-douyin').locator('.og-node'), 'data-trace', 'candidate');
    const edge = (id: string) =>
      page.locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`);
    await hasAttribute(edge('e-start-is-douyin'), 'class', /og-edge--side-both/);
    await hasAttribute(edge('e-is-douyin-carrier-main'), 'class', /og-edge--side-baseline/);
    await hasAttribute(edge('e-is-douyin-carrier-douyin'), 'class', /og-edge--side-candidate/);
    expect(await page.locator('[data-edge-casing="e-start-is-douyin"]').count()).toBe(1);
    // In two colours: live's slate dashes, the draft's blue ring; a node on both has both.
    const SLATE = 'rgb(95, 107, 125)';
    const BLUE = 'rgb(47, 111, 223)';
    expect(await styleOf(page, 'carrier-main', 'outlineColor')).toBe(SLATE);
    expect(await styleOf(page, 'carrier-main', 'outlineStyle')).toBe('dashed');
    expect(await styleOf(page, 'carrier-main', 'boxShadow')).not.toContain(BLUE);
    expect(await styleOf(page, 'carrier-douyin', 'boxShadow')).toContain(BLUE);
    expect(await styleOf(page, 'carrier-douyin', 'outlineStyle')).toBe('none');
    expect(await styleOf(page, 'is-douyin', 'outlineColor')).toBe(SLATE);
    expect(await styleOf(page, 'is-douyin', 'boxShadow')).toContain(BLUE);
    const legend = page.locator('[data-testid="trace-legend"]');
    await hasText(legend, '线上路径');
    await hasText(legend, '草稿路径');

    // Both decisions side by side, the carrier marked as changed; the order filled in to run.
    const carrierRow = compare.locator('tr[data-field="carrier"]');
    await hasAttribute(carrierRow, 'data-changed', 'true');
    await hasText(carrierRow.locator('[data-side="baseline"]'), change!.baseline.carrier ?? '—');
    await hasText(carrierRow.locator('[data-side="candidate"]'), change!.candidate.carrier ?? '—');
    await compare.locator('[data-testid="change-order-filled"]').waitFor();
    const pasted = page.locator('.og-order-picker textarea');
    expect(await pasted.inputValue()).toContain(`"id": "${change!.orderId}"`);
    expect(await page.locator('#og-order-platform').inputValue()).toBe('standard');
    await page.click('[data-testid="fit-view"]');
    await b.shot('traces-01-two-paths');

    // Run again with the draft inside the live pipeline: the draft's carrier, its path lit alone.
    await page.click('[data-testid="rerun-change"]');
    const outcome = page.locator('[data-testid="decision"], [data-testid="test-error"]');
    await outcome
      .first()
      .waitFor()
      .catch(async (e) => {
        await b.shot('traces-02-rerun-failed');
        throw new Error(`${e}\n${b.problems.join('\n')}`);
      });
    expect(
      await page.locator('[data-testid="test-error"]').count(),
      (await outcome.first().textContent()) ?? '',
    ).toBe(0);
    await hasText(page.locator('[data-testid="decision"]'), change!.candidate.carrier!);
    await hasAttribute(node(page, 'carrier-douyin').locator('.og-node'), 'data-lit', 'trace');
    expect(await node(page, 'carrier-main').locator('.og-node').getAttribute('data-lit')).toBeNull();
    expect(await legend.count()).toBe(0);
    await page.locator('[data-testid="decision"]').scrollIntoViewIfNeeded();
    await b.shot('traces-02-rerun');

    // Both paths again on demand.
    await page.click('[data-testid="relight-change"]');
    await hasAttribute(node(page, 'carrier-main').locator('.og-node'), 'data-trace', 'baseline');
    // The same in English.
    await page.click('[data-language="en"]');
    await hasText(legend, 'Live path');
    await hasText(legend, 'Draft path');
    await hasText(compare, 'Changed order');
    await hasText(compare.locator('tr[data-field="carrier"] th'), 'Carrier');
    await page.click('[data-language="zh-CN"]');
    expect(b.problems).toEqual([]);
  }, 240_000);
});

describe('a strategy whose saved layout overlaps', () => {
  it('is laid out when opened, as an unsaved edit, with a notice', async () => {
    // The approval strategy saved as another tool might write it: every node stacked at one spot.
    const draft = await server.api<{
      strategy: { nodes: { id: string; position: { x: number; y: number } }[] };
    }>('GET', '/clients/demo/strategies/approval');
    const strategy = draft.body.strategy;
    strategy.nodes.forEach((n, i) => {
      n.position = { x: 0, y: i * 10 };
    });
    const saved = await server.api('PUT', '/clients/demo/strategies/approval', strategy, {
      'if-match': draft.etag!,
    });
    expect(saved.status).toBe(200);

    await page.click('[data-testid="breadcrumb-client"]');
    const leave = page.locator('[data-testid="leave-discard"]');
    if ((await leave.count()) > 0) await leave.click();
    await page.click('[data-strategy="approval"]');
    await hasText(page.locator('[data-testid="layout-notice"]'), '自动排列');
    await until(
      async () => (await page.locator('.react-flow__node').count()) === strategy.nodes.length,
      'every node',
    );
    // Every node's box clear of every other's, as drawn.
    const boxes = await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1,
        ),
    );
    expect(overlapping).toEqual([]);
    // Not saved behind the consultant's back: the server's draft still has the stacked layout.
    const after = await server.api<{ strategy: { nodes: { position: { x: number } }[] } }>(
      'GET',
      '/clients/demo/strategies/approval',
    );
    expect(after.body.strategy.nodes.every((n) => n.position.x === 0)).toBe(true);
    await b.shot('traces-03-laid-out-on-open');
    await page.click('[data-testid="layout-notice"] button');
    expect(await page.locator('[data-testid="layout-notice"]').count()).toBe(0);
    expect(b.problems).toEqual([]);
  }, 60_000);
});
