import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost } from '../../../sandbox/index.ts';
import type { BuiltPlugin } from '../../sdk/index.ts';
import { buildSample, resultValue, runSample, testOrder } from '../samples.test-helper.ts';

describe('address-risk sample (fact plugin, in the sandbox)', () => {
  let host: PluginHost;
  let plugin: BuiltPlugin;

  beforeAll(async () => {
    host = new PluginHost({ workers: 1 });
    plugin = await buildSample(host, 'address-risk');
  });
  afterAll(() => host.close());

  it('builds to a fact manifest reading only the receiver fields it needs', () => {
    expect(plugin.manifest).toMatchObject({
      kind: 'fact',
      id: 'addressRisk',
      version: '1.0.0',
      reads: ['receiver.province', 'receiver.address', 'receiver.phone'],
    });
  });

  it('scores each sign, caps at 100, and leaves an ordinary city address at 0', async () => {
    const orders = [
      testOrder(),
      testOrder({ receiver: { address: '文三路 478 号 江苏省南京市鼓楼区中山路 1 号' } }),
      testOrder({ receiver: { address: '良渚街道 新港村 3 组 18 号' } }),
      testOrder({ receiver: { phone: '170****1234' } }),
      testOrder({ receiver: { address: '文三路 1 号 收件人 13912345678 或 16512345678' } }),
      testOrder({
        receiver: { phone: '171****0000', address: '广东省深圳市 下沙村 13812345678 13987654321' },
      }),
    ];
    const results = (await runSample(host, plugin, orders)).map(resultValue);
    expect(results).toEqual([
      { score: 0, level: 'low', reasons: [] },
      { score: 40, level: 'medium', reasons: ['other_province'] },
      { score: 15, level: 'low', reasons: ['rural'] },
      { score: 30, level: 'medium', reasons: ['virtual_number'] },
      { score: 65, level: 'high', reasons: ['phone_in_address', 'two_phones', 'virtual_number'] },
      {
        score: 100,
        level: 'high',
        reasons: ['other_province', 'phone_in_address', 'two_phones', 'rural', 'virtual_number'],
      },
    ]);
  });

  it('does not count street names borrowed from provinces, or a Shanghai 新村', async () => {
    const shanghai = testOrder({
      receiver: {
        province: '上海市',
        city: '上海市',
        district: '长宁区',
        address: '江苏路 100 弄 曹杨新村 5 号',
      },
    });
    expect(resultValue((await runSample(host, plugin, [shanghai]))[0])).toEqual({
      score: 0,
      level: 'low',
      reasons: [],
    });
  });

  it('takes the rural weight from the node params', async () => {
    const rural = testOrder({ receiver: { address: '某某乡 王家屯' } });
    const [result] = await runSample(host, plugin, [rural], { ruralWeight: 55 });
    expect(resultValue(result)).toEqual({ score: 55, level: 'medium', reasons: ['rural'] });
  });
});
