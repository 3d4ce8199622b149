import { z } from 'zod';
import type { NestedCondition } from '../../../rules/schema.ts';
import { anyOf, definePreset, leaf } from '../preset.ts';

/** Platforms mask encrypted addresses with runs of asterisks (文***号, ************). */
const ENCRYPTED = '\\*{3,}';

export const addressPreset = definePreset({
  id: 'address',
  label: { en: 'Address problem', zh: '地址异常' },
  help: {
    en: 'Holds when the address is missing, its province / city / district could not be resolved, it is encrypted, or the detail address names another province (a pasted old address).',
    zh: '地址缺失、省市区无法识别、地址加密，或详细地址中含其他省份（疑似双地址）时成立。',
  },
  params: z.object({
    missing: z.boolean().default(true),
    incomplete: z.boolean().default(true),
    otherProvince: z.boolean().default(true),
    encrypted: z.boolean().default(false),
  }),
  fields: {
    missing: {
      label: { en: 'Address missing', zh: '地址缺失' },
      help: { en: 'The detail address is empty.', zh: '详细地址为空。' },
    },
    incomplete: {
      label: { en: 'Region incomplete', zh: '省市区不全' },
      help: {
        en: 'The province, city or district is missing or is not a real one.',
        zh: '省、市、区缺失或无法识别。',
      },
    },
    otherProvince: {
      label: { en: 'Names another province', zh: '含其他省份' },
      help: {
        en: 'The detail address names a province other than the receiver’s, e.g. 江苏省… for a 上海 receiver. Street names such as 上海的江苏路 do not count.',
        zh: '详细地址提到收货省份以外的省份，如收货省为上海而地址写"江苏省…"。上海的"江苏路"这类路名不算。',
      },
    },
    encrypted: {
      label: { en: 'Encrypted', zh: '地址加密' },
      help: { en: 'The address is masked with ***.', zh: '地址被 *** 加密遮挡。' },
    },
  },
  compile: (p) => {
    const checks: NestedCondition[] = [];
    if (p.missing) checks.push(leaf('issueCodes', 'contains', 'address_missing'));
    if (p.incomplete) checks.push(leaf('issueCodes', 'containsAny', ['region_missing', 'region_unknown']));
    if (p.otherProvince) checks.push(leaf('addressOtherProvince', 'equal', true));
    if (p.encrypted) checks.push(leaf('receiver.address', 'matchesRegex', ENCRYPTED));
    return anyOf(checks);
  },
  validate: (p) =>
    p.missing || p.incomplete || p.otherProvince || p.encrypted
      ? []
      : [
          {
            code: 'content_invalid',
            path: 'missing',
            message: 'address: tick at least one problem to check',
          },
        ],
});

const words = z.array(z.string().trim().min(1, 'a keyword cannot be empty'));

export const ruralKeywordPreset = definePreset({
  id: 'ruralKeyword',
  label: { en: 'Rural address keyword', zh: '乡村地址关键词' },
  help: {
    en: 'Holds when the detail address contains a rural keyword (村, 乡, 镇, 组 …), unless it also contains an exception such as 新村 (a city housing estate).',
    zh: '详细地址含乡村关键词（村、乡、镇、组…）时成立；含例外词（如城市小区名"新村"）时不成立。',
  },
  params: z.object({
    keywords: words.min(1, 'list at least one keyword').default(() => ['村', '乡', '镇', '组', '屯']),
    except: words.default(() => ['新村']),
  }),
  fields: {
    keywords: {
      label: { en: 'Keywords', zh: '关键词' },
      help: { en: 'Any one of them in the address counts.', zh: '地址含任一关键词即成立。' },
      widget: 'keywords',
    },
    except: {
      label: { en: 'Exceptions', zh: '例外词' },
      help: {
        en: 'An address containing any of these never counts.',
        zh: '地址含任一例外词时不成立。',
      },
      widget: 'keywords',
    },
  },
  compile: ({ keywords, except }) => {
    const rural = leaf('receiver.address', 'containsAny', keywords);
    if (except.length === 0) return rural;
    return { all: [rural, { not: leaf('receiver.address', 'containsAny', except) }] };
  },
});
