import { describe, expect, it } from 'vitest';
import { creditCode, invoice } from './invoice.ts';
import { Prng } from './prng.ts';

describe('creditCode', () => {
  it('adds the GB 32100 check character (the standard example and a real company)', () => {
    expect(creditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(creditCode('91110000802100433')).toBe('91110000802100433B');
  });
});

describe('invoice', () => {
  it('gives companies an 18-character tax id from their city and persons none', () => {
    const prng = Prng.fromSeed('inv');
    const all = Array.from({ length: 50 }, () => invoice(prng, '杭州', '330100'));
    const company = all.find((i) => i.taxId)!;
    expect(company.title).toMatch(/^杭州.+有限公司$/);
    expect(company.taxId).toMatch(/^91330100[0-9A-HJ-NPQRTUWXY]{10}$/);
    expect(creditCode(company.taxId.slice(0, 17))).toBe(company.taxId);
    expect(all.some((i) => i.title === '个人' && i.taxId === '')).toBe(true);
  });
});
