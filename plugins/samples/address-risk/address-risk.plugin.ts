import { definePlugin } from '@ordergraph/plugin-sdk';

/**
 * 地址风险评分: scores how likely a receiver address is to bounce or be fraud, from signs consultants
 * hold orders for by hand. A fact plugin: conditions test `plugins.addressRisk.score` and `.reasons`.
 */

// Short names, as people write them; a full provincial form must follow for a name to count, so street
// names borrowed from provinces (上海的江苏路, 南京的北京东路) do not.
const PROVINCES = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '台湾',
  '香港',
  '澳门',
];
const PROVINCE_IN_TEXT = new RegExp(
  `(${PROVINCES.join('|')})(?:省|市|自治区|壮族|回族|维吾尔|特别行政区)`,
  'g',
);
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
// 新村 is an urban housing-estate name in Shanghai and elsewhere, not a village.
const RURAL = /(?<!新)村|乡|屯|寨|嘎查/;
/** Number ranges sold as virtual (MVNO) numbers, favoured for throwaway accounts. */
const VIRTUAL_PREFIXES = ['170', '171', '162', '165', '167'];

const REASONS = ['other_province', 'phone_in_address', 'two_phones', 'rural', 'virtual_number'] as const;
type Reason = (typeof REASONS)[number];

const WEIGHTS: Record<Reason, number> = {
  other_province: 40,
  phone_in_address: 20,
  two_phones: 15,
  rural: 15,
  virtual_number: 30,
};

export default definePlugin({
  manifest: {
    kind: 'fact',
    id: 'addressRisk',
    version: '1.0.0',
    name: '地址风险评分 Address risk',
    description: 'Double addresses, phone numbers pasted into the address, rural addresses, virtual numbers.',
    reads: ['receiver.province', 'receiver.address', 'receiver.phone'],
    inputs: {
      ruralWeight: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        optional: true,
        description: 'points for a rural address (default 15)',
      },
    },
    outputs: {
      score: { type: 'number', integer: true, minimum: 0, maximum: 100 },
      level: { type: 'string', enum: ['low', 'medium', 'high'] },
      reasons: { type: 'array', items: { type: 'string', enum: REASONS } },
    },
  },
  run(order, ctx) {
    const province = order.receiver?.province ?? '';
    const raw = order.receiver?.address ?? '';
    // Spaces split words, never names; digits keep them, or two numbers would run into one.
    const address = raw.replace(/\s+/g, '');
    const phone = order.receiver?.phone ?? '';
    const reasons: Reason[] = [];

    const named = [...address.matchAll(PROVINCE_IN_TEXT)].map((m) => m[1]!);
    if (named.some((name) => !province.startsWith(name))) reasons.push('other_province');

    const numbers = new Set(raw.match(MOBILE) ?? []);
    if (numbers.size > 0) reasons.push('phone_in_address');
    if (numbers.size > 1) reasons.push('two_phones');

    if (RURAL.test(address)) reasons.push('rural');

    const phones = [phone, ...numbers];
    if (phones.some((p) => VIRTUAL_PREFIXES.some((prefix) => p.startsWith(prefix))))
      reasons.push('virtual_number');

    const weight = (reason: Reason) =>
      reason === 'rural' ? (ctx.params.ruralWeight ?? WEIGHTS.rural) : WEIGHTS[reason];
    const score = Math.min(100, Math.round(reasons.reduce((sum, reason) => sum + weight(reason), 0)));
    const level = score >= 60 ? 'high' : score >= 30 ? 'medium' : 'low';
    return { score, level, reasons };
  },
});
