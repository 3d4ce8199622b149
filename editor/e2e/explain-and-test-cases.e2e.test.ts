import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './support/browser.ts';
import { node, viewportSettled } from './support/canvas-actions.ts';
import { REPO } from './support/paths.ts';
import { type ServerUnderTest, startServer } from './support/server-process.ts';
import { hasAttribute, hasCount, hasText, until } from './support/wait-for.ts';

/**
 * A consultant asks why: tries an unpaid order on the demo approval, reads a sentence per hold,
 * clicks a check that did not fire and sees the test that stopped the order; keeps the order as a
 * test case and runs every case; reads the diff of a case whose expectation went stale; and sees the
 * static analysis' warnings on a drawn strategy's nodes and in 问题. In Chinese, then English.
 */
let server: ServerUnderTest;
let b: TestBrowser;
let page: Page;

const order = (file: string) => JSON.parse(readFileSync(`${REPO}samples/orders/${file}`, 'utf8'));

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser('zh-CN');
  page = b.page;
}, 120_000);

afterAll(async () => {
  await b?.close();
  await server?.stop();
});

async function openStrategy(id: string) {
  await page.goto(new URL(`clients/demo/strategies/${id}`, server.url).href);
  await node(page, 'start').waitFor();
}

async function runSample(sample: string) {
  await page.click('[data-tab="test"]');
  await page.selectOption('#og-order-source', `sample:${sample}`);
  await page.selectOption('#og-test-scope', 'alone');
  await page.click('[data-testid="run-test"]');
  await page.locator('[data-testid="decision"]').waitFor();
}

