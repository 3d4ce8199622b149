import { z } from 'zod';
import type { NestedCondition } from '../../../rules/schema.ts';
import { anyOf, definePreset, leaf } from '../preset.ts';

const entries = z.array(z.string().trim().min(1, 'an entry cannot be empty')).default(() => []);

export const blacklistPreset = definePreset({
  id: 'blacklist',
  label: { en: 'Blacklist', zh: '黑名单' },
  help: {
    en: 'Holds when the buyer id or the receiver’s phone is on the list, or the address contains a listed text.',
    zh: '买家 ID、收货人手机号在名单内，或地址含名单中的文字时成立。',
  },
  params: z.object({ buyerIds: entries, phones: entries, addressContains: entries }),
  fields: {
    buyerIds: {
      label: { en: 'Buyer ids', zh: '买家 ID' },
      help: { en: 'Exact buyer ids as the platform gives them.', zh: '平台给出的买家 ID，需完全一致。' },
      widget: 'keywords',
    },
    phones: {
      label: { en: 'Phones', zh: '手机号' },
      help: {
        en: 'Exact numbers as the platform gives them; a masked number (138****5678) matches only the same mask.',
        zh: '与平台给出的号码完全一致；脱敏号码（138****5678）只匹配相同的脱敏号码。',
      },
      widget: 'keywords',
    },
    addressContains: {
      label: { en: 'Address contains', zh: '地址包含' },
      help: { en: 'Any of these texts in the detail address.', zh: '详细地址含任一文字。' },
      widget: 'keywords',
    },
  },
  compile: ({ buyerIds, phones, addressContains }) => {
    const checks: NestedCondition[] = [];
    if (buyerIds.length) checks.push(leaf('buyer.id', 'in', buyerIds));
    if (phones.length) checks.push(leaf('receiver.phone', 'in', phones));
    if (addressContains.length) checks.push(leaf('receiver.address', 'containsAny', addressContains));
    return anyOf(checks);
  },
  validate: (p) =>
    p.buyerIds.length || p.phones.length || p.addressContains.length
      ? []
      : [
          {
            code: 'content_invalid',
            path: 'buyerIds',
            message: 'blacklist: list at least one buyer id, phone or address text',
          },
        ],
});

export const duplicateOrderPreset = definePreset({
  id: 'duplicateOrder',
  label: { en: 'Duplicate order', zh: '重复订单' },
  help: {
    en: 'Holds when an order with the same platform order id was already decided (the platform pushed it again).',
    zh: '同一平台单号的订单已处理过（平台重复推送）时成立。',
  },
  params: z.object({}),
  fields: {},
  compile: () => leaf('duplicateOrder', 'equal', true),
});
