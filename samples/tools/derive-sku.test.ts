import { describe, expect, it } from 'vitest';
import { categoryOf, weightKgOf } from './derive-sku.ts';

describe('categoryOf', () => {
  it.each([
    ['CHANDO/自然堂 雪域精粹纯粹滋润霜50g 补水保湿 滋润水润面霜', 'cream'],
    ['CHANDO/自然堂凝时鲜颜肌活乳液120ML 淡化细纹补水滋润专柜正品', 'lotion'],
    ['雅漾 舒护活泉水喷雾300ml 赠修护洁面乳', 'toner'],
    ['CHANDO/自然堂雪域精粹水乳套装 爽肤水冰肌水乳液面霜护理套装', 'set'],
    ['【11-11预售】Shu uemura植村秀樱花轻肤洁颜油 卸妆油 深层清洁', 'makeup-remover'],
    ['雅诗兰黛小棕瓶眼霜 眼部精华霜15ml 补水淡化细纹', 'eye-care'],
    ['兰芝气垫BB霜（美白）赠替换芯 遮瑕保湿 买1享8', 'base-makeup'],
    ['美宝莲好气色轻唇膏 持久滋润保湿补水口红不易褪色不干唇彩正品', 'lip'],
    ['雅诗兰黛小棕瓶面部精华30ml  修护精华露补水保湿', 'serum'],
    ['CHANDO/自然堂喜马拉雅补水面膜21片 补水保湿滋润面膜', 'mask'],
    ['某品牌 神秘好物', 'skincare'],
  ])('%s → %s', (title, category) => {
    expect(categoryOf(title)).toBe(category);
  });
});

describe('weightKgOf', () => {
  it('weighs the size in the title plus packaging', () => {
    expect(weightKgOf('雪域精粹纯粹滋润霜50g')).toBe(0.15);
    expect(weightKgOf('凝时鲜颜肌活乳液120ML')).toBe(0.24);
  });

  it('multiplies a pack count written after the size', () => {
    expect(weightKgOf('银耳珍珠滋养霜80g*3 补水保湿面霜')).toBe(0.39);
    expect(weightKgOf('舒护活泉水喷雾50ml3支装')).toBe(0.28);
  });

  it('counts mask sheets when there is no size', () => {
    expect(weightKgOf('喜马拉雅补水面膜21片')).toBe(0.76);
  });

  it('falls back to 0.3 kg, and to a boxed set weight for sets', () => {
    expect(weightKgOf('植村秀新无色限唇膏 口红')).toBe(0.3);
    expect(weightKgOf('自然堂水润保湿面部护理套装')).toBe(0.8);
  });
});