describe('why, why not, test cases and static analysis in the editor', () => {
  it('signs in', async () => {
    await page.goto(server.url);
    await page.fill('#og-api-key', server.adminKey);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.locator('[data-client="demo"]').waitFor();
  });

  it('explains each hold of an unpaid order, and says why a check that did not fire stayed dark', async () => {
    await openStrategy('approval');
    await runSample('standard-unpaid');
    const explanations = page.locator('[data-testid="explanations"]');
    await hasText(
      explanations,
      '拦截：买家未付款或未付清（货到付款除外）（节点 未付款/部分付款「是」：付款状态 = unpaid',
    );
    const holds = await page.locator('[data-testid="decision"] .og-issue--error').count();
    expect(await explanations.locator('[data-kind="hold"]').count()).toBe(holds);
    await hasAttribute(node(page, 'hold-unpaid').locator('.og-node'), 'data-lit', 'trace');

    // A node on the lit path, then one the order never reached.
    await page.click('[data-testid="fit-view"]');
    await viewportSettled(page);
    await node(page, 'hold-unpaid').click();
    await hasAttribute(page.locator('[data-testid="why-not"]'), 'data-kind', 'fired');
    await node(page, 'hold-refund').click();
    const why = page.locator('[data-testid="why-not"]');
    await hasAttribute(why, 'data-kind', 'blocked');
    await hasText(
      why,
      '订单没有走 节点 退款中 的「是」分支：退款状态 = none，需要 属于 pending、partRefunded',
    );
    await b.shot('explain-01-why-and-why-not');
  });

  it('reads the Pinduoduo sample as PDD answers it, and flags its masked address as encrypted', async () => {
    await runSample('pdd-masked-receiver');
    await hasText(page.locator('[data-testid="test-ran"]'), '按拼多多读取');
    await hasText(page.locator('[data-testid="explanations"]'), '地址被平台加密');
    await runSample('standard-unpaid');
  });

  it('keeps the order as a test case and runs every case with pass or fail', async () => {
    const before = (
      await server.api<{ strategy: { tests: unknown[] } }>('GET', '/clients/demo/strategies/approval')
    ).body.strategy.tests.length;
    await page.fill('[data-testid="test-case-name"]', '未付款订单（界面保存）');
    await page.click('[data-testid="save-test-case"]');
    await hasText(page.locator('[data-testid="test-case-saved"]'), '未付款订单（界面保存）');
    await page.click('[data-testid="run-test-cases"]');
    const cases = page.locator('[data-testid="test-case"]');
    await hasCount(cases, before + 1);
    await hasText(
      page.locator('[data-testid="test-cases-summary"]'),
      `${before + 1} 个用例通过 ${before + 1} 个`,
    );
    await hasAttribute(cases.last(), 'data-passed', 'true');
    await hasText(cases.last(), '未付款订单（界面保存）');
    await page.locator('[data-testid="test-cases"]').scrollIntoViewIfNeeded();
    await b.shot('explain-02-test-cases');

    // Saved with the draft, it is there for `ordergraph test` too.
    await page.keyboard.press('Control+S');
    await until(async () => {
      const saved = await server.api<{
        strategy: { tests: { name: string; expect: { holds?: string[] } }[] };
      }>('GET', '/clients/demo/strategies/approval');
      const kept = saved.body.strategy.tests.find((t) => t.name === '未付款订单（界面保存）');
      return kept?.expect.holds?.includes('unpaid') === true;
    }, 'the saved test case in the stored draft');
  });

  it('shows expected against actual for a case whose expectation went stale', async () => {
    const draft = await server.api<{ strategy: Record<string, unknown> & { tests: unknown[] } }>(
      'GET',
      '/clients/demo/strategies/routing',
    );
    const stale = {
      name: '杭州订单走西安仓（过期）',
      platform: 'standard',
      order: order('standard-hangzhou.json'),
      expect: { warehouse: 'WH-XA' },
    };
    const put = await server.api(
      'PUT',
      '/clients/demo/strategies/routing',
      { ...draft.body.strategy, tests: [...draft.body.strategy.tests, stale] },
      { 'if-match': draft.etag! },
    );
    expect(put.status).toBe(200);
    await openStrategy('routing');
    await page.click('[data-tab="test"]');
    await page.click('[data-testid="run-test-cases"]');
    const failed = page.locator('[data-testid="test-case"][data-passed="false"]');
    await hasCount(failed, 1);
    await hasText(failed, '杭州订单走西安仓（过期）');
    const row = failed.locator('[data-testid="test-diff"] tbody tr');
    await hasCount(row, 1);
    await hasText(row.locator('td').nth(0), 'warehouse');
    await hasText(row.locator('.og-test-diff__expected'), '"WH-XA"');
    await hasText(row.locator('.og-test-diff__actual'), '"WH-');
    await failed.scrollIntoViewIfNeeded();
    await b.shot('explain-03-stale-case-diff');
  });

  it('warns on the canvas and in 问题 about a contradiction, a shadowed row and a stage always held first', async () => {
    const start = { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 120 } };
    const created = await server.api('POST', '/clients/demo/strategies', {
      formatVersion: 1,
      id: 'analysis-demo',
      clientId: 'demo',
      family: 'routing',
      name: '分析示例',
      hitPolicy: 'first',
      nodes: [
        start,
        {
          id: 'qty',
          kind: 'condition',
          name: '件数异常',
          position: { x: 260, y: 0 },
          content: {
            when: {
              all: [
                { fact: 'totals.qty', operator: 'greaterThan', value: 5 },
                { fact: 'totals.qty', operator: 'lessThan', value: 3 },
              ],
            },
          },
        },
        {
          id: 'to-bj',
          kind: 'action',
          name: '北京仓',
          position: { x: 560, y: 0 },
          content: { type: 'route', params: { warehouse: 'WH-BJ' } },
        },
        {
          id: 'unpaid',
          kind: 'condition',
          name: '未付款普通订单',
          position: { x: 260, y: 400 },
          content: {
            when: {
              all: [
                { fact: 'payStatus', operator: 'equal', value: 'unpaid' },
                { fact: 'type', operator: 'equal', value: 'normal' },
              ],
            },
          },
        },
        {
          id: 'to-sh',
          kind: 'action',
          name: '上海仓',
          position: { x: 560, y: 400 },
          content: { type: 'route', params: { warehouse: 'WH-SH' } },
        },
        {
          id: 'table',
          kind: 'decisionTable',
          name: '分仓表',
          position: { x: 560, y: 200 },
          content: {
            inputs: [{ id: 'province', fact: 'receiver.province' }],
            outputs: [{ id: 'warehouse', param: 'warehouse' }],
            eventType: 'route',
            rows: [
              {
                id: 'east',
                when: { province: { operator: 'in', value: ['浙江省', '江苏省'] } },
                outputs: { warehouse: 'WH-SH' },
              },
              {
                id: 'zj',
                when: { province: { operator: 'equal', value: '浙江省' } },
                outputs: { warehouse: 'WH-WH' },
              },
            ],
          },
        },
      ],
      edges: [
        { id: 'e0', source: 'start', target: 'unpaid' },
        { id: 'e01', source: 'unpaid', target: 'to-sh', sourceHandle: 'true' },
        { id: 'e1', source: 'start', target: 'qty' },
        { id: 'e2', source: 'qty', target: 'to-bj', sourceHandle: 'true' },
        { id: 'e3', source: 'qty', target: 'table', sourceHandle: 'false' },
      ],
    });
    expect(created.status).toBe(201);
    await openStrategy('analysis-demo');
    await node(page, 'table').locator('[data-testid="node-issue-badge"]').waitFor();
    await page.click('[data-tab="issues"]');
    const list = page.locator('[data-testid="issue-list"]');
    await hasText(
      list.locator('[data-code="never_holds"]'),
      '「商品件数 大于 5」与「商品件数 小于 3」不可能同时成立',
    );
    await hasText(
      list.locator('[data-code="shadowed_row"][data-node-id="table"]'),
      '第 zj 行永远不会命中：它匹配的订单都先被第 east 行命中',
    );
    // Across the client's strategies: the published approval holds every unpaid normal order first.
    const held = list.locator('[data-code="held_before_reached"]');
    await hasCount(held, 1);
    await hasAttribute(held, 'data-node-id', 'to-sh');
    await hasText(held, '该节点处理的订单都会先被审单拦截（approval / hold-unpaid：unpaid）');
    await b.shot('explain-04-analysis-zh');

    await page.click('[data-language="en"]');
    await hasText(
      list.locator('[data-code="shadowed_row"]'),
      'row zj never wins: every order it matches, row east above it matches first',
    );
    await hasText(
      list.locator('[data-code="never_holds"]'),
      '"Item count greater than 5" and "Item count less than 3" can never all hold',
    );
    await b.shot('explain-05-analysis-en');
  });

  it('says the same in English in the test panel', async () => {
    await openStrategy('approval');
    await runSample('standard-unpaid');
    await hasText(
      page.locator('[data-testid="explanations"]'),
      'Held: 买家未付款或未付清（货到付款除外） (node 未付款/部分付款「yes」: Payment status = unpaid',
    );
    await page.click('[data-testid="fit-view"]');
    await viewportSettled(page);
    await node(page, 'hold-refund').click();
    await hasText(
      page.locator('[data-testid="why-not"]'),
      'The order did not take the "yes" branch of node 退款中: Refund status = none, needs is one of pending, partRefunded',
    );
    await b.shot('explain-06-english');
    await page.click('[data-language="zh-CN"]');
    expect(b.problems).toEqual([]);
  });
});
