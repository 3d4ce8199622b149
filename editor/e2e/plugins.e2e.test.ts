import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './support/browser.ts';
import { dragKindToCanvas, node } from './support/canvas-actions.ts';
import { type ServerUnderTest, startServer } from './support/server-process.ts';
import { hasAttribute, hasText, isDisabled, until } from './support/wait-for.ts';

/**
 * A plugin developer's whole loop in the 插件 panel (issue 15, item 6): write a plugin with a syntax
 * error, see the build's marker at its line and column, fix it, save the draft, test it on a sample
 * order (and see a fault reported as one), install it, meet the 409 of changed code under the same
 * version, then pick the installed build in a plugin node whose inputs form follows its manifest.
 */
let server: ServerUnderTest;
let b: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser('zh-CN');
  page = b.page;
}, 120_000);

afterAll(async () => {
  await b?.close();
  await server?.stop();
});

const GOOD = `import { definePlugin } from '@ordergraph/plugin-sdk';

export default definePlugin({
  manifest: {
    kind: 'fact',
    id: 'remarkUrgency',
    version: '1.0.0',
    name: 'Remark urgency',
    reads: ['buyerMessage'],
    inputs: {
      level: { type: 'string', enum: ['low', 'high'] },
      strict: { type: 'boolean', optional: true },
    },
    outputs: { urgent: { type: 'boolean' }, level: { type: 'string' } },
  },
  run(order, ctx) {
    if (ctx.params.strict === true) throw new Error('strict mode refuses every order');
    const level = String(ctx.params.level ?? 'low');
    return { urgent: (order.buyerMessage ?? '').length > 0, level };
  },
});
`;

/** Line 17, column 11: \`const = 1;\` (esbuild: "Expected identifier but found \\"=\\""). */
const BROKEN = GOOD.replace('  run(order, ctx) {\n', '  run(order, ctx) {\n    const = 1;\n');
const ERROR_LINE = 17;

const source = () => page.locator('[data-testid="plugin-source"]');

/**
 * Replaces the whole text in Monaco as a developer pasting a file would: a paste event on its input
 * (typed text would be auto-indented line by line; headless Chromium has no system clipboard).
 */
