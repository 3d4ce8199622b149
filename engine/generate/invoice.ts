import type { Prng } from './prng.ts';

/** An invoice a buyer asks for: a company title with its tax id (统一社会信用代码), or a personal one. */
export interface Invoice {
  title: string;
  taxId: string;
}

const NAME_PARTS = ['华', '盛', '恒', '瑞', '嘉', '鑫', '博', '智', '远', '德', '信', '诚', '泰', '宏', '启'];
const TRADES = ['科技', '贸易', '文化传媒', '电子商务', '餐饮管理', '信息技术', '美容服务', '商贸', '咨询'];

// GB 32100-2015: 18 characters from this alphabet, the last a check character over the first 17.
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** `cityName` is a short place name ("杭州"); `cityCode` its six-digit GB/T 2260 code. */
export function invoice(prng: Prng, cityName: string, cityCode: string): Invoice {
  if (prng.chance(0.3)) return { title: '个人', taxId: '' };
  const name = `${prng.pick(NAME_PARTS)}${prng.pick(NAME_PARTS)}`;
  return {
    title: `${cityName}${name}${prng.pick(TRADES)}有限公司`,
    taxId: creditCode(`91${cityCode}${prng.chars(CODE_CHARS.slice(0, 10), 1)}${prng.chars(CODE_CHARS, 8)}`),
  };
}

/** The first 17 characters with their check character, so a validator downstream accepts them. */
export function creditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(first17[i]!) * WEIGHTS[i]!;
  return `${first17}${CODE_CHARS[(31 - (sum % 31)) % 31]}`;
}
