import { beforeAll, describe, expect, it } from 'vitest';
import { loadPinyin } from './pinyin.ts';
import { idFromName, isKindId, MAX_ID_LENGTH, type Romanise, VALID_ID } from './readable-id.ts';

/** The API's id pattern (api/schemas/fields.ts): what a derived id must pass once suffixed. */
const API_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

let pinyin: Romanise;
beforeAll(async () => {
  pinyin = await loadPinyin();
});

describe('readable node ids', () => {
  it('knows the ids made from the kind', () => {
    expect(isKindId('condition', 'condition')).toBe(true);
    expect(isKindId('condition-2', 'condition')).toBe(true);
    expect(isKindId('vip-orders', 'condition')).toBe(false);
    expect(isKindId('condition-x', 'condition')).toBe(false);
  });

  it('without pinyin takes the latin words and digits of a name, and none from a name without', () => {
    expect(idFromName('VIP 大单打标')).toBe('vip');
    expect(idFromName('Big orders ≥ 200')).toBe('big-orders-200');
    expect(idFromName('ＶＩＰ　２')).toBe('vip-2');
    expect(idFromName('抖音订单')).toBeUndefined();
  });

  // Names as consultants write them (samples/clients/demo/strategies/*.strategy.json), and a few more.
  it.each([
    ['未付款拦截', 'wei-fu-kuan-lan-jie'],
    ['VIP 大单打标', 'vip-da-dan-da-biao'],
    ['抖音订单', 'dou-yin-ding-dan'],
    ['拦截：重复订单', 'lan-jie-chong-fu-ding-dan'],
    ['重量超过 20kg', 'zhong-liang-chao-guo-20kg'],
    ['付款未满 10 分钟', 'fu-kuan-wei-man-10-fen-zhong'],
    ['件数 ≥ 20', 'jian-shu-20'],
    ['双11全店赠品', 'shuang-11-quan-dian-zeng-pin'],
    ['备注未标 {OK}', 'bei-zhu-wei-biao-ok'],
    ['打标：big-spender', 'da-biao-big-spender'],
    ['拦截：大额（加急）', 'lan-jie-da-e-jia-ji'],
    ['标记：超重', 'biao-ji-chao-zhong'],
    ['天猫旗舰店专享', 'tian-mao-qi-jian-dian-zhuan-xiang'],
    ['留言/备注要求改地址', 'liu-yan-bei-zhu-yao-qiu-gai-di-zhi'],
    ['长沙仓', 'chang-sha-cang'],
    ['银行卡', 'yin-hang-ka'],
    ['绿色包装', 'lv-se-bao-zhuang'],
    ['ＶＩＰ　２', 'vip-2'],
  ])('%s → %s', (name, id) => {
    expect(idFromName(name, pinyin)).toBe(id);
  });

  it('reads a polyphonic character by its phrase', () => {
    expect(idFromName('重量', pinyin)).toBe('zhong-liang');
    expect(idFromName('重复', pinyin)).toBe('chong-fu');
    expect(idFromName('银行', pinyin)).toBe('yin-hang');
    expect(idFromName('步行', pinyin)).toBe('bu-xing');
  });

  it('stops a long name at the last whole word that fits', () => {
    const long = [
      ['平台强制 > 备注 > 商品 > 店铺 > 重量 > 地区 > 仓库默认', 'ping-tai-qiang-zhi-bei-zhu-shang-pin'],
      ['同店同买家同收件人同地址，4 小时内付款合单', 'tong-dian-tong-mai-jia-tong-shou-jian'],
      ['大件一件一包、预售单独发、8 kg 一包', 'da-jian-yi-jian-yi-bao-yu-shou-dan-du-fa'],
    ] as const;
    for (const [name, id] of long) {
      const made = idFromName(name, pinyin);
      expect(made).toBe(id);
      expect(made?.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    }
    // One word longer than the cap is the only one ever cut.
    expect(idFromName('x'.repeat(60))).toBe('x'.repeat(MAX_ID_LENGTH));
  });

  it('gives none for a name with nothing to read, and only ids the schema and the API accept', () => {
    expect(idFromName('🎁', pinyin)).toBeUndefined();
    expect(idFromName('：（）', pinyin)).toBeUndefined();
    for (const name of [
      '未付款拦截',
      '会员3级及以上或备注VIP',
      '抖音：最便宜的仓（操作费 + 运费）',
      'Ünïcödé 发货',
    ]) {
      const id = idFromName(name, pinyin) ?? '';
      expect(id).toMatch(VALID_ID);
      expect(`${id}-12`).toMatch(API_ID);
    }
  });
});
