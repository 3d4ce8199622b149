import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Strategy } from '../../core/engine.ts';
import { loadedPinyin, loadPinyin } from '../../core/ids/pinyin.ts';
import { settle } from '../../core/ids/provisional-ids.ts';
import type { StrategyView } from '../../infrastructure/api/api-types.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useSelectionStore } from '../../stores/selection-store.ts';
import { deriveNodeId } from './derive-node-id.ts';

const sample = JSON.parse(
  readFileSync(
    new URL('../../../../samples/clients/demo/strategies/tags.strategy.json', import.meta.url),
    'utf8',
  ),
) as Strategy;

/** The demo tags strategy with three conditions just added from the palette and named in Chinese. */
function openWithNewConditions(...names: string[]): void {
  const added = names.map((name, i) => ({ ...sample.nodes[1], id: `condition-${i + 2}`, name }));
  const strategy = { ...sample, nodes: [...sample.nodes, ...added] } as Strategy;
  const view = { clientId: 'demo', strategyId: 'tags', revision: 1, strategy, issues: [] };
  useDocumentStore.getState().actions.open(view as unknown as StrategyView);
}

const ids = () => useDocumentStore.getState().history?.present.nodes.map((n) => n.id) ?? [];
const named = (name: string) =>
  useDocumentStore.getState().history?.present.nodes.find((n) => n.name === name)?.id;
const pinyinArrived = async () => {
  await loadPinyin();
  // The fix-up runs in the load's own continuation, queued before this one resolved.
  await Promise.resolve();
};

beforeEach(() => useSelectionStore.getState().actions.clear());

describe('naming a node derives its id', () => {
  // The first test of the file: the pinyin chunk has not been fetched yet.
  it('stands in with the latin part until pinyin arrives, then fixes the id up, unless typed meanwhile', async () => {
    expect(loadedPinyin()).toBeUndefined();
    openWithNewConditions('VIP 大单打标', '抖音订单', '未付款拦截');
    useSelectionStore.getState().actions.select(['condition-2']);
    deriveNodeId('condition-2');
    deriveNodeId('condition-3');
    deriveNodeId('condition-4');
    // As before pinyin: the latin words, or the kind id when there are none.
    expect(named('VIP 大单打标')).toBe('vip');
    expect(named('抖音订单')).toBe('condition-3');
    expect(named('未付款拦截')).toBe('condition-4');
    // The consultant starts typing an id of their own into 节点编号 before pinyin lands.
    settle('condition-4');
    await pinyinArrived();
    expect(named('VIP 大单打标')).toBe('vip-da-dan-da-biao');
    expect(named('抖音订单')).toBe('dou-yin-ding-dan');
    expect(named('未付款拦截')).toBe('condition-4');
    // The inspector follows the node it showed.
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['vip-da-dan-da-biao']);
  });

  it('gives the pinyin id at once when pinyin is there, numbered when taken', async () => {
    await pinyinArrived();
    openWithNewConditions('未付款拦截', '未付款拦截');
    deriveNodeId('condition-2');
    deriveNodeId('condition-3');
    expect(ids()).toEqual(expect.arrayContaining(['wei-fu-kuan-lan-jie', 'wei-fu-kuan-lan-jie-2']));
    expect(ids()).not.toContain('condition-2');
  });

  it('never replaces an id the node already has from the consultant or an earlier naming', async () => {
    await pinyinArrived();
    openWithNewConditions('未付款拦截');
    const before = ids();
    // `if-multi` is the demo's own id for 多件; renaming the node keeps it.
    deriveNodeId('if-multi');
    expect(ids()).toEqual(before);
    deriveNodeId('condition-2');
    useDocumentStore.getState().actions.edit((doc) => ({
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'wei-fu-kuan-lan-jie' ? { ...n, name: '重复订单' } : n)),
    }));
    deriveNodeId('wei-fu-kuan-lan-jie');
    expect(named('重复订单')).toBe('wei-fu-kuan-lan-jie');
  });
});
