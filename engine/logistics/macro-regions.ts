/**
 * The seven macro-regions (大区) Chinese logistics prices and plans by. GB/T 2260 does not define
 * them; this is the common split carriers and OMS products use, by two-digit province code.
 */
export const MACRO_REGIONS = ['华北', '东北', '华东', '华中', '华南', '西南', '西北'] as const;
export type MacroRegion = (typeof MACRO_REGIONS)[number];

export const MACRO_REGION_LABELS: Record<MacroRegion, { en: string; zh: string }> = {
  华北: { en: 'North China', zh: '华北' },
  东北: { en: 'Northeast China', zh: '东北' },
  华东: { en: 'East China', zh: '华东' },
  华中: { en: 'Central China', zh: '华中' },
  华南: { en: 'South China', zh: '华南' },
  西南: { en: 'Southwest China', zh: '西南' },
  西北: { en: 'Northwest China', zh: '西北' },
};

const PROVINCES: Record<MacroRegion, readonly string[]> = {
  华北: ['11', '12', '13', '14', '15'], // 北京 天津 河北 山西 内蒙古
  东北: ['21', '22', '23'], // 辽宁 吉林 黑龙江
  华东: ['31', '32', '33', '34', '35', '36', '37'], // 上海 江苏 浙江 安徽 福建 江西 山东
  华中: ['41', '42', '43'], // 河南 湖北 湖南
  华南: ['44', '45', '46'], // 广东 广西 海南
  西南: ['50', '51', '52', '53', '54'], // 重庆 四川 贵州 云南 西藏
  西北: ['61', '62', '63', '64', '65'], // 陕西 甘肃 青海 宁夏 新疆
};

const BY_PROVINCE = new Map<string, MacroRegion>(
  MACRO_REGIONS.flatMap((region) => PROVINCES[region].map((code) => [code, region] as const)),
);

/** `BY_PROVINCE` by the province code's value (11 … 65): an array read, for codes that start with two digits. */
const BY_PROVINCE_NUMBER: (MacroRegion | undefined)[] = Array.from({ length: 100 }, (_, n) =>
  BY_PROVINCE.get(String(n).padStart(2, '0')),
);

/** The macro-region of a province (or of any code under it); undefined for codes outside the 31 mainland provinces. */
export function macroRegionOf(code: string): MacroRegion | undefined {
  // A code that starts with two digits is its own trimmed start: read them as a number rather than
  // slicing a string to hash (nearest-warehouse ranking asks this twice per warehouse and order).
  const tens = code.charCodeAt(0) - 48;
  const ones = code.charCodeAt(1) - 48;
  if (tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9) return BY_PROVINCE_NUMBER[tens * 10 + ones];
  return BY_PROVINCE.get(code.trim().slice(0, 2));
}
