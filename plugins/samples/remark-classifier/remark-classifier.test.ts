import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost } from '../../../sandbox/index.ts';
import type { BuiltPlugin } from '../../sdk/index.ts';
import { buildSample, resultValue, runSample } from '../samples.test-helper.ts';

const CATEGORIES = ['urge', 'address_change', 'complaint', 'invoice', 'other'];

describe('remark-classifier sample (operator plugin, in the sandbox)', () => {
  let host: PluginHost;
  let plugin: BuiltPlugin;

  beforeAll(async () => {
    host = new PluginHost({ workers: 1 });
    plugin = await buildSample(host, 'remark-classifier');
  });
  afterAll(() => host.close());

  it('builds to an operator manifest typing its fact and value', () => {
    expect(plugin.manifest).toMatchObject({
      kind: 'operator',
      id: 'remarkClassifier',
      inputs: { fact: { type: 'string' }, value: { type: 'string', enum: CATEGORIES } },
      outputs: { type: 'boolean' },
    });
  });

  it.each([
    ['麻烦尽快发货，急用', 'urge'],
    ['地址写错了，请帮忙改地址到浦东', 'address_change'],
    ['再不发货我就投诉，顺便催一下', 'complaint'],
    ['需要开发票，抬头：某某公司 税号 91330100', 'invoice'],
    ['发顺丰，不要放驿站', 'other'],
    ['', 'other'],
  ])('puts "%s" in %s, and in no other category', async (message, category) => {
    const results = await runSample(
      host,
      plugin,
      CATEGORIES.map((value) => ({ fact: message, value })),
    );
    expect(results.map(resultValue)).toEqual(CATEGORIES.map((value) => value === category));
  });
});
