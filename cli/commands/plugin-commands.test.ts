import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { riskStrategy } from '../../engine/nodes/plugin/plugin-strategies.test-helper.ts';
import { runCli } from '../../test-support/run-cli.ts';
import { CliExit } from '../exit.ts';
import { pluginBuildCommand } from './plugin-build.ts';
import { pluginTestCommand } from './plugin-test.ts';

const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'ordergraph-plugin-cli-'));
const built = join(tmp, 'built');

const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

/** Runs a command in this process (each spawned CLI would start node, tsx and a worker), capturing its output. */
async function capture(command: () => Promise<void>) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  let code = 0;
  try {
    await command();
  } catch (error) {
    if (!(error instanceof CliExit)) throw error;
    code = error.exitCode;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

const order = file(
  'order.json',
  JSON.stringify({
    id: 'CLI-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 10 },
    buyerMessage: 'loop',
    receiver: {
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '江苏省南京市 某某村',
      phone: '170****1111',
    },
    lines: [{ sku: 'A', qty: 1, price: 10 }],
  }),
);

describe('ordergraph plugin', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds every sample beside each other with --out, and names a broken source at file:line:column', async () => {
    const samples = await capture(() => pluginBuildCommand(join(root, 'plugins/samples'), { out: built }));
    expect(samples).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `built ${join(built, 'address-risk.plugin.json')}: fact plugin addressRisk@1.0.0`,
        `built ${join(built, 'gift-stock.plugin.json')}: action plugin giftStock@1.0.0`,
        `built ${join(built, 'remark-classifier.plugin.json')}: operator plugin remarkClassifier@1.0.0\n`,
      ].join('\n'),
    });
    const broken = file(
      'broken.plugin.ts',
      "import { definePlugin } from '@ordergraph/plugin-sdk';\nconst x = ;\n",
    );
    expect(await capture(() => pluginBuildCommand(broken, {}))).toEqual({
      code: 1,
      stdout: '',
      stderr: `${broken}:2:11: Unexpected ";"\n`,
    });
  });

  it('tests a plugin on one order in the sandbox: its result, or its named error', async () => {
    const tested = await capture(() => pluginTestCommand(join(built, 'address-risk.plugin.json'), { order }));
    expect(JSON.parse(tested.stdout)).toEqual({
      score: 85,
      level: 'high',
      reasons: ['other_province', 'rural', 'virtual_number'],
    });
    const looping = file(
      'looping.plugin.ts',
      `import { definePlugin } from '@ordergraph/plugin-sdk';
export default definePlugin({
  manifest: { kind: 'fact', id: 'looping', version: '1.0.0', name: 'l', reads: ['buyerMessage'], outputs: { n: { type: 'number' } } },
  run(order) { while (order.buyerMessage === 'loop') {} return { n: 1 }; },
});`,
    );
    const loops = await capture(() => pluginTestCommand(looping, { order }));
    expect(loops.code).toBe(1);
    expect(loops.stderr).toMatch(/^error: plugin looping@1\.0\.0 failed: plugin_timeout: /);
  });

  it('runs strategies with --plugins, and exits when done', () => {
    const strategy = file('risk.strategy.json', JSON.stringify(riskStrategy()));
    const run = runCli(['run', '--strategy', strategy, '--order', order, '--plugins', built], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'held', holds: [{ reason: 'address_risk' }] });
  });

  it('runs --plugins on a TOP trade whose 19-digit ids are JSON numbers, keeping every digit', () => {
    const sample = readFileSync(join(root, 'samples/orders/tmall-two-lines-presale.json'), 'utf8');
    // As TOP sends a trade: ids as bare numbers, no `*_str` twins.
    const top = sample
      .replace(/\s*"(tid|oid)_str": "\d+",/g, '')
      .replace(/"(tid|oid)": "(\d+)"/g, '"$1": $2');
    expect(top).toContain('"tid": 4012345678901234567');
    const strategy = file('risk-top.strategy.json', JSON.stringify(riskStrategy()));
    const run = runCli(
      ['run', '--strategy', strategy, '--order', file('top.json', top), '--plugins', built],
      {
        cwd: root,
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ orderId: '4012345678901234567' });
  });
});