async function setSource(text: string) {
  await source().locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  // Monaco takes input on whatever element has focus (an EditContext element in this Chromium).
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  // The view shows the pasted text: the manifest's name (not the template's) and the run line as pasted.
  const run = text.split('\n').find((line) => line.includes('run(order')) ?? '';
  await until(async () => {
    const shown = (await source().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    return shown.includes("name: 'Remark urgency'") && shown.includes(run);
  }, 'the pasted source');
}

/** The vertical offset of the rendered line holding `text`: where Monaco draws that line. */
async function lineTop(text: string): Promise<number> {
  const line = source().locator('.view-line', { hasText: text });
  return Number.parseFloat((await line.getAttribute('style'))?.match(/top:\s*([\d.]+)px/)?.[1] ?? 'NaN');
}

async function topOf(locator: Locator): Promise<number> {
  // A decoration's row in the overlay layer carries the line's offset.
  return locator.evaluate((el) => Number.parseFloat((el.parentElement as HTMLElement).style.top));
}

describe('the plugins panel', () => {
  it('writes, builds with markers, tests, installs, and picks the plugin in a node', async () => {
    await page.goto(server.url);
    await page.fill('#og-api-key', server.adminKey);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.click('[data-client="demo"]');
    await page.click('[data-strategy="approval"]');
    await page.locator('.react-flow__node').first().waitFor();

    await page.click('[data-tab="plugins"]');
    const panel = page.locator('[data-testid="plugins-panel"]');
    await panel.waitFor();
    // The sample plugins the first start installed are listed.
    await hasText(page.locator('[data-testid="plugins-pick"]'), 'addressRisk');
    await b.shot('plugins-01-panel');

    // A new plugin, then a syntax error in it.
    await page.fill('[data-testid="plugins-new-id"]', 'remarkUrgency');
    await page.click('[data-testid="plugins-new"]');
    await hasAttribute(page.locator('[data-testid="plugin-workbench"]'), 'data-plugin-id', 'remarkUrgency');
    await source().locator('.monaco-editor').waitFor();
    await setSource(BROKEN);
    await page.click('[data-testid="plugin-build"]');
    const problem = page.locator('[data-testid="plugin-problems"] button').first();
    await hasText(problem, `plugin.ts:${ERROR_LINE}:11`);
    await hasAttribute(problem, 'data-line', String(ERROR_LINE));
    await page.locator('[data-testid="plugin-trial-needs-build"]').waitFor();

    // The build's marker is drawn on that very line, and its hover reads the build's message.
    const errorTop = await lineTop('const = 1;');
    await until(
      async () => {
        for (const squiggle of await source().locator('.squiggly-error').all()) {
          if ((await topOf(squiggle)) === errorTop) return true;
        }
        return false;
      },
      `a squiggle on line ${ERROR_LINE}`,
      20_000,
    );
    // A click on the problem puts the cursor there: the current-line highlight moves to that line.
    await problem.click();
    await until(
      async () => (await topOf(source().locator('.current-line').first())) === errorTop,
      'the cursor on the error line',
    );
    // Show hover at the cursor (Ctrl+K Ctrl+I): the build's own message is among the markers there.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hasText(page.locator('.monaco-hover').first(), 'Expected identifier but found');
    await b.shot('plugins-02-build-marker');

    // Fixed: the draft is kept on the server, the build passes and offers a test.
    await setSource(GOOD);
    await page.click('[data-testid="plugin-save-draft"]');
    await hasText(page.locator('[data-testid="plugin-origin"]'), '草稿，第 1 次保存');
    const draft = await server.api<{ source: string; revision: number }>(
      'GET',
      '/clients/demo/plugin-drafts/remarkUrgency',
    );
    expect(draft.body.source).toBe(GOOD);
    await page.click('[data-testid="plugin-build"]');
    await hasAttribute(page.locator('[data-testid="plugin-build-ok"]'), 'data-installed', 'none');
    const trial = page.locator('[data-testid="plugin-trial"]');
    await trial.waitFor();

    // The inputs form follows the manifest: a required choice of low/high, an optional switch.
    const level = trial.locator('[data-input="level"] select');
    await hasText(trial.locator('[data-input="level"] [data-problem="required"]'), '必填');
    await isDisabled(page.locator('[data-testid="plugin-trial-run"]'));
    await level.selectOption('high');
    await page.selectOption('[data-testid="plugin-trial-order"]', 'sample:douyin-emoji-remark');
    await page.click('[data-testid="plugin-trial-run"]');
    await hasAttribute(page.locator('[data-testid="plugin-trial-result"]'), 'data-ok', 'true');
    const value = JSON.parse(await page.locator('[data-testid="plugin-trial-value"]').innerText());
    expect(value).toEqual({ urgent: true, level: 'high' });
    await b.shot('plugins-03-trial');

    // A fault is a typed error, not a broken page.
    await trial.locator('[data-input="strict"] input[type="checkbox"]').check();
    await page.click('[data-testid="plugin-trial-run"]');
    const fault = page.locator('[data-testid="plugin-trial-result"] [data-code="plugin_error"]');
    await hasText(fault, '插件抛出了错误');
    await hasText(fault, 'strict mode refuses every order');
    await b.shot('plugins-04-trial-fault');

    // Install; the same source again changes nothing; other code under 1.0.0 is a clear 409.
    await page.click('[data-testid="plugin-install"]');
    await hasText(page.locator('[data-testid="plugin-installed"]'), '已安装 remarkUrgency@1.0.0');
    // The installed build can be tried as it is, on the same order.
    await trial.locator('[data-input="strict"] input[type="checkbox"]').uncheck();
    await page.selectOption('[data-testid="plugin-trial-target"]', '1.0.0');
    await page.click('[data-testid="plugin-trial-run"]');
    await hasAttribute(page.locator('[data-testid="plugin-trial-result"]'), 'data-ok', 'true');
    await page.click('[data-testid="plugin-install"]');
    await hasAttribute(page.locator('[data-testid="plugin-installed"]'), 'data-created', 'false');
    await setSource(GOOD.replace("String(ctx.params.level ?? 'low')", "String(ctx.params.level ?? 'high')"));
    await page.click('[data-testid="plugin-build"]');
    await hasAttribute(page.locator('[data-testid="plugin-build-ok"]'), 'data-installed', 'other');
    await page.click('[data-testid="plugin-install"]');
    await hasAttribute(page.locator('[data-testid="plugin-install-failed"]'), 'data-status', '409');
    await hasText(page.locator('[data-testid="plugin-install-failed"]'), '升版本号');
    await b.shot('plugins-05-install-conflict');

    // A plugin node: its default build is not installed, and says so; pick the installed one.
    await page.click('[data-tab="inspector"]');
    await dragKindToCanvas(page, 'plugin', { x: 260, y: 560 });
    await node(page, 'plugin').waitFor();
    await node(page, 'plugin').click();
    const picker = page.locator('[data-testid="plugin-node-picker"]');
    await hasAttribute(picker, 'data-install-state', 'pluginMissing');
    await hasText(page.locator('[data-testid="plugin-node-missing"]'), '未安装');
    await page.selectOption('[data-testid="plugin-node-id"]', 'remarkUrgency');
    await hasAttribute(picker, 'data-install-state', 'installed');
    expect(await page.locator('[data-testid="plugin-node-version"]').inputValue()).toBe('1.0.0');
    const nodeLevel = picker.locator('[data-input="level"]');
    await hasText(nodeLevel.locator('[data-problem="required"]'), '必填');
    await hasText(picker.locator('[data-testid="plugin-node-provides"]'), 'urgent (boolean)');
    await nodeLevel.locator('select').selectOption('low');
    await until(async () => (await nodeLevel.locator('[data-problem]').count()) === 0, 'level filled in');
    await picker.scrollIntoViewIfNeeded();
    await b.shot('plugins-06-node-picks-installed');

    // The node's "open in the panel" brings the installed version's source back, after asking: the
    // changed source in the panel was never saved.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.click('[data-testid="plugin-node-open-panel"]');
    expect(await asked).toContain('remarkUrgency 的源码有未保存的修改');
    await hasText(page.locator('[data-testid="plugin-origin"]'), '已安装版本 1.0.0');

    // The same panel in English.
    await page.click('[data-language="en"]');
    await hasText(page.locator('[data-testid="plugin-origin"]'), 'installed version 1.0.0');
    await hasText(page.locator('[data-testid="plugins-panel"] .og-panel-title'), 'Plugins');
    await page.click('[data-testid="plugin-build"]');
    await hasText(page.locator('[data-testid="plugin-build-ok"]'), 'is installed with this very source');
    await hasText(page.locator('[data-testid="plugin-trial"]'), 'Test remarkUrgency@1.0.0 on an order');
    await b.shot('plugins-07-english');
    await page.click('[data-language="zh-CN"]');

    // The failed requests a clean run has, on purpose: the install of other code under 1.0.0 (409).
    expect(b.problems.filter((p) => !p.includes('409'))).toEqual([]);
  }, 180_000);
});
