/**
 * What a Tmall listing title says about the goods: their category and a shipping weight.
 * Titles are keyword soup ("雅漾 舒护活泉水喷雾300ml 赠修护洁面乳"): a set is a set wherever the title
 * says so; otherwise the product is named first and the rest is selling, so the keyword found earliest
 * wins (on a tie, the rule listed first). Promotions in brackets (【11-11预售】) name no product.
 */

const SET = /套装|礼盒|三部曲|件套|套组|组合|体验装/;
const PROMOTION = /【[^】]*】|\[[^\]]*\]/g;

const CATEGORY_RULES: readonly [RegExp, string][] = [
  [/卸妆|洁颜油/, 'makeup-remover'],
  [/洁面|洗面|洗颜|洁颜|去角质|死皮|洁面皂|蜜皂/, 'cleanser'],
  [/眼霜|眼部|眼膜霜|眼精华|大眼精华/, 'eye-care'],
  [/面膜|唇膜/, 'mask'],
  [/粉底|气垫|BB|CC霜|粉饼|散粉|蜜粉|遮瑕/i, 'base-makeup'],
  [/口红|唇膏|唇彩|唇釉/, 'lip'],
  [/睫毛|眼线|眉笔|眉粉|眉膏|眼影|腮红|修容|粉球/, 'color-makeup'],
  [/香水/, 'fragrance'],
  [/护手|手霜/, 'hand-care'],
  [/防晒|隔离/, 'sunscreen'],
  [
    /爽肤水|柔肤水|化妆水|精华水|营养水|保湿水|须后水|净透水|清莹露|活能水|机能水|喷雾|化妆液|保湿露/,
    'toner',
  ],
  [/精华|肌底液|原液|复原蜜/, 'serum'],
  [/乳液|润肤乳|醒肤露|理肤露|滋润乳|黄油|晶露|凝露|水乳/, 'lotion'],
  [/霜/, 'cream'],
  [/化妆棉|卸妆棉|美容工具/, 'tool'],
];

export function categoryOf(title: string): string {
  const product = title.replace(PROMOTION, ' ');
  if (SET.test(product)) return 'set';
  let best: { at: number; category: string } | undefined;
  for (const [pattern, category] of CATEGORY_RULES) {
    const at = pattern.exec(product)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { at, category };
  }
  return best?.category ?? 'skincare';
}

// "50g", "120ML", "80g*3", "50ml3支装", "20gX10袋": the first size in the title, times its count.
const SIZE = /(\d+(?:\.\d+)?)\s*(ml|g|毫升|克)(?:\s*[*xX×]\s*(\d+)|(\d+)\s*(?:支|瓶|袋|盒))?/i;
const SHEETS = /(\d+)\s*片/;
const GRAMS_PER_SHEET = 25;
const DEFAULT_KG = 0.3;
const SET_KG = 0.8;
const MAX_KG = 3;

/**
 * Gross weight: net grams (a millilitre of cosmetics weighs about a gram) plus jar, carton and
 * padding, which grow with the goods. Sets without a size weigh what a boxed set usually does.
 */
export function weightKgOf(title: string): number {
  const grams = netGrams(title);
  const isSet = categoryOf(title) === 'set';
  if (grams === undefined) return isSet ? SET_KG : DEFAULT_KG;
  // Rounded to 10 g in grams, where the arithmetic is exact.
  const gross = Math.min(Math.round((grams * 1.3 + 80) / 10) / 100, MAX_KG);
  return isSet ? Math.max(gross, 0.6) : gross;
}

function netGrams(title: string): number | undefined {
  const size = SIZE.exec(title);
  if (size) return Number(size[1]) * Number(size[3] ?? size[4] ?? 1);
  const sheets = SHEETS.exec(title);
  return sheets ? Number(sheets[1]) * GRAMS_PER_SHEET : undefined;
}
