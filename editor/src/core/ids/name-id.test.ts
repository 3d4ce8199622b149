import { beforeAll, describe, expect, it } from 'vitest';
import { idForName } from './name-id.ts';
import { loadPinyin } from './pinyin.ts';
import type { Romanise } from './readable-id.ts';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

let pinyin: Romanise;
beforeAll(async () => {
  pinyin = await loadPinyin();
});

describe('the id a name gives in a graph', () => {
  it('numbers an id another node has', () => {
    const graph = nodes('start', 'wei-fu-kuan-lan-jie', 'condition-2');
    expect(idForName(graph, 'condition-2', '未付款拦截', pinyin)).toBe('wei-fu-kuan-lan-jie-2');
  });

  it("does not count the node's own id as taken, and gives none when it already has it", () => {
    expect(idForName(nodes('vip', 'start'), 'vip', 'VIP 大单打标', pinyin)).toBe('vip-da-dan-da-biao');
    expect(idForName(nodes('dou-yin-ding-dan'), 'dou-yin-ding-dan', '抖音订单', pinyin)).toBeUndefined();
  });

  it('gives none for a name without words', () => {
    expect(idForName(nodes('condition'), 'condition', '抖音订单')).toBeUndefined();
    expect(idForName(nodes('condition'), 'condition', '', pinyin)).toBeUndefined();
  });
});
