import { describe, expect, it } from 'vitest';
import { idFromName, isKindId } from './readable-id.ts';

describe('readable node ids', () => {
  it('knows the ids made from the kind', () => {
    expect(isKindId('condition', 'condition')).toBe(true);
    expect(isKindId('condition-2', 'condition')).toBe(true);
    expect(isKindId('vip-orders', 'condition')).toBe(false);
    expect(isKindId('condition-x', 'condition')).toBe(false);
  });

  it('takes the latin words and digits of a name, and none from a name without', () => {
    expect(idFromName('VIP 大单打标')).toBe('vip');
    expect(idFromName('Big orders ≥ 200')).toBe('big-orders-200');
    expect(idFromName('ＶＩＰ　２')).toBe('vip-2');
    expect(idFromName('抖音订单')).toBeUndefined();
  });
});
